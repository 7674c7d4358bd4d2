import type { Money } from "../money.js";
import type { LineItem } from "./lineItem.js";

export interface RollupRow {
  key: string;
  hourly: Money;
  monthly: Money;
  lines: number;
}

export interface Rollups {
  byAccount: RollupRow[];
  byVpc: RollupRow[];
  byRegion: RollupRow[];
  byAz: RollupRow[];
  byKind: RollupRow[];
}

/** Sum lines by a key, keeping the order in which keys first appear. */
export function rollup(
  lines: readonly LineItem[],
  keyOf: (line: LineItem) => string | null,
): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const line of lines) {
    const key = keyOf(line);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = { key, hourly: 0n, monthly: 0n, lines: 0 };
      rows.set(key, row);
    }
    row.hourly += line.hourly ?? 0n;
    row.monthly += line.monthly;
    row.lines += 1;
  }
  return [...rows.values()];
}

/** Rollups by account, VPC ("account/vpc"), region, AZ and resource kind. */
export function rollups(lines: readonly LineItem[]): Rollups {
  return {
    byAccount: rollup(lines, (l) => l.account),
    byVpc: rollup(lines, (l) => (l.vpc === null ? null : `${l.account}/${l.vpc}`)),
    byRegion: rollup(lines, (l) => l.region),
    byAz: rollup(lines, (l) => l.az),
    byKind: rollup(lines, (l) => l.kind),
  };
}
