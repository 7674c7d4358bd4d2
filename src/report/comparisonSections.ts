import type { Comparison, LineChange } from "../compare/compare.js";
import { formatDisplayMoney, formatQuantity } from "../core/money.js";
import { terminalText } from "../core/terminalText.js";

/** Money with its sign for deltas ("+179.49", "-12.00", "0.00"). */
export function signedMoney(value: bigint): string {
  return `${value > 0n ? "+" : ""}${formatDisplayMoney(value)}`;
}

/** The changed lines of one account/VPC (or of an account's account-wide resources). */
export interface ChangeSection {
  account: string;
  vpc: string | null;
  region: string;
  changes: LineChange[];
  delta: bigint;
}

/** Changes grouped by account and VPC, in order of first appearance. */
export function comparisonSections(comparison: Comparison): ChangeSection[] {
  const sections = new Map<string, ChangeSection>();
  for (const change of comparison.changes) {
    const line = change.after ?? change.before;
    if (!line) continue;
    const key = `${line.account}\u0000${line.vpc ?? ""}`;
    let section = sections.get(key);
    if (!section) {
      section = {
        account: line.account,
        vpc: line.vpc,
        region: line.region,
        changes: [],
        delta: 0n,
      };
      sections.set(key, section);
    }
    section.changes.push(change);
    section.delta += change.delta.monthly;
  }
  return [...sections.values()];
}

/** "38 added, 0 removed, 9 changed, 3 unchanged" */
export function changeCounts(comparison: Comparison): string {
  const count = (kind: LineChange["change"]) =>
    comparison.changes.filter((c) => c.change === kind).length;
  return `${count("added")} added, ${count("removed")} removed, ${count("changed")} changed, ${comparison.unchanged} unchanged`;
}

/** "+218.6 %" or "new" when the first side cost nothing. */
export function percentText(comparison: Comparison): string {
  const p = comparison.delta.percent;
  if (p === null) return comparison.delta.monthly === 0n ? "0.0 %" : "from zero";
  return `${p.startsWith("-") || p === "0.0" ? "" : "+"}${p} %`;
}

/** What the names of the two sides are, with account pairings. */
export function comparisonTitle(comparison: Comparison): string {
  return `${terminalText(comparison.before.name)} → ${terminalText(comparison.after.name)}`;
}

/** The quantity of a changed line: "1500 GB", or "50 → 1500 GB" when it changed. */
export function quantityText(change: LineChange): string {
  const { before, after } = change;
  const line = after ?? before;
  if (!line) return "";
  const unit = line.unit === "-" ? "" : ` ${line.unit}`;
  if (before && after && before.quantity !== after.quantity) {
    return `${formatQuantity(before.quantity)} → ${formatQuantity(after.quantity)}${unit}`;
  }
  return `${formatQuantity(line.quantity)}${unit}`;
}

/** "730 hours/month", or "730 → 720 hours/month" when the two sides differ. */
export function hoursText(comparison: Comparison): string {
  const a = comparison.before.hoursPerMonth;
  const b = comparison.after.hoursPerMonth;
  return a === b ? `${b} hours/month` : `${a} → ${b} hours/month`;
}
