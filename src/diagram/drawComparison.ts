import { type AccountPair, accountPairs, renameAccounts } from "../compare/alignAccounts.js";
import type { Comparison } from "../compare/compare.js";
import type { Topology } from "../topology/topology.js";
import { type DiagramRequest, renderGraph } from "./drawTopology.js";
import type { DiagramGraph } from "./graph/diagramGraph.js";
import { diffGraphs } from "./graph/diffGraphs.js";
import { graphView } from "./graph/graphView.js";
import { type GraphOptions, toGraph } from "./graph/toGraph.js";

export interface ComparisonOptions {
  /**
   * The priced comparison of the two topologies (`compare(before, after, catalog)`): its
   * `before` estimate, whose lines already name the paired accounts, gives the removed
   * items' costs, and its pairs are used; `request.estimate` annotates `after`.
   */
  comparison?: Comparison | null;
  /** which accounts of `before` stand for which of `after` (see accountPairs) */
  pairs?: readonly AccountPair[];
}

/**
 * The graph of `after` with what changed since `before` marked (see diffGraphs). Paired
 * accounts of `before` (see accountPairs: by default, the one account of each side when
 * their ids differ) are renamed first, so a dev account's VPCs match the prod account's.
 * `request.estimate` annotates `after`. `request.collapse` and `request.focus` apply to
 * the marked graph (graphView), so an element only one side has can be focused on, and
 * VPCs fold only when they changed alike. Pure.
 *
 * @throws LinkplanError("invalid_request") when `options.pairs` names unknown accounts, or
 *   `request.focus` an element neither side draws
 */
export function comparisonGraph(
  before: Topology,
  after: Topology,
  request: GraphOptions = {},
  options: ComparisonOptions = {},
): DiagramGraph {
  const pairs = options.comparison?.pairs ?? accountPairs(before, after, options.pairs);
  // both sides whole: folding and focusing come once what changed is marked
  const { collapse, focus, ...whole } = request;
  // findings (request.findings) are about `after`: the removed items carry none
  const beforeGraph = toGraph(renameAccounts(before, pairs), {
    ...whole,
    estimate: options.comparison?.before ?? null,
    findings: null,
  });
  const diff = diffGraphs(beforeGraph, toGraph(after, whole));
  return graphView(diff, { collapse: collapse ?? false, focus: focus ?? null });
}

/**
 * Draw `after` with what was added since `before` and what was removed from it marked:
 * green and thick (Mermaid, SVG) or "[+]" (ASCII) for added items and edges, red, dashed
 * and faded or "[-]" for removed ones. The request is drawTopology's; `request.estimate`
 * annotates with `after`'s costs and `options.comparison` gives the removed items'
 * costs. Pure.
 */
export function drawComparison(
  before: Topology,
  after: Topology,
  request: DiagramRequest,
  options: ComparisonOptions = {},
): string {
  return renderGraph(comparisonGraph(before, after, request, options), request);
}
