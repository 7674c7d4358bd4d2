import * as z from "zod";
import type { Comparison, DiffRow } from "../compare/compare.js";
import { internalError } from "../core/linkplanError.js";
import { formatMoney, formatQuantity, formatRate } from "../core/money.js";
import { RESOURCE_KINDS } from "../estimate/cost/lineItem.js";
import type { Estimate } from "../estimate/estimate.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { WhatIfSchema } from "../whatif/whatIf.js";

const MoneyString = z.string().describe("USD as an exact decimal string");

const SideSchema = z.object({
  quantity: z.string(),
  unit: z.string(),
  rate: z.string(),
  tier: z.string().nullable(),
  monthly: MoneyString,
});

export const LineChangeJsonSchema = z.object({
  id: z.string().describe("account/vpc/kind/resource/component[/az][/tier]"),
  change: z.enum(["added", "removed", "changed"]),
  account: z.string(),
  vpc: z.string().nullable(),
  region: z.string(),
  az: z.string().nullable(),
  kind: z.enum(RESOURCE_KINDS),
  resource: z.string(),
  component: z.string(),
  description: z.string(),
  before: SideSchema.nullable(),
  after: SideSchema.nullable(),
  delta: z.object({ hourly: MoneyString, monthly: MoneyString }),
});

const DiffRowJsonSchema = z.object({
  key: z.string(),
  before: MoneyString,
  after: MoneyString,
  delta: MoneyString,
});

const SummarySchema = z.object({
  name: z.string(),
  hoursPerMonth: z.number(),
  lines: z.number().int(),
  totals: z.object({ hourly: MoneyString, monthly: MoneyString }),
});

export const ComparisonJsonSchema = z
  .object({
    currency: z.literal("USD"),
    catalog: z.object({ name: z.string(), retrieved: z.string() }),
    before: SummarySchema,
    after: SummarySchema,
    pairs: z
      .array(z.object({ before: z.string(), after: z.string() }))
      .describe("accounts of the first topology matched to differently named ones of the second"),
    delta: z.object({
      hourly: MoneyString,
      monthly: MoneyString,
      percent: z
        .string()
        .nullable()
        .describe("monthly delta in percent of before, one decimal; null when before is 0"),
    }),
    unchanged: z.number().int().describe("lines equal on both sides"),
    changes: z.array(LineChangeJsonSchema),
    rollups: z.object({
      byAccount: z.array(DiffRowJsonSchema),
      byVpc: z.array(DiffRowJsonSchema),
      byRegion: z.array(DiffRowJsonSchema),
      byAz: z.array(DiffRowJsonSchema),
      byKind: z.array(DiffRowJsonSchema),
    }),
  })
  .describe("What the second topology costs relative to the first, line by line");
export type ComparisonJson = z.infer<typeof ComparisonJsonSchema>;

/** The answer of a what-if: the transform, the transformed topology and the comparison. */
export const WhatIfResultSchema = z
  .object({
    transform: WhatIfSchema,
    topology: TopologySchema.describe("the transformed topology (valid input everywhere)"),
    comparison: ComparisonJsonSchema.describe("the topology before vs after the what-if"),
  })
  .describe("A what-if applied: the transform, the transformed topology and what it changes");

function summary(estimate: Estimate) {
  return {
    name: estimate.name,
    hoursPerMonth: estimate.hoursPerMonth,
    lines: estimate.lines.length,
    totals: {
      hourly: formatMoney(estimate.totals.hourly),
      monthly: formatMoney(estimate.totals.monthly),
    },
  };
}

const rowJson = (row: DiffRow) => ({
  key: row.key,
  before: formatMoney(row.before),
  after: formatMoney(row.after),
  delta: formatMoney(row.delta),
});

/** The stable JSON form of a comparison (money as exact decimal strings). */
export function comparisonToJson(comparison: Comparison): ComparisonJson {
  const r = comparison.rollups;
  return {
    currency: "USD",
    catalog: comparison.after.catalog,
    before: summary(comparison.before),
    after: summary(comparison.after),
    pairs: comparison.pairs,
    delta: {
      hourly: formatMoney(comparison.delta.hourly),
      monthly: formatMoney(comparison.delta.monthly),
      percent: comparison.delta.percent,
    },
    unchanged: comparison.unchanged,
    changes: comparison.changes.map((change) => {
      const line = change.after ?? change.before;
      if (!line) throw internalError(`line change ${change.id} has neither side`);
      const side = (l: typeof line | null) =>
        l === null
          ? null
          : {
              quantity: formatQuantity(l.quantity),
              unit: l.unit,
              rate: formatRate(l.rate),
              tier: l.tier,
              monthly: formatMoney(l.monthly),
            };
      return {
        id: change.id,
        change: change.change,
        account: line.account,
        vpc: line.vpc,
        region: line.region,
        az: line.az,
        kind: line.kind,
        resource: line.resource,
        component: line.component,
        description: line.description,
        before: side(change.before),
        after: side(change.after),
        delta: {
          hourly: formatMoney(change.delta.hourly),
          monthly: formatMoney(change.delta.monthly),
        },
      };
    }),
    rollups: {
      byAccount: r.byAccount.map(rowJson),
      byVpc: r.byVpc.map(rowJson),
      byRegion: r.byRegion.map(rowJson),
      byAz: r.byAz.map(rowJson),
      byKind: r.byKind.map(rowJson),
    },
  };
}
