import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../src/check/check.js";
import { EniHourLine } from "../src/estimate/cost/eniHourLine.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson, LineItemJsonSchema } from "../src/report/estimateJson.js";
import { estimateJsonText } from "../src/report/estimateJsonText.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";
import { useFcSeed } from "./helpers/fcSeed.js";
import { topologyArb } from "./helpers/randomTopology.js";

useFcSeed();
const catalog = bundledCatalog();

describe("estimateJsonText: the estimate's JSON written directly", () => {
  it("is JSON.stringify(estimateToJson(…)) for every example, with and without findings", () => {
    for (const name of EXAMPLE_NAMES) {
      if (name === "broken") continue; // it names a price the catalog lacks
      const topology = exampleTopology(name);
      const priced = estimate(topology, catalog);
      expect(estimateJsonText(priced), name).toBe(JSON.stringify(estimateToJson(priced)));
      const findings = check(topology);
      expect(estimateJsonText(priced, findings), name).toBe(
        JSON.stringify(estimateToJson(priced, findings)),
      );
      expect(estimateJsonText(priced, [])).toBe(JSON.stringify(estimateToJson(priced, [])));
    }
  });

  it("escapes what JSON.stringify escapes: quotes, backslashes, controls, lone surrogates", () => {
    const priced = estimate(exampleTopology("dev"), catalog);
    const awkward = [
      'a "quoted" name',
      "back\\slash",
      "tab\there\nnewline\u0000nul\u001f",
      "\u2028 line separator, emoji 🚀, joined 👩‍💻",
      "lone \ud800 high, lone \udc00 low",
      "",
    ];
    for (const text of awkward) {
      const odd = {
        ...priced,
        name: text,
        // lines are class instances with getters: copy each documented field by name
        lines: priced.lines.map((line) => ({
          ...(Object.fromEntries(
            Object.keys(LineItemJsonSchema.shape).map((key) => [
              key,
              line[key as keyof typeof line],
            ]),
          ) as unknown as typeof line),
          id: `${line.id}${text}`,
          description: text,
        })),
        dependsOnUsage: [{ account: "a", resource: text, terraform: `module.m["${text}"]` }],
      };
      const written = estimateJsonText(odd);
      expect(written).toBe(JSON.stringify(estimateToJson(odd)));
      expect(JSON.parse(written).name).toBe(text);
    }
  });

  it("writes ENI-hour lines from their shared text, and escapes awkward AZs and names", () => {
    const priced = estimate(exampleTopology("endpoints-module"), catalog);
    const enis = priced.lines.filter((line) => line instanceof EniHourLine);
    expect(enis.length).toBeGreaterThan(30);
    expect(estimateJsonText(priced)).toBe(JSON.stringify(estimateToJson(priced)));
    // a lone high surrogate before a lone low one: escaped apart, they must not pair up
    const awkward: [string, string][] = [
      ['say "hi"', "us-east-1a"],
      ["ecr.api", 'us-east-1"a'],
      ["tab\there", "us-east-1a\n"],
      ["high \ud800", "\udc00 low"],
      ["emoji 🚀", "us-east-1a"],
    ];
    for (const [what, az] of awkward) {
      const lines = priced.lines.map((line, i) =>
        line instanceof EniHourLine && i % 2 === 0
          ? new EniHourLine({ ...line.shared, what }, az)
          : line,
      );
      const odd = { ...priced, lines };
      const written = estimateJsonText(odd);
      expect(written, `${what} / ${az}`).toBe(JSON.stringify(estimateToJson(odd)));
    }
  });

  it("is JSON.stringify(estimateToJson(…)) on random topologies", () => {
    fc.assert(
      fc.property(topologyArb, (doc) => {
        const priced = estimate(parseTopology(doc), catalog);
        expect(estimateJsonText(priced)).toBe(JSON.stringify(estimateToJson(priced)));
      }),
      { numRuns: 150 },
    );
  });
});
