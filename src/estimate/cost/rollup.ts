import type { Money } from "../../core/money.js";
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

interface Group {
  account: string;
  vpc: string | null;
  region: string;
  az: string | null;
  kind: LineItem["kind"];
  hourly: Money;
  monthly: Money;
  lines: number;
  /**
   * A run of lines with the same charges, not added yet: the ENI-hours of a VPC's endpoints
   * in one AZ mostly share one hourly and one monthly amount, added once as amount × count
   */
  runHourly: Money | null;
  runMonthly: Money;
  run: number;
}

/** Add a group's pending run of equal charges to its sums (amount × count: exact). */
function settle(group: Group): void {
  if (group.run === 0) return;
  const count = BigInt(group.run);
  if (group.runHourly !== null) group.hourly += group.runHourly * count;
  group.monthly += group.runMonthly * count;
  group.run = 0;
}

function rollupGroups(groups: readonly Group[], keyOf: (g: Group) => string | null): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const g of groups) {
    const key = keyOf(g);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = { key, hourly: 0n, monthly: 0n, lines: 0 };
      rows.set(key, row);
    }
    row.hourly += g.hourly;
    row.monthly += g.monthly;
    row.lines += g.lines;
  }
  return [...rows.values()];
}

/** Rollups by account, VPC ("account/vpc"), region, AZ and resource kind. */
export function rollups(lines: readonly LineItem[]): Rollups {
  // one pass: lines into (account, vpc, region, az, kind) groups in order of first
  // appearance, through nested maps on the lines' own strings (no key strings built);
  // each rollup is then a rollup of the groups, with the same key order
  const groups: Group[] = [];
  const tree = new Map<
    string,
    Map<string | null, Map<string, Map<string | null, Map<string, Group>>>>
  >();
  // lines come resource by resource: the AZ map of the previous line's (account, VPC,
  // region) is kept, and the three outer lookups made only when one of them changes
  let account: string | undefined;
  let vpc: string | null | undefined;
  let region: string | undefined;
  let azs: Map<string | null, Map<string, Group>> | undefined;
  for (const line of lines) {
    if (
      azs === undefined ||
      line.account !== account ||
      line.vpc !== vpc ||
      line.region !== region
    ) {
      account = line.account;
      vpc = line.vpc;
      region = line.region;
      let vpcs = tree.get(account);
      if (!vpcs) {
        vpcs = new Map();
        tree.set(account, vpcs);
      }
      let regions = vpcs.get(vpc);
      if (!regions) {
        regions = new Map();
        vpcs.set(vpc, regions);
      }
      azs = regions.get(region);
      if (!azs) {
        azs = new Map();
        regions.set(region, azs);
      }
    }
    let kinds = azs.get(line.az);
    if (!kinds) {
      kinds = new Map();
      azs.set(line.az, kinds);
    }
    let group = kinds.get(line.kind);
    if (!group) {
      group = {
        account: line.account,
        vpc: line.vpc,
        region: line.region,
        az: line.az,
        kind: line.kind,
        hourly: 0n,
        monthly: 0n,
        lines: 0,
        runHourly: null,
        runMonthly: 0n,
        run: 0,
      };
      kinds.set(line.kind, group);
      groups.push(group);
    }
    const { hourly, monthly } = line;
    if (group.run > 0 && monthly === group.runMonthly && hourly === group.runHourly) {
      group.run += 1;
    } else {
      settle(group);
      group.runHourly = hourly;
      group.runMonthly = monthly;
      group.run = 1;
    }
    group.lines += 1;
  }
  for (const group of groups) settle(group);
  return {
    byAccount: rollupGroups(groups, (g) => g.account),
    byVpc: rollupGroups(groups, (g) => (g.vpc === null ? null : `${g.account}/${g.vpc}`)),
    byRegion: rollupGroups(groups, (g) => g.region),
    byAz: rollupGroups(groups, (g) => g.az),
    byKind: rollupGroups(groups, (g) => g.kind),
  };
}
