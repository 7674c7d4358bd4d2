import { z } from "zod";
import { checkTopology } from "./checkTopology.js";
import { LinkplanError, type Problem } from "./linkplanError.js";
import { normalizeTopology } from "./normalizeTopology.js";
import { problemsFromZod } from "./problemsFromZod.js";
import type { Topology } from "./topology.js";
import { indexTopology } from "./topologyIndex.js";
import { type TopologyDoc, TopologySchema } from "./topologySchema.js";

function invalid(problems: Problem[]): LinkplanError {
  return new LinkplanError(
    "invalid_topology",
    `invalid topology (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
    problems,
  );
}

/**
 * Validate a topology document (already parsed from YAML or JSON) and return it with
 * defaults filled, in its authored shape (what the what-if transforms rewrite). Throws a
 * LinkplanError ("invalid_topology") listing every problem.
 */
export function parseTopologyDoc(data: unknown): TopologyDoc {
  const parsed = TopologySchema.safeParse(data);
  if (!parsed.success) {
    // parse again keeping the offending inputs, for messages that quote them ("got …");
    // valid documents (the common case) skip that cost
    const detailed = z.safeParse(TopologySchema, data, { reportInput: true });
    throw invalid(problemsFromZod((detailed.error ?? parsed.error).issues));
  }
  const problems = checkTopology(parsed.data);
  if (problems.length > 0) throw invalid(problems);
  return parsed.data;
}

/**
 * Validate a topology document (already parsed from YAML or JSON) and return the
 * normalized Topology. Throws a LinkplanError ("invalid_topology") listing every problem.
 */
export function parseTopology(data: unknown): Topology {
  const doc = parseTopologyDoc(data);
  return normalizeTopology(doc, indexTopology(doc));
}
