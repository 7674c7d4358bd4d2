import type { Money, Quantity, Rate } from "../core/money.js";
import type { LineItem } from "../estimate/cost/lineItem.js";

/** A row of a human-readable report: per-AZ lines of one resource component merged. */
export interface DisplayRow {
  resource: string;
  component: string;
  /** "us-east-1a", "us-east-1a/b/c" or "" */
  azs: string;
  tier: string;
  quantity: Quantity;
  unit: string;
  rate: Rate;
  monthly: Money;
}

/** "us-east-1a", "us-east-1b" → "us-east-1a/b" (AZs of one region share the prefix). */
export function compactAzs(azs: readonly string[]): string {
  const [first, ...rest] = azs;
  if (first === undefined) return "";
  const prefix = first.slice(0, -1);
  if (rest.every((az) => az.slice(0, -1) === prefix)) {
    return [first, ...rest.map((az) => az.slice(-1))].join("/");
  }
  return azs.join(", ");
}

/** Merge consecutive lines that differ only by AZ (e.g. the ENI-hours of one endpoint). */
export function displayRows(lines: readonly LineItem[]): DisplayRow[] {
  const rows: (DisplayRow & { azList: string[] })[] = [];
  for (const line of lines) {
    const last = rows[rows.length - 1];
    if (
      last &&
      line.az !== null &&
      last.azList.length > 0 &&
      !last.azList.includes(line.az) &&
      last.resource === line.resource &&
      last.component === line.component &&
      last.tier === (line.tier ?? "") &&
      last.rate === line.rate &&
      last.unit === line.unit
    ) {
      last.azList.push(line.az);
      last.quantity += line.quantity;
      last.monthly += line.monthly;
      continue;
    }
    rows.push({
      resource: line.resource,
      component: line.component,
      azs: "",
      azList: line.az === null ? [] : [line.az],
      tier: line.tier ?? "",
      quantity: line.quantity,
      unit: line.unit,
      rate: line.rate,
      monthly: line.monthly,
    });
  }
  return rows.map(({ azList, ...row }) => ({ ...row, azs: compactAzs(azList) }));
}
