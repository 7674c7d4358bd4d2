import type { Comparison, LineChange } from "../compare/compare.js";
import { formatDisplayMoney } from "../core/money.js";
import { terminalLines, terminalText } from "../core/terminalText.js";
import { alignColumns } from "./alignColumns.js";
import {
  changeCounts,
  comparisonSections,
  comparisonTitle,
  hoursText,
  percentText,
  quantityText,
  signedMoney,
} from "./comparisonSections.js";

const MARK: Record<LineChange["change"], string> = { added: "+", removed: "-", changed: "~" };

function changeRow(change: LineChange): string[] {
  const line = change.after ?? change.before;
  return [
    `  ${MARK[change.change]} ${line?.resource ?? ""}`,
    line?.component ?? "",
    line?.az ?? "",
    line?.tier ?? "",
    quantityText(change),
    change.before === null ? "—" : formatDisplayMoney(change.before.monthly),
    change.after === null ? "—" : formatDisplayMoney(change.after.monthly),
    signedMoney(change.delta.monthly),
  ];
}

/** A terminal report of a comparison: totals, a table by resource kind, the changed lines. */
export function formatComparisonTable(comparison: Comparison): string {
  const { before, after } = comparison;
  const out: string[] = [
    `${comparisonTitle(comparison)} — USD per month, ${hoursText(comparison)}, catalog ${terminalText(after.catalog.name)} (${terminalText(after.catalog.retrieved)})`,
  ];
  for (const pair of comparison.pairs) out.push(`accounts matched: ${pair.before} → ${pair.after}`);
  out.push(
    "",
    ...alignColumns(
      [
        ["", "before", "after", "delta", ""],
        [
          "total",
          formatDisplayMoney(before.totals.monthly),
          formatDisplayMoney(after.totals.monthly),
          signedMoney(comparison.delta.monthly),
          percentText(comparison),
        ],
        "",
        ...comparison.rollups.byKind.map((row) => [
          row.key,
          formatDisplayMoney(row.before),
          formatDisplayMoney(row.after),
          signedMoney(row.delta),
          "",
        ]),
      ],
      ["left", "right", "right", "right", "left"],
    ),
    "",
    `lines: ${changeCounts(comparison)}`,
  );
  const sections = comparisonSections(comparison);
  if (sections.length === 0) return terminalLines(`${out.join("\n")}\n`);
  // one table for every section, so columns line up across VPCs; headings span the row
  const rows: (string[] | string)[] = [
    ["  resource", "component", "az", "tier", "quantity", "before", "after", "delta"],
  ];
  for (const section of sections) {
    const where =
      section.vpc === null
        ? `${section.account} (account-wide)`
        : `${section.account}/${section.vpc} (${section.region})`;
    rows.push("", `${where}  ${signedMoney(section.delta)}`, ...section.changes.map(changeRow));
  }
  out.push(
    "",
    ...alignColumns(rows, ["left", "left", "left", "left", "right", "right", "right", "right"]),
  );
  return terminalLines(`${out.join("\n")}\n`);
}
