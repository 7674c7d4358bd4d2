import { formatDisplayMoney, formatMoney, formatQuantity, formatRate } from "../core/money.js";
import { terminalLines, terminalText } from "../core/terminalText.js";
import type { Estimate } from "../estimate/estimate.js";
import { alignColumns } from "./alignColumns.js";
import { displayRows } from "./displayRows.js";
import { estimateSections } from "./estimateSections.js";
import { usageGapNote } from "./usageGapNote.js";

const HEADER = ["RESOURCE", "COMPONENT", "AZ", "TIER", "QUANTITY", "UNIT", "RATE", "MONTHLY"];
const ALIGNS = ["left", "left", "left", "left", "right", "left", "right", "right"] as const;

/** "6 line items", or "16 line items in 10 rows" when ENI-hours of an endpoint share a row. */
function lineCount(lines: number, rows: number): string {
  const items = `${lines} line item${lines === 1 ? "" : "s"}`;
  return rows === lines ? items : `${items} in ${rows} row${rows === 1 ? "" : "s"}`;
}

/**
 * A terminal table of an estimate: grouped by account and VPC, aligned columns, money
 * rounded to cents for display (JSON keeps exact values), subtotals and totals.
 */
export function formatEstimateTable(estimate: Estimate): string {
  const rows: (string[] | string)[] = [];
  let lineRows = 0;
  for (const account of estimateSections(estimate)) {
    rows.push(`Account ${account.account}`);
    for (const vpc of account.vpcs) {
      rows.push(
        vpc.vpc === null ? `  Account-wide (${vpc.region})` : `  VPC ${vpc.vpc} (${vpc.region})`,
      );
      rows.push(HEADER.map((h, i) => (i === 0 ? `    ${h}` : h)));
      for (const line of displayRows(vpc.lines)) {
        lineRows++;
        rows.push([
          `    ${line.resource}`,
          line.component,
          line.azs,
          line.tier,
          formatQuantity(line.quantity),
          line.unit,
          formatRate(line.rate),
          formatDisplayMoney(line.monthly),
        ]);
      }
      const label = vpc.vpc === null ? "account-wide" : `VPC ${vpc.vpc}`;
      rows.push([`    subtotal ${label}`, "", "", "", "", "", "", formatDisplayMoney(vpc.monthly)]);
    }
    rows.push([
      `  total account ${account.account}`,
      "",
      "",
      "",
      "",
      "",
      "",
      formatDisplayMoney(account.monthly),
    ]);
    rows.push("");
  }
  const head = [
    `${terminalText(estimate.name)} — monthly estimate in ${estimate.currency} (${estimate.hoursPerMonth} hours/month, catalog ${terminalText(estimate.catalog.name)} ${terminalText(estimate.catalog.retrieved)})`,
    "",
  ];
  const summary = alignColumns(
    [
      [
        "Total hourly",
        formatMoney(estimate.totals.hourly),
        "USD per hour for hour-billed resources",
      ],
      [
        "Total monthly",
        formatDisplayMoney(estimate.totals.monthly),
        `USD per month (${lineCount(estimate.lines.length, lineRows)})`,
      ],
    ],
    ["left", "right", "left"],
  );
  const gaps = usageGapNote(estimate);
  const note = gaps === null ? [] : ["", gaps];
  return terminalLines(
    `${[...head, ...alignColumns(rows, ALIGNS), ...summary, ...note].join("\n")}\n`,
  );
}
