import data from "./bundledCatalog.json" with { type: "json" };
import { type PriceCatalog, PriceCatalogSchema } from "./catalogSchema.js";

/** The price catalog shipped with linkplan (validated by the catalog schema). */
export function bundledCatalog(): PriceCatalog {
  return PriceCatalogSchema.parse(data);
}
