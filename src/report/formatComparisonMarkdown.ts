import type { Comparison, LineChange } from "../compare/compare.js";
import { formatDisplayMoney } from "../core/money.js";
import { terminalLines } from "../core/terminalText.js";
import {
  changeCounts,
  comparisonSections,
  comparisonTitle,
  hoursText,
  percentText,
  quantityText,
  signedMoney,
} from "./comparisonSections.js";
import { markdownCell } from "./formatEstimateMarkdown.js";

const MARK: Record<LineChange["change"], string> = {
  added: "➕ added",
  removed: "➖ removed",
  changed: "✏️ changed",
};

function money(line: LineChange["before"]): string {
  return line === null ? "—" : formatDisplayMoney(line.monthly);
}

/**
 * A pull-request comment: one summary line with the monthly delta, a table by resource
 * kind, and the changed lines per VPC in a collapsible section.
 */
export function formatComparisonMarkdown(comparison: Comparison): string {
  const { before, after } = comparison;
  const out: string[] = [
    `### linkplan: ${markdownCell(comparisonTitle(comparison))}: ${signedMoney(comparison.delta.monthly)} USD per month (${percentText(comparison)})`,
    "",
    `**$${formatDisplayMoney(before.totals.monthly)} → $${formatDisplayMoney(after.totals.monthly)} per month**, ${hoursText(comparison)}, catalog \`${markdownCell(after.catalog.name)}\` (${markdownCell(after.catalog.retrieved)}). Lines: ${changeCounts(comparison)}.`,
  ];
  if (comparison.pairs.length > 0) {
    out.push(
      "",
      `Accounts matched: ${comparison.pairs.map((p) => `\`${markdownCell(p.before)}\` → \`${markdownCell(p.after)}\``).join(", ")}.`,
    );
  }
  out.push(
    "",
    "| Resource kind | Before (USD/mo) | After (USD/mo) | Delta (USD/mo) |",
    "| --- | ---: | ---: | ---: |",
  );
  for (const row of comparison.rollups.byKind) {
    out.push(
      `| ${row.key} | ${formatDisplayMoney(row.before)} | ${formatDisplayMoney(row.after)} | ${signedMoney(row.delta)} |`,
    );
  }
  out.push(
    `| **Total** | **${formatDisplayMoney(before.totals.monthly)}** | **${formatDisplayMoney(after.totals.monthly)}** | **${signedMoney(comparison.delta.monthly)}** |`,
    "",
  );
  const sections = comparisonSections(comparison);
  if (sections.length === 0) {
    out.push("No line changed.", "");
    return terminalLines(out.join("\n"));
  }
  out.push(
    "<details>",
    `<summary>Changes per VPC (${comparison.changes.length} line${comparison.changes.length === 1 ? "" : "s"})</summary>`,
    "",
  );
  for (const section of sections) {
    const where =
      section.vpc === null
        ? `account \`${markdownCell(section.account)}\` (account-wide)`
        : `\`${markdownCell(section.account)}/${markdownCell(section.vpc)}\` (${section.region})`;
    out.push(`#### ${where}: ${signedMoney(section.delta)}`, "");
    out.push(
      "| Change | Resource | Component | AZ | Tier | Quantity | Before | After | Delta |",
      "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
    );
    for (const change of section.changes) {
      const line = change.after ?? change.before;
      if (!line) continue;
      out.push(
        `| ${MARK[change.change]} | ${markdownCell(line.resource)} | ${markdownCell(line.component)} | ${line.az ?? ""} | ${markdownCell(line.tier ?? "")} | ${markdownCell(quantityText(change))} | ${money(change.before)} | ${money(change.after)} | ${signedMoney(change.delta.monthly)} |`,
      );
    }
    out.push("");
  }
  out.push("</details>", "");
  return terminalLines(out.join("\n"));
}
