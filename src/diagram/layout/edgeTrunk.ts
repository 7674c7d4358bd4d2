import type { DiagramEdge } from "../graph/diagramGraph.js";

/**
 * The trunk an edge belongs to: edges into one box drawn alike (same kind and comparison
 * status) may run together as one line with one arrowhead; every other edge, edges from
 * one box too, keeps a track of its own. Two edges are of one trunk when their keys are equal.
 */
export function edgeTrunk(edge: Pick<DiagramEdge, "to" | "kind" | "status">): string {
  return `${edge.kind} ${edge.status} ${edge.to}`;
}
