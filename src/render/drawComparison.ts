import { type AccountPair, accountPairs, renameAccounts } from "../model/alignAccounts.js";
import type { LineItem } from "../model/cost/lineItem.js";
import type { Estimate } from "../model/estimate.js";
import type { Topology } from "../model/topology.js";
import type { DiagramGraph } from "./diagramGraph.js";
import { diffGraphs } from "./diffGraphs.js";
import { type DiagramRequest, renderGraph } from "./drawTopology.js";
import { type GraphOptions, toGraph } from "./toGraph.js";

export interface ComparisonOptions {
  /**
   * The estimate of `before` (as given, before any renaming), for the cost annotations of
   * removed items; `request.estimate` is the estimate of `after`.
   */
  beforeEstimate?: Estimate | null;
  /** which accounts of `before` stand for which of `after` (see accountPairs) */
  pairs?: readonly AccountPair[];
}

/**
 * A line of another account, as a plain record. Lines may be class instances whose fields
 * are getters (PricedLine), which a spread would drop, so every field is copied by name.
 */
function moveLine(line: LineItem, account: string): LineItem {
  return {
    id: line.id.startsWith(`${line.account}/`)
      ? `${account}${line.id.slice(line.account.length)}`
      : line.id,
    account,
    vpc: line.vpc,
    region: line.region,
    az: line.az,
    resource: line.resource,
    kind: line.kind,
    component: line.component,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    rate: line.rate,
    tier: line.tier,
    hourly: line.hourly,
    monthly: line.monthly,
    price: line.price,
  };
}

/** An estimate whose lines name the renamed accounts, so its costs land on the renamed items. */
function renameEstimate(
  priced: Estimate | null | undefined,
  pairs: readonly AccountPair[],
): Estimate | null {
  if (!priced) return null;
  if (pairs.length === 0) return priced;
  const map = new Map(pairs.map((p) => [p.before, p.after]));
  const lines = priced.lines.map((line) => {
    const account = map.get(line.account);
    return account === undefined ? line : moveLine(line, account);
  });
  return { ...priced, lines };
}

/**
 * The graph of `after` with what changed since `before` marked (see diffGraphs). Paired
 * accounts of `before` (see accountPairs: by default, the one account of each side when
 * their ids differ) are renamed first, so a dev account's VPCs match the prod account's.
 * `request.estimate` annotates `after`. Pure.
 *
 * @throws LinkplanError("invalid_request") when `options.pairs` names unknown accounts
 */
export function comparisonGraph(
  before: Topology,
  after: Topology,
  request: GraphOptions = {},
  options: ComparisonOptions = {},
): DiagramGraph {
  const pairs = accountPairs(before, after, options.pairs);
  const beforeGraph = toGraph(renameAccounts(before, pairs), {
    ...request,
    estimate: renameEstimate(options.beforeEstimate, pairs),
  });
  return diffGraphs(beforeGraph, toGraph(after, request));
}

/**
 * Draw `after` with what was added since `before` and what was removed from it marked:
 * green and thick (Mermaid, SVG) or "[+]" (ASCII) for added items and edges, red, dashed
 * and faded or "[-]" for removed ones. The request is drawTopology's; `request.estimate`
 * annotates with `after`'s costs and `options.beforeEstimate` gives the removed items'
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
