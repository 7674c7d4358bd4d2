import type { Topology } from "../topology/topology.js";
import { type DiagramRequest, renderGraph } from "./drawTopology.js";
import { splitByAccount } from "./graph/splitByAccount.js";
import { toGraph } from "./graph/toGraph.js";

/** One account's drawing. */
export interface AccountDrawing {
  /** the account's id in the topology */
  account: string;
  text: string;
}

/**
 * Draw a topology as one diagram per account (see splitByAccount): for Mermaid, whose
 * renderers refuse text over 50,000 characters, and for topologies too large to read whole.
 *
 * @throws LinkplanError("diagram_too_large") when one account's part passes a limit
 */
export function drawByAccount(topology: Topology, request: DiagramRequest): AccountDrawing[] {
  return splitByAccount(toGraph(topology, request)).map(({ account, graph }) => ({
    account,
    text: renderGraph(graph, request),
  }));
}
