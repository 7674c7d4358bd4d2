import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { REROUTE_EDGES } from "../src/diagram/layout/rerouteShared.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { sharedSegments } from "./helpers/sceneGeometry.js";

/**
 * A random topology (fast-check sample 71 of seed 3) whose first routing leaves a workload's
 * edge along the row an endpoint's PrivateLink edge must take: the endpoint's edge, routed
 * later, met the workload's corner and ran one unit step on it.
 */
const CORNER = parseTopology(
  JSON.parse(
    readFileSync(new URL("./fixtures/rerouted-corner-topology.json", import.meta.url), "utf8"),
  ),
);

describe("edges still sharing a segment are routed again (rerouteShared)", () => {
  it("the earlier edge is routed again around the later one: no step shared, same endpoints", () => {
    const graph = toGraph(CORNER, { detail: "vpcs" });
    expect(graph.edges.length).toBeLessThanOrEqual(REROUTE_EDGES);
    const scene = layout(graph, { icons: false });
    expect(sharedSegments(scene, undefined, true)).toEqual([]);
    const workload = scene.edges.find((e) => e.id === "workload:v0-0/app->endpoint:v0-0/e1");
    const link = scene.edges.find((e) => e.id === "endpoint:v0-0/e0->endpoint-service:svc-1");
    expect(workload?.points[0]).toEqual({ x: 19, y: 14 });
    expect(link?.points[0]).toEqual({ x: 52, y: 14 });
    // both still end on their targets' borders where they did
    expect(workload?.points.at(-1)).toEqual({ x: 54, y: 14 });
    expect(link?.points.at(-1)).toEqual({ x: 208, y: 14 });
  });
});
