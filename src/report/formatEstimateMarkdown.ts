import { formatDisplayMoney, formatMoney, formatQuantity, formatRate } from "../core/money.js";
import { terminalLines, terminalText } from "../core/terminalText.js";
import type { Estimate } from "../estimate/estimate.js";
import { displayRows } from "./displayRows.js";
import { estimateSections } from "./estimateSections.js";
import { usageGapNote } from "./usageGapNote.js";

/** Escape text for a Markdown table cell (control and invisible characters shown escaped). */
export function markdownCell(text: string): string {
  return terminalText(text.replace(/([\\`*_[\]<>|])/g, "\\$1"));
}

/**
 * A Markdown report (for PR comments and wikis): a summary line, a table per account and
 * VPC, and the totals. Money is rounded to cents; exact values are in the JSON output.
 */
export function formatEstimateMarkdown(estimate: Estimate): string {
  const out: string[] = [
    `### ${markdownCell(estimate.name)}: $${formatDisplayMoney(estimate.totals.monthly)} per month`,
    "",
    `${estimate.currency}, ${estimate.hoursPerMonth} hours/month, catalog \`${markdownCell(estimate.catalog.name)}\` (${markdownCell(estimate.catalog.retrieved)}). Hour-billed resources cost $${formatMoney(estimate.totals.hourly)} per hour.`,
    "",
  ];
  for (const account of estimateSections(estimate)) {
    for (const vpc of account.vpcs) {
      const where =
        vpc.vpc === null ? "account-wide" : `VPC \`${markdownCell(vpc.vpc)}\` (${vpc.region})`;
      out.push(`#### Account \`${markdownCell(account.account)}\` — ${where}`, "");
      out.push(
        "| Resource | Component | AZ | Tier | Quantity | Unit | Rate (USD) | Monthly (USD) |",
      );
      out.push("| --- | --- | --- | --- | ---: | --- | ---: | ---: |");
      for (const line of displayRows(vpc.lines)) {
        out.push(
          `| ${markdownCell(line.resource)} | ${line.component} | ${line.azs} | ${line.tier} | ${formatQuantity(line.quantity)} | ${markdownCell(line.unit)} | ${formatRate(line.rate)} | ${formatDisplayMoney(line.monthly)} |`,
        );
      }
      out.push(`| **Subtotal** | | | | | | | **${formatDisplayMoney(vpc.monthly)}** |`, "");
    }
  }
  out.push("| Account | Monthly (USD) |", "| --- | ---: |");
  for (const row of estimate.rollups.byAccount) {
    out.push(`| ${markdownCell(row.key)} | ${formatDisplayMoney(row.monthly)} |`);
  }
  out.push(`| **Total** | **${formatDisplayMoney(estimate.totals.monthly)}** |`, "");
  const gaps = usageGapNote(estimate, markdownCell);
  if (gaps !== null) out.push(`> ${gaps}`, "");
  return terminalLines(out.join("\n"));
}
