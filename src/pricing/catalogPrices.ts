import { LinkplanError } from "../core/linkplanError.js";
import type { PriceCatalog, PriceEntry, RegionPrices } from "./catalogSchema.js";

/** One region's prices, with the global (Route 53) ones and what the catalog is. */
export interface CatalogPrices {
  catalog: { name: string; retrieved: string; currency: "USD" };
  region: string;
  prices: RegionPrices;
  global: Record<string, PriceEntry>;
}

/**
 * Every price the catalog has for `region`, and its global prices.
 *
 * @throws LinkplanError("not_found") when the catalog has no such region
 */
export function catalogPrices(catalog: PriceCatalog, region: string): CatalogPrices {
  // own keys only: "constructor" or "__proto__" is not a region
  const prices = Object.hasOwn(catalog.regions, region) ? catalog.regions[region] : undefined;
  if (!prices) {
    throw new LinkplanError(
      "not_found",
      `the catalog "${catalog.name}" has no region "${region}"; GET /v1/catalog/regions lists them`,
    );
  }
  const global: Record<string, PriceEntry> = {};
  for (const [item, entry] of Object.entries(catalog.global)) if (entry) global[item] = entry;
  return {
    catalog: { name: catalog.name, retrieved: catalog.retrieved, currency: catalog.currency },
    region,
    prices,
    global,
  };
}
