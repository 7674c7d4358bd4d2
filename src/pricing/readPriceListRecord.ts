import * as z from "zod";

/** One rate of an on-demand offer: a price per unit over a usage range. */
export interface PriceDimension {
  unit: string;
  beginRange: string;
  /** "Inf" for the open-ended last range */
  endRange: string;
  /** pricePerUnit.USD as the API wrote it ("0.0100000000"); undefined when there is none */
  usd: string | undefined;
}

/** The parts of a Price List product record that linkplan uses. */
export interface PriceListProduct {
  sku: string;
  productFamily: string | undefined;
  usagetype: string;
  /** attributes.regionCode, or attributes.fromRegionCode (AWSDataTransfer) */
  regionCode: string | undefined;
  /** attributes.toRegionCode (AWSDataTransfer) */
  toRegionCode: string | undefined;
  /** terms.OnDemand, one per offer term */
  offers: { effectiveDate: string | undefined; dimensions: PriceDimension[] }[];
}

const DimensionSchema = z.looseObject({
  unit: z.string().optional(),
  beginRange: z.string().optional(),
  endRange: z.string().optional(),
  pricePerUnit: z.record(z.string(), z.string()).optional(),
});

const RecordSchema = z.looseObject({
  product: z.looseObject({
    sku: z.string().min(1),
    productFamily: z.string().optional(),
    attributes: z.looseObject({
      usagetype: z.string().min(1),
      regionCode: z.string().optional(),
      fromRegionCode: z.string().optional(),
      toRegionCode: z.string().optional(),
    }),
  }),
  terms: z
    .looseObject({
      OnDemand: z
        .record(
          z.string(),
          z.looseObject({
            effectiveDate: z.string().optional(),
            priceDimensions: z.record(z.string(), DimensionSchema),
          }),
        )
        .optional(),
    })
    .optional(),
});

/**
 * Read one PriceList entry (a JSON string) of GetProducts. Undefined when it is not JSON or
 * lacks product.sku or product.attributes.usagetype; prices are read as strings, never numbers.
 */
export function readPriceListRecord(json: string): PriceListProduct | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = RecordSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { product, terms } = parsed.data;
  const attributes = product.attributes;
  return {
    sku: product.sku,
    productFamily: product.productFamily,
    usagetype: attributes.usagetype,
    regionCode: attributes.regionCode ?? attributes.fromRegionCode,
    toRegionCode: attributes.toRegionCode,
    offers: Object.values(terms?.OnDemand ?? {}).map((offer) => ({
      effectiveDate: offer.effectiveDate,
      dimensions: Object.values(offer.priceDimensions).map((d) => ({
        unit: d.unit ?? "",
        beginRange: d.beginRange ?? "0",
        endRange: d.endRange ?? "Inf",
        usd: d.pricePerUnit?.USD,
      })),
    })),
  };
}
