import type { Comparison, LineChange } from "../model/compare.js";
import { formatDisplayMoney } from "../model/money.js";
import { alignColumns } from "./alignColumns.js";
import {
  changeCounts,
  comparisonSections,
  comparisonTitle,
  percentText,
  signedMoney,
} from "./comparisonSections.js";

const MARK: Record<LineChange["change"], string> = { added: "+", removed: "-", changed: "~" };

/** A terminal report of a comparison: totals, a table by resource kind, the changed lines. */
export function formatComparisonTable(comparison: Comparison): string {
  const { before, after } = comparison;
  const out: string[] = [
    `${comparisonTitle(comparison)} — USD per month, ${after.hoursPerMonth} hours/month, catalog ${after.catalog.name} (${after.catalog.retrieved})`,
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
  for (const section of comparisonSections(comparison)) {
    out.push(
      "",
      `${section.account}${section.vpc === null ? " (account-wide)" : `/${section.vpc} (${section.region})`}  ${signedMoney(section.delta)}`,
    );
    const rows = section.changes.map((change) => {
      const line = change.after ?? change.before;
      return [
        `  ${MARK[change.change]}`,
        line?.resource ?? "",
        line?.component ?? "",
        line?.az ?? "",
        line?.tier ?? "",
        change.before === null ? "—" : formatDisplayMoney(change.before.monthly),
        change.after === null ? "—" : formatDisplayMoney(change.after.monthly),
        signedMoney(change.delta.monthly),
      ];
    });
    out.push(
      ...alignColumns(rows, ["left", "left", "left", "left", "left", "right", "right", "right"]),
    );
  }
  return `${out.join("\n")}\n`;
}
