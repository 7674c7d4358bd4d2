/**
 * The parts of the API's JSON answers the page reads. Amounts are decimal strings, exact as
 * the server computed them: the page shows them and never does arithmetic with them. The
 * types are the server's own, inferred from the zod schemas that also write openapi.yaml
 * (type-only imports: nothing of the server is bundled into the page).
 */
import type * as z from "zod";
import type { Finding as CheckFinding } from "../../src/check/finding.js";
import type { BreakEvenJson } from "../../src/report/breakEvenJson.js";
import type { ComparisonJson, WhatIfResultSchema } from "../../src/report/comparisonJson.js";
import type { EstimateJson } from "../../src/report/estimateJson.js";

export type Estimate = EstimateJson;
export type EstimateLine = EstimateJson["lines"][number];
export type RollupName = keyof EstimateJson["rollups"];
export type Rollup = EstimateJson["rollups"][RollupName][number];
export type Finding = CheckFinding;
/** A finding as the page lists it: `source` names where it came from ("check: <rule>"). */
export type ListedFinding = Omit<Finding, "source"> & { source: string };
export type Comparison = ComparisonJson;
export type LineChange = ComparisonJson["changes"][number];
export type WhatIfResult = z.output<typeof WhatIfResultSchema>;
export type BreakEven = BreakEvenJson;
export type BreakEvenService = BreakEvenJson["services"][number];
export type Amounts = ComparisonJson["before"]["totals"];

export interface ExampleInfo {
  name: string;
  description: string;
  href: string;
}

export interface ImportResult {
  topology: Record<string, unknown>;
  warnings: { message: string; address?: string; file?: string; line?: number }[];
}
