import { describe, expect, it } from "vitest";
import { generateOrganisation } from "../bench/generateOrganisation.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { DiagramOptionsSchema } from "../src/operations/diagramOptions.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import type { TopologyInput } from "../src/topology/topologySchema.js";
import { problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { exampleTopology, exampleYaml } from "./helpers/examples.js";
import { gatewayVpcs, identicalVpcs } from "./helpers/scaleTopologies.js";
import { aspectOf } from "./helpers/sceneGeometry.js";

/**
 * Groups of many boxes wrap into rows toward an aspect ratio (16:9 by default, --aspect),
 * so a hundred VPCs make a grid rather than a column tens of thousands of pixels tall.
 */

const NO_LIMITS = { maxNodes: 1e6, maxCanvasCells: 1e12, maxEdgeCells: 1e12 };

const HUNDRED: [string, TopologyInput][] = [
  ["5 accounts × 20 VPCs, gateway endpoints", gatewayVpcs(100, 2)],
  ["one account of 100 alike VPCs", identicalVpcs(100)],
  [
    "5 accounts offering and consuming PrivateLink services across regions",
    generateOrganisation({
      vpcs: 100,
      endpointsPerVpc: 5,
      azs: 3,
      workloadUses: 2,
      providerEvery: 10,
    }),
  ],
];

describe("diagrams of 100 VPCs keep a screen's shape", () => {
  it.each(HUNDRED)("%s: between 1:3 and 3:1 at vpcs and azs detail", (_, doc) => {
    const topology = parseTopology(doc);
    for (const detail of ["vpcs", "azs"] as const) {
      const scene = layout(toGraph(topology, { detail }), { limits: NO_LIMITS, icons: true });
      const aspect = aspectOf(scene);
      expect(aspect, `${detail}: ${aspect.toFixed(2)}`).toBeGreaterThan(1 / 3);
      expect(aspect, `${detail}: ${aspect.toFixed(2)}`).toBeLessThan(3);
    }
  });

  it("a wider aspect asked gives a wider diagram", () => {
    const graph = toGraph(parseTopology(identicalVpcs(100)));
    const at = (aspect: number) => aspectOf(layout(graph, { limits: NO_LIMITS, aspect }));
    const square = at(1);
    const wide = at(4);
    expect(wide).toBeGreaterThan(2 * square);
    expect(square).toBeGreaterThan(0.5);
    expect(square).toBeLessThan(2);
  });

  it("a handful of boxes keeps its rows whatever the aspect", () => {
    const graph = toGraph(exampleTopology("prod"), { detail: "azs" });
    expect(layout(graph, { aspect: 0.2 })).toEqual(layout(graph, { aspect: 5 }));
  });

  it("the library refuses an aspect that is not a positive number, naming it", () => {
    const graph = toGraph(exampleTopology("prod"));
    for (const aspect of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => layout(graph, { aspect })).toThrow(
        expect.objectContaining({
          code: "invalid_option",
          problems: [expect.objectContaining({ path: "aspect" })],
        }),
      );
    }
  });

  it('takes "16:9", "4:3", "1:1" or a number, and refuses anything else naming the field', () => {
    const parse = (aspect: string) => DiagramOptionsSchema.safeParse({ aspect });
    expect(parse("16:9").data?.aspect).toBeCloseTo(16 / 9, 12);
    expect(parse("4:3").data?.aspect).toBeCloseTo(4 / 3, 12);
    expect(parse("1.5").data?.aspect).toBe(1.5);
    expect(DiagramOptionsSchema.parse({}).aspect).toBeUndefined();
    for (const bad of ["wide", "16/9", "0:1", "1:0", "20", "-1"]) {
      const result = parse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["aspect"]);
    }
  });

  describe("over HTTP: aspect=", () => {
    const app = useApp();
    const post = (query: string) =>
      app().inject({
        method: "POST",
        url: `/v1/diagram?format=ascii&${query}`,
        headers: YAML,
        payload: exampleYaml("prod"),
      });

    it("draws with it, and refuses a bad value naming the parameter", async () => {
      const drawn = await post("aspect=4:3");
      expect(drawn.statusCode).toBe(200);
      expect(drawn.body).toContain("app-prod · VPC");
      const bad = problemOf(await post("aspect=wide"), 400);
      expect(bad.code).toBe("invalid_option");
      expect(JSON.stringify(bad.errors)).toContain("aspect");
    });
  });
});
