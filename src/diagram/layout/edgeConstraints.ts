import type { DiagramEdge } from "../graph/diagramGraph.js";
import type { LayoutNode } from "./layoutTree.js";
import { childUnder, commonAncestor, type LayoutTree } from "./layoutTree.js";
import type { Constraint } from "./orderByRank.js";

/**
 * For every group (and the root), the ordering constraints its edges impose on its
 * children: an edge whose ends both lie under the group, in different children, asks for
 * the child holding the source to come before the child holding the target. Edges with an
 * unknown end are ignored. O(edges × depth).
 */
export function edgeConstraints(
  tree: LayoutTree,
  edges: readonly DiagramEdge[],
): Map<LayoutNode, Constraint[]> {
  const result = new Map<LayoutNode, Constraint[]>();
  for (const edge of edges) {
    const from = tree.byId.get(edge.from);
    const to = tree.byId.get(edge.to);
    if (!from || !to || from === to) continue;
    const top = commonAncestor(from, to);
    const a = childUnder(top, from);
    const b = childUnder(top, to);
    if (!a || !b || a === b) continue;
    const ia = tree.childIndex.get(a);
    const ib = tree.childIndex.get(b);
    if (ia === undefined || ib === undefined) continue;
    const list = result.get(top);
    if (list) list.push([ia, ib]);
    else result.set(top, [[ia, ib]]);
  }
  return result;
}
