import { MAX_PROBLEMS } from "../core/capProblems.js";
import { LinkplanError, type Problem } from "../core/linkplanError.js";
import { mergeProblems } from "../core/mergeProblems.js";
import { checkNesting } from "../document/checkNesting.js";
import { validateSchema } from "../document/validateSchema.js";
import type { AwsServiceReference } from "./awsReference.js";
import { checkTopology } from "./checkTopology.js";
import { normalizeTopology } from "./normalizeTopology.js";
import type { Topology } from "./topology.js";
import { indexTopology, type TopologyIndex } from "./topologyIndex.js";
import { type TopologyDoc, TopologySchema } from "./topologySchema.js";

function invalid(problems: Problem[], count: number, partial = false): LinkplanError {
  const counted = `${partial ? "at least " : ""}${count.toLocaleString("en-US")} problem${count === 1 ? "" : "s"}`;
  return new LinkplanError("invalid_topology", `invalid topology (${counted})`, problems);
}

/**
 * Anything a check throws that is not a LinkplanError (a limit of the JavaScript engine
 * the bounds above missed) becomes one, so no caller ever shows an engine message.
 */
function guarded<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof LinkplanError) throw error;
    throw new LinkplanError(
      "invalid_topology",
      "the topology could not be checked",
      [{ path: "", message: "it exceeds what linkplan can check; make it smaller or simpler" }],
      { cause: error },
    );
  }
}

/** How a topology is validated. */
export interface ParseTopologyOptions {
  /**
   * The AWS services endpoints and NAT destinations may name: a catalog's refreshed list
   * (`catalogServices(catalog)`, `awsServiceReference(list)`); default: the bundled list.
   */
  services?: AwsServiceReference | undefined;
  /**
   * The schema documents are validated against: TopologySchema itself (the default) or the
   * same schema compiled ahead of time (`z.compile(TopologySchema)`: identical results and
   * messages, about three times faster; compiling takes ~50 ms, worth it in a server).
   */
  schema?: typeof TopologySchema | undefined;
}

/** The document validated, with defaults filled, and its index (built once, for both uses). */
function validated(data: unknown, options: ParseTopologyOptions): Indexed {
  return guarded(() => {
    const values = checkNesting(data);
    const parsed = validateSchema(options.schema ?? TopologySchema, data, values);
    if (!parsed.success) {
      // a document wrong only by unknown keys is checked further, so every problem is reported
      // at once (when neither list was cut at the cap)
      const rest =
        parsed.withoutUnknownKeys &&
        checkTopology(parsed.withoutUnknownKeys, undefined, options.services);
      if (!rest || rest.count === 0 || parsed.count > MAX_PROBLEMS || rest.count > MAX_PROBLEMS)
        throw invalid(parsed.problems, parsed.count, parsed.partial);
      throw invalid(mergeProblems(parsed.problems, rest.problems), parsed.count + rest.count);
    }
    const index = indexTopology(parsed.data);
    const problems = checkTopology(parsed.data, undefined, options.services, index);
    if (problems.count > 0) throw invalid(problems.problems, problems.count);
    return { doc: parsed.data, index };
  });
}

interface Indexed {
  doc: TopologyDoc;
  index: TopologyIndex;
}

/**
 * Validate a topology document (already parsed from YAML or JSON) and return it with
 * defaults filled, in its authored shape (what the what-if transforms rewrite). Throws a
 * LinkplanError: "nesting_too_deep" when lists and mappings nest deeper than 64 levels
 * (checked first, without recursion), else "invalid_topology" with the problems found (the
 * first 100 listed).
 */
export function parseTopologyDoc(data: unknown, options: ParseTopologyOptions = {}): TopologyDoc {
  return validated(data, options).doc;
}

/**
 * Validate a topology document (already parsed from YAML or JSON) and return the
 * normalized Topology. Throws a LinkplanError as parseTopologyDoc does.
 */
export function parseTopology(data: unknown, options: ParseTopologyOptions = {}): Topology {
  const { doc, index } = validated(data, options);
  return guarded(() => normalizeTopology(doc, index));
}
