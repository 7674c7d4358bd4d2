import { divideRounded, type Money } from "../core/money.js";
import type { LineItem } from "../estimate/cost/lineItem.js";
import type { RollupRow, Rollups } from "../estimate/cost/rollup.js";
import { type Estimate, type EstimateOptions, estimate } from "../estimate/estimate.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { type AnyTopology, normalized } from "../topology/topologyForm.js";
import { type AccountPair, accountPairs, renameAccounts } from "./alignAccounts.js";

export type LineChangeKind = "added" | "removed" | "changed";

/** One line that differs between the two estimates (matched by line id). */
export interface LineChange {
  /** the line id (after pairing accounts, the same on both sides) */
  id: string;
  change: LineChangeKind;
  /** the line of the first estimate (null when added) */
  before: LineItem | null;
  /** the line of the second estimate (null when removed) */
  after: LineItem | null;
  /** after − before, per hour (hour-billed lines) and per month */
  delta: { hourly: Money; monthly: Money };
}

/** One key of a rollup on both sides. */
export interface DiffRow {
  key: string;
  before: Money;
  after: Money;
  delta: Money;
}

export interface Comparison {
  before: Estimate;
  after: Estimate;
  /** accounts of the first topology matched to differently named accounts of the second */
  pairs: AccountPair[];
  delta: {
    hourly: Money;
    monthly: Money;
    /** monthly delta ÷ before monthly, in percent with one decimal ("218.6"); null when before is 0 */
    percent: string | null;
  };
  /** added, changed and removed lines: the second estimate's order, then removed lines */
  changes: LineChange[];
  /** lines equal on both sides (same quantity, rate and money) */
  unchanged: number;
  rollups: {
    byAccount: DiffRow[];
    byVpc: DiffRow[];
    byRegion: DiffRow[];
    byAz: DiffRow[];
    byKind: DiffRow[];
  };
}

export interface CompareOptions extends EstimateOptions {
  /** accounts of the first topology that stand for accounts of the second */
  pairs?: AccountPair[];
}

const ZERO = { hourly: 0n, monthly: 0n };

function sameLine(a: LineItem, b: LineItem): boolean {
  return (
    a.quantity === b.quantity &&
    a.rate === b.rate &&
    a.monthly === b.monthly &&
    a.hourly === b.hourly &&
    a.tier === b.tier
  );
}

function diffRows(before: readonly RollupRow[], after: readonly RollupRow[]): DiffRow[] {
  const rows = new Map<string, DiffRow>();
  for (const row of after) {
    rows.set(row.key, { key: row.key, before: 0n, after: row.monthly, delta: row.monthly });
  }
  for (const row of before) {
    const existing = rows.get(row.key);
    if (existing) {
      existing.before = row.monthly;
      existing.delta = existing.after - row.monthly;
    } else {
      rows.set(row.key, { key: row.key, before: row.monthly, after: 0n, delta: -row.monthly });
    }
  }
  return [...rows.values()];
}

/** monthly delta ÷ before, as a percentage rounded to one decimal; null when before is 0 */
export function percentChange(before: Money, delta: Money): string | null {
  if (before === 0n) return null;
  const tenths = divideRounded(delta * 1000n, before);
  const negative = tenths < 0n; // rounds to 0.0: no sign
  const abs = negative ? -tenths : tenths;
  return `${negative ? "-" : ""}${abs / 10n}.${abs % 10n}`;
}

/**
 * The difference between two estimates: every line added, removed or changed (matched by
 * id), rollups on both sides and the total delta. Exact: the delta of the totals equals
 * the sum of the line deltas.
 */
export function compareEstimates(
  before: Estimate,
  after: Estimate,
  pairs: AccountPair[] = [],
): Comparison {
  const beforeById = new Map<string, LineItem>();
  for (const line of before.lines) beforeById.set(line.id, line);
  const changes: LineChange[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const line of after.lines) {
    const old = beforeById.get(line.id);
    if (old === undefined) {
      changes.push({
        id: line.id,
        change: "added",
        before: null,
        after: line,
        delta: { hourly: line.hourly ?? 0n, monthly: line.monthly },
      });
      continue;
    }
    seen.add(line.id);
    if (sameLine(old, line)) {
      unchanged++;
      continue;
    }
    changes.push({
      id: line.id,
      change: "changed",
      before: old,
      after: line,
      delta: {
        hourly: (line.hourly ?? 0n) - (old.hourly ?? 0n),
        monthly: line.monthly - old.monthly,
      },
    });
  }
  for (const line of before.lines) {
    if (seen.has(line.id)) continue;
    changes.push({
      id: line.id,
      change: "removed",
      before: line,
      after: null,
      delta: { hourly: -(line.hourly ?? ZERO.hourly), monthly: -line.monthly },
    });
  }
  const monthly = after.totals.monthly - before.totals.monthly;
  const b: Rollups = before.rollups;
  const a: Rollups = after.rollups;
  return {
    before,
    after,
    pairs,
    delta: {
      hourly: after.totals.hourly - before.totals.hourly,
      monthly,
      percent: percentChange(before.totals.monthly, monthly),
    },
    changes,
    unchanged,
    rollups: {
      byAccount: diffRows(b.byAccount, a.byAccount),
      byVpc: diffRows(b.byVpc, a.byVpc),
      byRegion: diffRows(b.byRegion, a.byRegion),
      byAz: diffRows(b.byAz, a.byAz),
      byKind: diffRows(b.byKind, a.byKind),
    },
  };
}

/**
 * Estimate two topologies with one catalog and compare them. Accounts with different ids
 * are matched by `options.pairs`, or automatically when each side has exactly one account.
 */
export function compare(
  beforeTopology: AnyTopology,
  afterTopology: AnyTopology,
  catalog: PriceCatalog = bundledCatalog(),
  options: CompareOptions = {},
): Comparison {
  // either form: what-if transforms hand back the form they were given
  const before = normalized(beforeTopology);
  const after = normalized(afterTopology);
  const pairs = accountPairs(before, after, options.pairs);
  const { pairs: _pairs, ...estimateOptions } = options;
  return compareEstimates(
    estimate(renameAccounts(before, pairs), catalog, estimateOptions),
    estimate(after, catalog, estimateOptions),
    pairs,
  );
}
