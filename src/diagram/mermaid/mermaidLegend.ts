import type { DiagramGraph, DiagramStatus } from "../graph/diagramGraph.js";
import { walkItems } from "../graph/diagramGraph.js";

/** The comparison marks, in legend order: status, the mark put before a label, its word. */
const MARKS: ReadonlyArray<readonly [DiagramStatus, string, string]> = Object.freeze([
  ["added", "[+]", "added"],
  ["removed", "[-]", "removed"],
  ["changed", "[~]", "changed"],
] as const);

/** What goes before the label of an item of a comparison: "[+] ", "[-] ", "[~] " or "". */
export function statusPrefix(status: DiagramStatus): string {
  const mark = MARKS.find(([s]) => s === status);
  return mark ? `${mark[1]} ` : "";
}

/** The Mermaid id of the legend subgraph (item ids all start with n_ or g_). */
const LEGEND_ID = "legend";

/**
 * A legend of the comparison marks the graph's items and edges carry, as a subgraph of one
 * node per mark ("[+] added" in the mark's class), its class lines and the classes they
 * use; nothing when nothing is marked. `pad` indents the lines.
 */
export function mermaidLegend(
  graph: DiagramGraph,
  pad: string,
): { lines: string[]; classes: string[]; uses: Set<string> } {
  const present = new Set<DiagramStatus>();
  for (const { item } of walkItems(graph.items)) present.add(item.status);
  for (const edge of graph.edges) present.add(edge.status);
  const marks = MARKS.filter(([status]) => present.has(status));
  if (marks.length === 0) return { lines: [], classes: [], uses: new Set() };
  const lines = [`${pad}subgraph ${LEGEND_ID}["Legend"]`];
  const classes: string[] = [];
  for (const [status, mark, word] of marks) {
    const id = `${LEGEND_ID}_${status}`;
    lines.push(`${pad}  ${id}["${mark} ${word}"]`);
    classes.push(`${pad}class ${id} ${status}`);
  }
  lines.push(`${pad}end`);
  classes.push(`${pad}class ${LEGEND_ID} legend`);
  return { lines, classes, uses: new Set(["legend", ...marks.map(([status]) => status)]) };
}
