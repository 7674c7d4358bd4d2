/**
 * The parts of the API's JSON answers the page reads (openapi.yaml has them in full).
 * Amounts are decimal strings, exact as the server computed them: the page shows them and
 * never does arithmetic with them.
 */
import type { Severity } from "./problemPositions.js";

export interface Amounts {
  hourly: string | null;
  monthly: string;
}

export interface EstimateLine {
  id: string;
  account: string;
  vpc: string | null;
  region: string;
  az: string | null;
  resource: string;
  kind: string;
  component: string;
  description: string;
  quantity: string;
  unit: string;
  rate: string;
  tier: string | null;
  hourly: string | null;
  monthly: string;
}

export interface Rollup {
  key: string;
  hourly: string | null;
  monthly: string;
  lines: number;
}

export type RollupName = "byAccount" | "byVpc" | "byRegion" | "byAz" | "byKind";

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  fix?: string;
  path: string;
  resource?: string;
  docs?: string;
}

export interface Estimate {
  name: string;
  currency: string;
  hoursPerMonth: number;
  catalog: { name: string; retrieved: string };
  totals: { hourly: string; monthly: string };
  lines: EstimateLine[];
  rollups: Record<RollupName, Rollup[]>;
  findings?: Finding[] | null;
}

export interface LineChange {
  id: string;
  change: "added" | "removed" | "changed";
  account: string;
  vpc: string | null;
  az: string | null;
  kind: string;
  resource: string;
  component: string;
  description: string;
  before: { quantity: string; unit: string; monthly: string } | null;
  after: { quantity: string; unit: string; monthly: string } | null;
  delta: { hourly: string | null; monthly: string };
}

export interface Comparison {
  currency: string;
  before: { name: string; hoursPerMonth: number; lines: number; totals: Amounts };
  after: { name: string; hoursPerMonth: number; lines: number; totals: Amounts };
  delta: { hourly: string | null; monthly: string; percent: string | null };
  unchanged: number;
  changes: LineChange[];
}

export interface WhatIfResult {
  transform: { kind: string };
  topology: Record<string, unknown>;
  comparison: Comparison;
}

export interface BreakEvenService {
  service: string;
  endpoint: "interface" | "gateway";
  fixedMonthly: string;
  savingPerGb: string;
  gbPerMonth: string | null;
  gbPerMonthPerAz: string | null;
}

export interface BreakEven {
  region: string;
  catalog?: { name: string; retrieved: string };
  azs: number;
  hoursPerMonth: number;
  rates: Record<string, string>;
  services: BreakEvenService[];
}

export interface ExampleInfo {
  name: string;
  description: string;
  href: string;
}

export interface ImportResult {
  topology: Record<string, unknown>;
  warnings: { message: string; address?: string; file?: string; line?: number }[];
}
