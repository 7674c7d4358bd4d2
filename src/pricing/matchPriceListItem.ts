import { PRICE_LIST_ITEMS, type PriceListItem } from "./priceListItems.js";

/** A usagetype's region prefix: one region token or a from-to pair (USE1, EUW2, USE1-EUW2, EU). */
const REGION_PREFIX = /^[A-Z]{2,4}\d{0,2}(?:-[A-Z]{2,4}\d{0,2})?$/;

/** True when `usagetype` is `suffix`, or a region prefix, a hyphen and `suffix`. */
export function hasUsagetypeSuffix(usagetype: string, suffix: string): boolean {
  if (usagetype === suffix) return true;
  if (!usagetype.endsWith(`-${suffix}`)) return false;
  return REGION_PREFIX.test(usagetype.slice(0, usagetype.length - suffix.length - 1));
}

/** The catalog item a Price List product is the figure of, if any. */
export function matchPriceListItem(
  serviceCode: string,
  productFamily: string | undefined,
  usagetype: string,
): PriceListItem | undefined {
  return PRICE_LIST_ITEMS.find(
    (entry) =>
      entry.serviceCode === serviceCode &&
      (entry.productFamily === undefined || entry.productFamily === productFamily) &&
      [entry.usagetype, ...(entry.aliases ?? [])].some((suffix) =>
        hasUsagetypeSuffix(usagetype, suffix),
      ),
  );
}
