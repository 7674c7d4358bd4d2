import type { DiagramItem } from "../graph/diagramGraph.js";

/**
 * Siblings in the order to declare them: nodes where they are, the subgraphs among them in
 * reverse. Mermaid's flowchart hands its layout the subgraphs last-declared first, so
 * subgraphs declared a, b, c are drawn c, b, a where nothing else decides (AZs showed as
 * 2c, 2a, 2b); declared c, b, a they are drawn a, b, c — the topology's order, as the SVG
 * and ASCII drawings show them.
 */
export function drawingOrder(items: readonly DiagramItem[]): readonly DiagramItem[] {
  const groups = items.filter((item) => item.type === "group");
  if (groups.length < 2) return items;
  let next = groups.length;
  return items.map((item) => (item.type === "group" ? (groups[--next] ?? item) : item));
}
