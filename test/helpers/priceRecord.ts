/** A usage range of a price dimension: [beginRange, endRange ("Inf"), price per unit]. */
export type Range = [string, string, string];

export interface PriceRecordSpec {
  sku: string;
  serviceCode: string;
  productFamily: string;
  usagetype: string;
  /** regionCode, or fromRegionCode/toRegionCode for AWSDataTransfer; none for Route 53 */
  attributes?: Record<string, string>;
  unit: string;
  /** one price for 0–Inf, or ranges */
  price: string | Range[];
  /** currency of pricePerUnit (default USD) */
  currency?: string;
  /** no OnDemand terms at all, only Reserved */
  reservedOnly?: boolean;
  effectiveDate?: string;
}

const RATE_CODES = ["6YS6EN2CT7", "PGHJ3S3EYE", "B8FZ2C5SKA", "Q7UJUT2CE6"];
const OFFER = "JRTCKXETXF";

/**
 * One GetProducts PriceList entry (a JSON string) in the documented record shape: product
 * {sku, productFamily, attributes {usagetype, regionCode, location, …}} and
 * terms.OnDemand.<sku.offer>.priceDimensions.<sku.offer.rate> {unit, beginRange, endRange,
 * pricePerUnit {USD}}.
 */
export function priceRecord(spec: PriceRecordSpec): string {
  const ranges: Range[] = typeof spec.price === "string" ? [["0", "Inf", spec.price]] : spec.price;
  const term = `${spec.sku}.${OFFER}`;
  const priceDimensions = Object.fromEntries(
    ranges.map(([beginRange, endRange, usd], i) => {
      const rateCode = `${term}.${RATE_CODES[i] ?? `RATE${i}`}`;
      return [
        rateCode,
        {
          unit: spec.unit,
          endRange,
          description: `$${usd} per ${spec.unit} for ${spec.usagetype}`,
          appliesTo: [],
          rateCode,
          beginRange,
          pricePerUnit: { [spec.currency ?? "USD"]: usd },
        },
      ];
    }),
  );
  const offer = {
    priceDimensions,
    sku: spec.sku,
    effectiveDate: spec.effectiveDate ?? "2026-11-01T00:00:00Z",
    offerTermCode: OFFER,
    termAttributes: {},
  };
  return JSON.stringify({
    product: {
      productFamily: spec.productFamily,
      attributes: {
        servicecode: spec.serviceCode,
        usagetype: spec.usagetype,
        operation: "",
        ...spec.attributes,
      },
      sku: spec.sku,
    },
    serviceCode: spec.serviceCode,
    terms: spec.reservedOnly ? { Reserved: { [term]: offer } } : { OnDemand: { [term]: offer } },
    version: "20261101000000",
    publicationDate: "2026-11-01T00:00:00Z",
  });
}
