import * as z from "zod";
import { type Finding, FindingSchema } from "../check/finding.js";
import { formatMoney, formatQuantity, formatRate } from "../core/money.js";
import { RESOURCE_KINDS } from "../estimate/cost/lineItem.js";
import type { RollupRow } from "../estimate/cost/rollup.js";
import type { Estimate } from "../estimate/estimate.js";
import { memo } from "./memo.js";

const Decimal = z.string().describe("exact decimal string (USD or units); round only for display");

const RollupRowJson = z.object({
  key: z.string(),
  hourly: Decimal,
  monthly: Decimal,
  lines: z.number().int(),
});

export const LineItemJsonSchema = z.object({
  id: z.string().describe("stable id: account/vpc/kind/resource/component[/az][/tier]"),
  account: z.string(),
  vpc: z.string().nullable(),
  region: z.string().describe("region code, or 'global' for Route 53"),
  az: z.string().nullable(),
  resource: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  component: z.string(),
  description: z.string(),
  quantity: Decimal,
  unit: z.string(),
  rate: Decimal.describe("USD per unit"),
  tier: z.string().nullable(),
  hourly: Decimal.nullable().describe("per-hour charge of hour-billed lines"),
  monthly: Decimal,
  price: z
    .object({ item: z.string(), region: z.string(), source: z.string(), unverified: z.boolean() })
    .nullable()
    .describe("catalog figure the rate comes from; null for lines with no charge"),
});

export const EstimateJsonSchema = z
  .object({
    name: z.string(),
    currency: z.literal("USD"),
    hoursPerMonth: z.number(),
    catalog: z.object({ name: z.string(), retrieved: z.string() }),
    totals: z.object({
      hourly: Decimal.describe("sum of the hourly charges of hour-billed lines"),
      monthly: Decimal.describe("sum of every line's monthly amount"),
    }),
    lines: z.array(LineItemJsonSchema),
    rollups: z.object({
      byAccount: z.array(RollupRowJson),
      byVpc: z.array(RollupRowJson),
      byRegion: z.array(RollupRowJson),
      byAz: z.array(RollupRowJson),
      byKind: z.array(RollupRowJson),
    }),
    dependsOnUsage: z
      .array(
        z.object({
          account: z.string(),
          resource: z.string(),
          terraform: z.string().describe("its Terraform address"),
        }),
      )
      .optional()
      .describe(
        "resources imported from Terraform priced per use with no usage: their usage lines are at zero, showing the rate",
      ),
    findings: z
      .array(FindingSchema)
      .optional()
      .describe("with check: the findings of linkplan check on the same topology"),
  })
  .describe("A cost estimate: money as exact decimal strings; totals equal the sum of lines");

export type EstimateJson = z.infer<typeof EstimateJsonSchema>;

type LineItemJson = EstimateJson["lines"][number];

/** The JSON form of an estimate in parts: everything but the lines, and a line converter. */
export interface EstimateJsonParts {
  /** the estimate's JSON with `lines: []` (the keys in their documented order) */
  head: EstimateJson;
  /** one line's JSON (formatters remember repeated amounts across calls) */
  line: (line: Estimate["lines"][number]) => LineItemJson;
}

/**
 * The JSON form of an estimate, split so the lines can be converted one at a time; with
 * `findings` (estimate --check), a `findings` member after the rollups.
 */
export function estimateJsonParts(
  estimate: Estimate,
  findings?: readonly Finding[] | null,
): EstimateJsonParts {
  const r = estimate.rollups;
  const money = memo(formatMoney);
  const rate = memo(formatRate);
  const quantity = memo(formatQuantity);
  const rowJson = (row: RollupRow) => ({
    key: row.key,
    hourly: money(row.hourly),
    monthly: money(row.monthly),
    lines: row.lines,
  });
  return {
    head: {
      name: estimate.name,
      currency: estimate.currency,
      hoursPerMonth: estimate.hoursPerMonth,
      catalog: estimate.catalog,
      totals: {
        hourly: money(estimate.totals.hourly),
        monthly: money(estimate.totals.monthly),
      },
      lines: [],
      rollups: {
        byAccount: r.byAccount.map(rowJson),
        byVpc: r.byVpc.map(rowJson),
        byRegion: r.byRegion.map(rowJson),
        byAz: r.byAz.map(rowJson),
        byKind: r.byKind.map(rowJson),
      },
      ...(estimate.dependsOnUsage ? { dependsOnUsage: [...estimate.dependsOnUsage] } : {}),
      ...(findings ? { findings: [...findings] } : {}),
    },
    line: (line) => ({
      id: line.id,
      account: line.account,
      vpc: line.vpc,
      region: line.region,
      az: line.az,
      resource: line.resource,
      kind: line.kind,
      component: line.component,
      description: line.description,
      quantity: quantity(line.quantity),
      unit: line.unit,
      rate: rate(line.rate),
      tier: line.tier,
      hourly: line.hourly === null ? null : money(line.hourly),
      monthly: money(line.monthly),
      price: line.price,
    }),
  };
}

/**
 * The stable JSON form of an estimate (money as exact decimal strings); with `findings`
 * (estimate --check), a `findings` member after the rollups.
 */
export function estimateToJson(
  estimate: Estimate,
  findings?: readonly Finding[] | null,
): EstimateJson {
  const { head, line } = estimateJsonParts(estimate, findings);
  return { ...head, lines: estimate.lines.map(line) };
}
