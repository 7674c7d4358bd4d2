import { formatQuantity, type Quantity } from "../core/money.js";
import type { Tier } from "./tier.js";

const UNIT_NAMES: Record<string, string> = { "hosted-zone-month": "zones" };

const PB = 1_048_576n * 1_000_000n;
const TB = 1_024n * 1_000_000n;

function amount(value: Quantity, unit: string): string {
  if (unit === "GB" && value % PB === 0n) return `${value / PB} PB`;
  if (unit === "GB" && value % TB === 0n) return `${value / TB} TB`;
  const text = formatQuantity(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${text} ${UNIT_NAMES[unit] ?? unit}`;
}

/** "first 1 PB", "next 4 PB", "over 5 PB"; null for a price with a single tier. */
export function tierLabel(tiers: readonly Tier[], index: number, unit: string): string | null {
  if (tiers.length < 2) return null;
  const upper = tiers[index]?.upTo ?? null;
  const lower = index > 0 ? (tiers[index - 1]?.upTo ?? 0n) : 0n;
  if (index === 0 && upper !== null) return `first ${amount(upper, unit)}`;
  if (upper === null) return `over ${amount(lower, unit)}`;
  return `next ${amount(upper - lower, unit)}`;
}
