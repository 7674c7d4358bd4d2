import type { CostAnnotation } from "./costAnnotations.js";
import type {
  DiagramEdge,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  NodeKind,
} from "./diagramGraph.js";

/** What a node or group shows besides its label: detail line, cost and signature. */
function extras(cost: CostAnnotation | null, signature: string) {
  return cost === null
    ? { cost: null, signature }
    : { cost: cost.text, monthly: cost.monthly, signature };
}

/** A node, unmarked; `signature` says what it is without ids, names or cost (see DiagramNode). */
export function node(
  id: string,
  kind: NodeKind,
  label: string,
  detail: string | null,
  cost: CostAnnotation | null,
  signature: string,
): DiagramNode {
  return { type: "node", id, kind, label, detail, ...extras(cost, signature), status: "unchanged" };
}

/** A group, unmarked; `signature` says what it is without ids, names or cost. */
export function group(
  id: string,
  kind: DiagramGroup["kind"],
  label: string,
  detail: string | null,
  cost: CostAnnotation | null,
  signature: string,
  children: DiagramItem[],
): DiagramGroup {
  return {
    type: "group",
    id,
    kind,
    label,
    detail,
    ...extras(cost, signature),
    status: "unchanged",
    children,
  };
}

/** The edges of a graph being built, each added once (by id). */
export interface EdgeList {
  edges: DiagramEdge[];
  /** ids of `edges` */
  edgeIds: Set<string>;
}

/** The id of the edge from `from` to `to`. */
export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

/** Add the edge from `from` to `to`, unless one is there already. */
export function edge(
  list: EdgeList,
  from: string,
  to: string,
  kind: DiagramEdge["kind"],
  label: string | null,
): void {
  const id = edgeId(from, to);
  if (list.edgeIds.has(id)) return;
  list.edgeIds.add(id);
  list.edges.push({ id, from, to, kind, label, status: "unchanged" });
}
