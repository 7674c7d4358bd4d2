import type { DiagramEdge } from "../graph/diagramGraph.js";
import type { LayoutNode, LayoutTree } from "./layoutTree.js";
import type { Rect } from "./rect.js";

/** Cells between two boxes along x and y (0 where they overlap in that axis). */
function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return dx + dy;
}

/**
 * The cells the edges must at least run through once the boxes are placed: the sum over
 * edges (both ends known) of the distance between their boxes. Routes are about that long
 * or longer, and routing and drawing them costs about that much.
 */
export function edgeCells(
  edges: readonly DiagramEdge[],
  tree: LayoutTree,
  placed: ReadonlyMap<LayoutNode, Rect>,
): number {
  let total = 0;
  for (const edge of edges) {
    const from = tree.byId.get(edge.from);
    const to = tree.byId.get(edge.to);
    const a = from && placed.get(from);
    const b = to && placed.get(to);
    if (a && b) total += gap(a, b);
  }
  return total;
}
