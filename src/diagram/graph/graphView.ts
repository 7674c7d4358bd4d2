import type { DiagramGraph } from "./diagramGraph.js";
import { focusGraph } from "./focusGraph.js";
import { foldVpcs } from "./foldVpcs.js";
import { joinEnis } from "./joinEnis.js";

/** How much of a graph to draw: identical elements folded, one element and its neighbours. */
export interface GraphViewOptions {
  /**
   * fold the VPCs of an account's region that have the same shape into one group ("20 ×
   * VPC like app-042") and each endpoint's per-AZ ENIs into one node ("× 3 AZs")
   */
  collapse?: boolean;
  /** draw only this VPC, account or endpoint service (its id), with its neighbours */
  focus?: string | null;
}

/**
 * A graph as the view options ask: `collapse` joins ENIs (joinEnis) then folds VPCs
 * (foldVpcs), then `focus` keeps one element and its neighbours (focusGraph). Applied to
 * the graph of a topology, or of a comparison once both sides are marked. Linear in the
 * graph; the input is not modified.
 *
 * @throws LinkplanError("invalid_request") when `focus` names nothing drawn
 */
export function graphView(graph: DiagramGraph, options: GraphViewOptions): DiagramGraph {
  const folded = options.collapse ? foldVpcs(joinEnis(graph)) : graph;
  return options.focus ? focusGraph(folded, options.focus) : folded;
}
