import { type HierarchyNode, hierarchy } from "d3-hierarchy";
import type { DiagramGraph, DiagramItem } from "../graph/diagramGraph.js";

/** The synthetic root holding a graph's top-level items; it is never drawn. */
export interface LayoutRoot {
  type: "root";
  id: "";
  children: DiagramItem[];
}

export type LayoutDatum = DiagramItem | LayoutRoot;
export type LayoutNode = HierarchyNode<LayoutDatum>;

export interface LayoutTree {
  root: LayoutNode;
  /** nodes and groups by id (the first one in depth-first order when ids repeat) */
  byId: Map<string, LayoutNode>;
  /** position of every non-root node among its parent's children */
  childIndex: Map<LayoutNode, number>;
}

/** The containment tree of a graph as a d3 hierarchy over a synthetic root. */
export function layoutTree(graph: DiagramGraph): LayoutTree {
  const root = hierarchy<LayoutDatum>({ type: "root", id: "", children: graph.items }, (d) =>
    d.type === "node" ? undefined : d.children,
  );
  const byId = new Map<string, LayoutNode>();
  const childIndex = new Map<LayoutNode, number>();
  root.eachBefore((n) => {
    if (n.data.type !== "root" && !byId.has(n.data.id)) byId.set(n.data.id, n);
    n.children?.forEach((child, i) => {
      childIndex.set(child, i);
    });
  });
  return { root, byId, childIndex };
}

/** The lowest node that is an ancestor of (or equal to) both. */
export function commonAncestor(a: LayoutNode, b: LayoutNode): LayoutNode {
  let x: LayoutNode | null = a;
  let y: LayoutNode | null = b;
  while (x && y && x.depth > y.depth) x = x.parent;
  while (x && y && y.depth > x.depth) y = y.parent;
  while (x && y && x !== y) {
    x = x.parent;
    y = y.parent;
  }
  return x ?? a;
}

/** The ancestor of `node` (or `node` itself) whose parent is `top`; null if there is none. */
export function childUnder(top: LayoutNode, node: LayoutNode): LayoutNode | null {
  let n: LayoutNode | null = node;
  while (n && n.parent !== top) n = n.parent;
  return n;
}
