import { LinkplanError } from "../core/linkplanError.js";
import type { PriceCatalog } from "./catalogSchema.js";
import type { MissingPrice } from "./priceBook.js";

/** The `missing_price` error naming every region and item a catalog lacks. */
export function missingPriceError(
  catalog: PriceCatalog,
  missing: readonly MissingPrice[],
  what = "this topology",
): LinkplanError {
  return new LinkplanError(
    "missing_price",
    `the price catalog "${catalog.name}" lacks ${missing.length} price${missing.length === 1 ? "" : "s"} ${what} needs`,
    missing.map((m) => ({
      path: m.neededBy,
      message:
        m.region === "global"
          ? `no price for ${m.item}`
          : catalog.regions[m.region]
            ? `no price for ${m.item} in region ${m.region}`
            : `region ${m.region} is not in the catalog (no price for ${m.item})`,
    })),
  );
}
