import { LinkplanError } from "../core/linkplanError.js";
import type { AwsServiceReference } from "../topology/awsReference.js";
import { parseTopology, parseTopologyDoc } from "../topology/parseTopology.js";
import type { Topology } from "../topology/topology.js";
import type { TopologyDoc, TopologySchema } from "../topology/topologySchema.js";

/**
 * What a topology is read within: its size, the AWS services it may name, and the schema
 * it is validated against.
 */
export interface TopologyLimits {
  maxVpcs: number;
  maxEndpoints: number;
  /**
   * The AWS service list endpoints are checked against: the context's catalog's
   * (`catalogServices(catalog)`); default: the bundled list.
   */
  services?: AwsServiceReference | undefined;
  /** TopologySchema, or the server's compiled copy of it (see ParseTopologyOptions.schema) */
  schema?: typeof TopologySchema | undefined;
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

/** Over-limit topologies are a 422 `limit_exceeded` naming the limit. */
export function checkLimits(body: unknown, limits: TopologyLimits, where: string): void {
  const { vpcs, endpoints } = countOf(body);
  const over = [
    vpcs > limits.maxVpcs ? `${vpcs} VPCs exceed the limit of ${limits.maxVpcs} (maxVpcs)` : null,
    endpoints > limits.maxEndpoints
      ? `${endpoints} endpoints exceed the limit of ${limits.maxEndpoints} (maxEndpoints)`
      : null,
  ].filter((m): m is string => m !== null);
  if (over.length > 0) {
    throw new LinkplanError(
      "limit_exceeded",
      `the topology${where} is larger than this server accepts: ${over.join("; ")}`,
    );
  }
}

/**
 * A request body (parsed JSON or YAML) as a validated Topology. Over-limit topologies are a
 * 422 `limit_exceeded` naming the limit; invalid ones throw LinkplanError (422 with paths).
 */
export function readTopology(body: unknown, limits: TopologyLimits, where = ""): Topology {
  checkLimits(body, limits, where);
  return parseTopology(body, { services: limits.services, schema: limits.schema });
}

/** The same checks, keeping the authored shape (for what-if transforms). */
export function readTopologyDoc(body: unknown, limits: TopologyLimits, where = ""): TopologyDoc {
  checkLimits(body, limits, where);
  return parseTopologyDoc(body, { services: limits.services, schema: limits.schema });
}

/** Run `read`, prefixing the paths of the problems it reports with `key`. */
export function withPathPrefix<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof LinkplanError)) throw error;
    const problems = error.problems.map((p) => ({
      path: p.path ? `${key}.${p.path}` : key,
      message: p.message,
    }));
    throw new LinkplanError(error.code, `${key}: ${error.summary}`, problems, { cause: error });
  }
}

/**
 * The member `key` of a request body (compare and what-if bodies carry one or two
 * topologies), read by `read` with problem paths prefixed by the key, so the client sees
 * where in its body each problem is.
 */
export function readMember<T>(body: unknown, key: string, read: (value: unknown) => T): T {
  const value =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)[key]
      : undefined;
  if (value === undefined) {
    throw new LinkplanError("invalid_request", `the request body lacks "${key}"`, [
      { path: key, message: "required" },
    ]);
  }
  return withPathPrefix(key, () => read(value));
}
