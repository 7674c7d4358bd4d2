import { terminalLines, terminalText } from "../core/terminalText.js";
import type { CatalogDiff } from "../pricing/diffCatalogs.js";
import { alignColumns } from "./alignColumns.js";

const HEADER = ["REGION", "ITEM", "FIGURE", "OLD", "NEW", "CHANGE"];
const ALIGNS = ["left", "left", "left", "right", "right", "right"] as const;

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

/** A terminal table of a catalog diff: one row per changed figure, then what only one side has. */
export function formatCatalogDiff(diff: CatalogDiff): string {
  const lines = [
    `prices diff: ${terminalText(diff.old.name)} (${terminalText(diff.old.retrieved)}) → ${terminalText(diff.new.name)} (${terminalText(diff.new.retrieved)})`,
    "",
  ];
  if (diff.changes.length > 0) {
    const rows = diff.changes.map((c) => [
      c.region,
      c.item,
      c.figure,
      c.old ?? "-",
      c.new ?? "-",
      c.change === "changed" ? (c.percent ?? "changed") : c.change,
    ]);
    lines.push(...alignColumns([HEADER, ...rows], ALIGNS), "");
  }
  const only = (side: string, regions: CatalogDiff["regionsOnlyInOld"]) => {
    if (regions.length === 0) return;
    const list = regions.map((r) => `${r.region} (${count(r.items, "item")})`).join(", ");
    lines.push(`only in ${side}: ${list}`);
  };
  only(`${terminalText(diff.old.name)} (old)`, diff.regionsOnlyInOld);
  only(`${terminalText(diff.new.name)} (new)`, diff.regionsOnlyInNew);
  const tally = (change: string) => diff.changes.filter((c) => c.change === change).length;
  lines.push(
    `${tally("changed")} changed, ${tally("added")} added, ${tally("removed")} removed, ${diff.unchanged} unchanged (regions in both and Route 53)`,
  );
  return terminalLines(`${lines.join("\n")}\n`);
}
