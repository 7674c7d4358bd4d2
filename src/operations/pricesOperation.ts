import * as z from "zod";
import { type CatalogPrices, catalogPrices } from "../pricing/catalogPrices.js";
import { PriceEntrySchema, RegionPricesSchema } from "../pricing/catalogSchema.js";
import { formatCatalogPrices } from "../report/formatCatalogPrices.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";

const CatalogPricesSchema = z
  .object({
    catalog: z.object({ name: z.string(), retrieved: z.string(), currency: z.literal("USD") }),
    region: z.string(),
    prices: RegionPricesSchema,
    global: z.record(z.string(), PriceEntrySchema),
  })
  .describe("Every price of one region and the global ones, with unit and source");

export const PricesOptionsSchema = z.object({
  region: z.string().min(1).describe("region code, e.g. us-east-1"),
});
export type PricesOptions = z.output<typeof PricesOptionsSchema>;

/** prices: every price the catalog has for one region (and the global Route 53 prices). */
export const pricesOperation = defineOperation({
  name: "prices",
  summary: "every price of one region (and the global Route 53 prices), with unit and source",
  options: PricesOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: CatalogPricesSchema,
      render: (p: CatalogPrices) => p,
    },
    table: { kind: "text", mediaType: MEDIA.text, render: formatCatalogPrices },
  },
  defaultFormat: { cli: "table", api: "json" },
  route: { method: "GET", url: "/v1/catalog/prices", tag: "catalog" },
  run(_body, options: PricesOptions, ctx): CatalogPrices {
    return catalogPrices(ctx.catalog, options.region);
  },
});
