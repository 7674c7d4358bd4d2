import { parseTopology } from "../model/parseTopology.js";
import type { Topology } from "../model/topology.js";
import { ProblemError, problem } from "./problem.js";

export interface TopologyLimits {
  maxVpcs: number;
  maxEndpoints: number;
}

/** Count VPCs and endpoints in a request body before validating it (cheap, shape-tolerant). */
function countOf(body: unknown): { vpcs: number; endpoints: number } {
  let vpcs = 0;
  let endpoints = 0;
  const accounts = (body as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts)) return { vpcs, endpoints };
  for (const account of accounts) {
    const list = (account as { vpcs?: unknown } | null)?.vpcs;
    if (!Array.isArray(list)) continue;
    vpcs += list.length;
    for (const vpc of list) {
      const eps = (vpc as { endpoints?: unknown } | null)?.endpoints;
      if (Array.isArray(eps)) endpoints += eps.length;
    }
  }
  return { vpcs, endpoints };
}

/**
 * A request body (parsed JSON or YAML) as a validated Topology. Over-limit topologies are a
 * 422 `limit_exceeded` naming the limit; invalid ones throw LinkplanError (422 with paths).
 */
export function readTopology(body: unknown, limits: TopologyLimits, where = ""): Topology {
  const { vpcs, endpoints } = countOf(body);
  const over = [
    vpcs > limits.maxVpcs ? `${vpcs} VPCs exceed the limit of ${limits.maxVpcs} (maxVpcs)` : null,
    endpoints > limits.maxEndpoints
      ? `${endpoints} endpoints exceed the limit of ${limits.maxEndpoints} (maxEndpoints)`
      : null,
  ].filter((m): m is string => m !== null);
  if (over.length > 0) {
    throw new ProblemError(
      problem(
        "limit_exceeded",
        422,
        `the topology${where} is larger than this server accepts: ${over.join("; ")}`,
      ),
    );
  }
  return parseTopology(body);
}
