import data from "./bundledCatalog.json" with { type: "json" };
import type { PriceCatalog } from "./catalogSchema.js";

/**
 * The price catalog shipped with linkplan, a fresh copy at each call (callers may change
 * it). The file satisfies PriceCatalogSchema (which changes nothing it accepts): checked
 * by test/bundledCatalog.test.ts instead of at every start (~10 ms of the CLI's).
 */
export function bundledCatalog(): PriceCatalog {
  return structuredClone(data) as PriceCatalog;
}
