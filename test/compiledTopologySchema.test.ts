import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import { LinkplanError } from "../src/core/linkplanError.js";
import { type ParseTopologyOptions, parseTopologyDoc } from "../src/topology/parseTopology.js";
import { TopologySchema } from "../src/topology/topologySchema.js";
import { exampleData, mutate, mutation } from "./helpers/apiFuzzArbitraries.js";
import { EXAMPLE_NAMES, exampleYaml } from "./helpers/examples.js";
import { topologyArb } from "./helpers/randomTopology.js";

/** What the server validates with (src/api/compiledSchemaContext.ts). */
const compiled = { schema: z.compile(TopologySchema) } satisfies ParseTopologyOptions;

/** parseTopologyDoc's answer — the document, or the error's code and problems — as JSON. */
function outcome(data: unknown, options: ParseTopologyOptions = {}): string {
  try {
    return JSON.stringify({ doc: parseTopologyDoc(structuredClone(data), options) });
  } catch (error) {
    if (!(error instanceof LinkplanError)) throw error;
    return JSON.stringify({ code: error.code, summary: error.summary, problems: error.problems });
  }
}

describe("the topology schema compiled ahead of time (z.compile)", () => {
  it("compiles whole: no part of the schema falls back to zod's interpreter", () => {
    expect(() => z.compile(TopologySchema, { strict: true })).not.toThrow();
  });

  it("parses every example to the same document, key order included", () => {
    for (const name of EXAMPLE_NAMES) {
      const data: unknown = parseYaml(exampleYaml(name));
      expect(outcome(data, compiled), name).toBe(outcome(data));
      expect(outcome(data, compiled), name).toMatch(/^\{"doc":/);
    }
  });

  it("parses random valid topologies to the same document", () => {
    fc.assert(
      fc.property(topologyArb, (topology) => {
        expect(outcome(topology, compiled)).toBe(outcome(topology));
      }),
      { numRuns: 150 },
    );
  });

  it("refuses broken documents with the same problems, in the same words", () => {
    const names = ["consumer-provider", "endpoints-module", "prod", "shared-services"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (name, mutations) => {
          const data = mutate(exampleData(name), mutations);
          expect(outcome(data, compiled)).toBe(outcome(data));
        },
      ),
      { numRuns: 400 },
    );
  });
});
