import { terminalLines, terminalText } from "../core/terminalText.js";
import type { CatalogPrices } from "../pricing/catalogPrices.js";
import type { PriceEntry } from "../pricing/catalogSchema.js";
import { alignColumns } from "./alignColumns.js";

/** "0.01", or tiers "0.01 ≤ 1048576, 0.006 ≤ 5242880, 0.004". */
function priceText(entry: PriceEntry): string {
  if (entry.usd !== undefined) return entry.usd;
  return (entry.tiers ?? [])
    .map((tier) => (tier.upTo === null ? tier.usd : `${tier.usd} up to ${tier.upTo}`))
    .join(", ");
}

/** A terminal table of one region's prices (and the global ones): item, USD, unit, source. */
export function formatCatalogPrices(prices: CatalogPrices): string {
  const rows: string[][] = [["ITEM", "USD", "UNIT", "SOURCE"]];
  const add = (scope: string, entries: Record<string, PriceEntry | undefined>) => {
    for (const [item, entry] of Object.entries(entries)) {
      if (!entry) continue;
      rows.push([
        `${scope}${item}`,
        priceText(entry),
        `per ${entry.unit}`,
        `${entry.source}${entry.unverified ? " (unverified)" : ""}`,
      ]);
    }
  };
  add("", prices.prices);
  add("global: ", prices.global);
  const head = `${terminalText(prices.catalog.name)} (${terminalText(prices.catalog.retrieved)}) — prices in ${prices.region}, ${prices.catalog.currency}`;
  return terminalLines(
    `${[head, "", ...alignColumns(rows, ["left", "right", "left", "left"])].join("\n")}\n`,
  );
}
