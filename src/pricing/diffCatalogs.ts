import { divideRounded, formatScaled, rateFromDecimal } from "../core/money.js";
import {
  GLOBAL_ITEMS,
  type PriceCatalog,
  type PriceEntry,
  REGIONAL_ITEMS,
} from "./catalogSchema.js";

/** One figure that differs between two catalogs. */
export interface FigureChange {
  /** region code, or "global" (Route 53) */
  region: string;
  item: string;
  /** which figure of the entry: "" (its only price, or the whole entry when added or
   * removed), "tier 2", "tier 2 bound", "to us-east-2" (per destination), "unit" */
  figure: string;
  change: "added" | "removed" | "changed";
  old: string | null;
  new: string | null;
  /** relative change of a price, rounded to 0.1 % ("-4.8%"); null when not a price or from 0 */
  percent: string | null;
}

/** What changed from one catalog to another, figure by figure. */
export interface CatalogDiff {
  old: { name: string; retrieved: string };
  new: { name: string; retrieved: string };
  /** regions only one catalog has, with their number of priced items */
  regionsOnlyInOld: { region: string; items: number }[];
  regionsOnlyInNew: { region: string; items: number }[];
  /** changes within Route 53 and the regions both catalogs have */
  changes: FigureChange[];
  /** figures compared and found equal */
  unchanged: number;
}

type Tier = { upTo: number | null; usd: string };

function tiersOf(entry: PriceEntry): Tier[] {
  return entry.tiers ?? [{ upTo: null, usd: entry.usd ?? "0" }];
}

/** "0.01", or "0.01 / 0.006 / 0.004" for tiers */
function summary(entry: PriceEntry): string {
  return tiersOf(entry)
    .map((t) => t.usd)
    .join(" / ");
}

function percent(oldUsd: string, newUsd: string): string | null {
  const before = rateFromDecimal(oldUsd);
  if (before === 0n) return null;
  const tenths = divideRounded((rateFromDecimal(newUsd) - before) * 1000n, before);
  return `${tenths > 0n ? "+" : ""}${formatScaled(tenths, 1, { minPlaces: 1 })}%`;
}

function compareEntries(
  region: string,
  item: string,
  before: PriceEntry,
  after: PriceEntry,
  out: FigureChange[],
): number {
  let unchanged = 0;
  const push = (figure: string, o: string | null, n: string | null, isPrice: boolean) => {
    const change = o === null ? "added" : n === null ? "removed" : "changed";
    const pct = isPrice && o !== null && n !== null ? percent(o, n) : null;
    out.push({ region, item, figure, change, old: o, new: n, percent: pct });
  };
  if (before.unit !== after.unit) push("unit", before.unit, after.unit, false);
  const a = tiersOf(before);
  const b = tiersOf(after);
  const single = a.length === 1 && b.length === 1;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const label = single ? "" : `tier ${i + 1}`;
    const x = a[i];
    const y = b[i];
    if (!x || !y) {
      push(label, x?.usd ?? null, y?.usd ?? null, true);
      continue;
    }
    if (rateFromDecimal(x.usd) === rateFromDecimal(y.usd)) unchanged += 1;
    else push(label, x.usd, y.usd, true);
    if (x.upTo !== y.upTo)
      push(`${label} bound`, String(x.upTo ?? "none"), String(y.upTo ?? "none"), false);
  }
  const destinations = [
    ...new Set([
      ...Object.keys(before.byDestination ?? {}),
      ...Object.keys(after.byDestination ?? {}),
    ]),
  ].sort();
  // a destination without its own figure is billed the entry's base rate: compare the
  // rates that apply, so dropping an override equal to the base rate is no change
  const base = (entry: PriceEntry) => entry.usd ?? entry.tiers?.[0]?.usd ?? null;
  for (const destination of destinations) {
    const x = before.byDestination?.[destination] ?? base(before);
    const y = after.byDestination?.[destination] ?? base(after);
    if (x !== null && y !== null && rateFromDecimal(x) === rateFromDecimal(y)) unchanged += 1;
    else push(`to ${destination}`, x, y, true);
  }
  return unchanged;
}

function compareItems(
  region: string,
  items: readonly string[],
  before: Partial<Record<string, PriceEntry>>,
  after: Partial<Record<string, PriceEntry>>,
  out: FigureChange[],
): number {
  let unchanged = 0;
  for (const item of items) {
    const x = before[item];
    const y = after[item];
    if (x && y) unchanged += compareEntries(region, item, x, y, out);
    else if (x || y) {
      out.push({
        region,
        item,
        figure: "",
        change: x ? "removed" : "added",
        old: x ? summary(x) : null,
        new: y ? summary(y) : null,
        percent: null,
      });
    }
  }
  return unchanged;
}

/**
 * Compare two catalogs figure by figure (pure): prices are compared as exact decimals
 * ("0.50" equals "0.5"), tiers one by one (price and bound), inter-region overrides per
 * destination; provenance (source, sku, dates) is not a figure and is ignored.
 */
export function diffCatalogs(before: PriceCatalog, after: PriceCatalog): CatalogDiff {
  const changes: FigureChange[] = [];
  let unchanged = compareItems("global", GLOBAL_ITEMS, before.global, after.global, changes);
  const regionsOnlyInOld: CatalogDiff["regionsOnlyInOld"] = [];
  const regionsOnlyInNew: CatalogDiff["regionsOnlyInNew"] = [];
  const regions = [...new Set([...Object.keys(before.regions), ...Object.keys(after.regions)])];
  for (const region of regions) {
    const x = before.regions[region];
    const y = after.regions[region];
    if (x && y) unchanged += compareItems(region, REGIONAL_ITEMS, x, y, changes);
    else if (x) regionsOnlyInOld.push({ region, items: Object.keys(x).length });
    else if (y) regionsOnlyInNew.push({ region, items: Object.keys(y).length });
  }
  return {
    old: { name: before.name, retrieved: before.retrieved },
    new: { name: after.name, retrieved: after.retrieved },
    regionsOnlyInOld,
    regionsOnlyInNew,
    changes,
    unchanged,
  };
}
