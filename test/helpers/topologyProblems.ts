import { expect } from "vitest";
import type { LinkplanError, Problem } from "../../src/core/linkplanError.js";
import { parseDocument } from "../../src/document/parseDocument.js";
import { type ParseTopologyOptions, parseTopology } from "../../src/topology/parseTopology.js";
import { caught } from "./caught.js";

/**
 * The error parseTopology throws for a topology — YAML text, or the data of one — with
 * `options`: invalid_topology (fails the test if the topology is accepted or fails otherwise).
 */
export function topologyErrorOf(
  topology: string | object,
  options?: ParseTopologyOptions,
): LinkplanError {
  const error = caught(() =>
    parseTopology(typeof topology === "string" ? parseDocument(topology) : topology, options),
  );
  expect(error.code).toBe("invalid_topology");
  return error;
}

/** The problems parseTopology reports for a topology (YAML text or data), as topologyErrorOf. */
export const problemsOf = (topology: string | object, options?: ParseTopologyOptions): Problem[] =>
  topologyErrorOf(topology, options).problems;
