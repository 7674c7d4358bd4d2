import { formatMoney, formatQuantity, formatRate } from "../core/money.js";
import { terminalText } from "../core/terminalText.js";
import type { Estimate } from "../estimate/estimate.js";

const COLUMNS = [
  "id",
  "account",
  "vpc",
  "region",
  "az",
  "resource",
  "kind",
  "component",
  "description",
  "quantity",
  "unit",
  "rate",
  "tier",
  "hourly",
  "monthly",
  "price_item",
  "source",
  "unverified",
];

/** RFC 4180 field quoting; cells that a spreadsheet would run as a formula are prefixed. */
function csvField(raw: string): string {
  const value = terminalText(raw);
  // a number, or a lone "-" (no unit), is data a spreadsheet shows as it is
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) && value !== "-";
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row per line item with exact decimal values (no total row: sum the column). */
export function formatEstimateCsv(estimate: Estimate): string {
  const rows = [COLUMNS];
  for (const line of estimate.lines) {
    rows.push([
      line.id,
      line.account,
      line.vpc ?? "",
      line.region,
      line.az ?? "",
      line.resource,
      line.kind,
      line.component,
      line.description,
      formatQuantity(line.quantity),
      line.unit,
      formatRate(line.rate),
      line.tier ?? "",
      line.hourly === null ? "" : formatMoney(line.hourly),
      formatMoney(line.monthly),
      line.price?.item ?? "",
      line.price?.source ?? "",
      line.price?.unverified ? "true" : "",
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
