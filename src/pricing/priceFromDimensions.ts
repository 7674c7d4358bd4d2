import type { PriceEntry } from "./catalogSchema.js";
import type { PriceDimension } from "./readPriceListRecord.js";
import { shiftDecimal } from "./shiftDecimal.js";

type PriceTier = NonNullable<PriceEntry["tiers"]>[number];

/** A catalog figure read from an offer's price dimensions, or why there is none. */
export type DimensionPrice =
  | { kind: "flat"; usd: string }
  | { kind: "tiered"; tiers: PriceTier[] }
  | { kind: "no-usd" }
  | { kind: "unusable"; reason: string };

const MAX_DECIMALS = 12;

/** a < b, = or > for normalised non-negative decimal strings */
function compareDecimal(a: string, b: string): number {
  const [ai = "", af = ""] = a.split(".");
  const [bi = "", bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length - bi.length;
  const width = Math.max(af.length, bf.length);
  const left = ai + af.padEnd(width, "0");
  const right = bi + bf.padEnd(width, "0");
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Convert price dimensions to a flat price (one range 0–Inf) or ascending tiers (contiguous
 * ranges from 0, the last open-ended: Price List "0–1048576–5242880–Inf" GB becomes upTo
 * 1048576, 5242880, null). `recordUnit` rescales a per-query price to per million (and the
 * ranges with it). Prices stay decimal strings, normalised ("0.0100000000" → "0.01").
 */
export function priceFromDimensions(
  dimensions: readonly PriceDimension[],
  recordUnit?: { name: string; shift: number },
): DimensionPrice {
  if (dimensions.length === 0 || dimensions.some((d) => d.usd === undefined)) {
    return { kind: "no-usd" };
  }
  const shift = recordUnit?.shift ?? 0;
  const ranges: { begin: string; end: string | null; usd: string }[] = [];
  for (const d of dimensions) {
    if (recordUnit && d.unit.toLowerCase() !== recordUnit.name.toLowerCase()) {
      return { kind: "unusable", reason: `unit "${d.unit}", expected "${recordUnit.name}"` };
    }
    const usd = shiftDecimal(d.usd ?? "", shift);
    if (usd === undefined) return { kind: "unusable", reason: `price "${d.usd}" is not a decimal` };
    if ((usd.split(".")[1]?.length ?? 0) > MAX_DECIMALS) {
      return { kind: "unusable", reason: `price ${usd} has more than ${MAX_DECIMALS} decimals` };
    }
    const begin = shiftDecimal(d.beginRange, -shift);
    const end = d.endRange === "Inf" ? null : shiftDecimal(d.endRange, -shift);
    if (begin === undefined || end === undefined) {
      return { kind: "unusable", reason: `range "${d.beginRange}"–"${d.endRange}"` };
    }
    ranges.push({ begin, end, usd });
  }
  ranges.sort((a, b) => compareDecimal(a.begin, b.begin));
  let previous = "0";
  for (const [i, range] of ranges.entries()) {
    const last = i === ranges.length - 1;
    if (range.begin !== previous || last !== (range.end === null)) {
      const shown = ranges.map((r) => `${r.begin}–${r.end ?? "Inf"}`).join(", ");
      return { kind: "unusable", reason: `ranges ${shown} do not run contiguously from 0 to Inf` };
    }
    if (range.end !== null) {
      if (compareDecimal(range.end, range.begin) <= 0 || String(Number(range.end)) !== range.end) {
        return { kind: "unusable", reason: `range ${range.begin}–${range.end}` };
      }
      previous = range.end;
    }
  }
  const [only] = ranges;
  if (ranges.length === 1 && only) return { kind: "flat", usd: only.usd };
  return {
    kind: "tiered",
    tiers: ranges.map((r) => ({ upTo: r.end === null ? null : Number(r.end), usd: r.usd })),
  };
}
