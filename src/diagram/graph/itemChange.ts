import { formatCents, type Money } from "../../core/money.js";
import type { DiagramItem } from "./diagramGraph.js";

/**
 * Whether an element both graphs of a comparison draw (same id) changed: its kind, its
 * signature (type, target, AZ count …: see DiagramNode.signature), or — when both sides
 * are priced — its monthly cost. Labels, details and positions do not count.
 */
export function itemChanged(before: DiagramItem, after: DiagramItem): boolean {
  if (before.kind !== after.kind || (before.signature ?? null) !== (after.signature ?? null)) {
    return true;
  }
  return (
    before.monthly !== undefined && after.monthly !== undefined && before.monthly !== after.monthly
  );
}

/** A signed cost delta: "+$16.10", "−$45.15" (a minus sign, U+2212), rounded to cents. */
export function signedCents(delta: Money): string {
  const sign = delta < 0n ? "−" : "+";
  return `${sign}$${formatCents(delta < 0n ? -delta : delta)}`;
}

/**
 * A cost annotation with what it changed by: "$24.24/mo (+$16.10)". Unchanged when there
 * is no annotation or the delta is zero.
 */
export function withDelta(cost: string | null, delta: Money): string | null {
  if (cost === null || delta === 0n) return cost;
  return `${cost} (${signedCents(delta)})`;
}

/**
 * The cost of an element of a comparison and what it changed by: an added one's with
 * "(+$x)", a removed one's with "(−$x)", a kept one's with after − before when both sides
 * are priced (nothing when neither is).
 */
export function costChange(
  before: DiagramItem | null,
  after: DiagramItem | null,
): { cost: string | null; costDelta?: Money } {
  const shown = after ?? before;
  if (shown === null || shown.monthly === undefined) return { cost: shown?.cost ?? null };
  const delta =
    after === null
      ? -shown.monthly
      : before === null
        ? shown.monthly
        : before.monthly === undefined
          ? undefined
          : shown.monthly - before.monthly;
  if (delta === undefined) return { cost: shown.cost };
  return { cost: withDelta(shown.cost, delta), costDelta: delta };
}
