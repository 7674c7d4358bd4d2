import { z } from "zod";
import { checkTopology } from "./checkTopology.js";
import { LinkplanError } from "./linkplanError.js";
import { normalizeTopology } from "./normalizeTopology.js";
import { problemsFromZod } from "./problemsFromZod.js";
import type { Topology } from "./topology.js";
import { indexTopology } from "./topologyIndex.js";
import { TopologySchema } from "./topologySchema.js";

/**
 * Validate a topology document (already parsed from YAML or JSON) and return the
 * normalized Topology. Throws a LinkplanError ("invalid_topology") listing every problem.
 */
export function parseTopology(data: unknown): Topology {
  const parsed = z.safeParse(TopologySchema, data, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error.issues);
    throw new LinkplanError(
      "invalid_topology",
      `invalid topology (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      problems,
    );
  }
  const problems = checkTopology(parsed.data);
  if (problems.length > 0) {
    throw new LinkplanError(
      "invalid_topology",
      `invalid topology (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      problems,
    );
  }
  return normalizeTopology(parsed.data, indexTopology(parsed.data));
}
