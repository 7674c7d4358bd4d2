import { describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { LinkplanError } from "../src/core/linkplanError.js";
import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import type { DiagramGraph } from "../src/diagram/graph/diagramGraph.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { type LayoutWork, layoutWork, totalWork } from "../src/diagram/layout/layoutWork.js";
import type { Scene } from "../src/diagram/layout/scene.js";
import { renderMermaid } from "../src/diagram/mermaid/renderMermaid.js";
import { parseTopology, type TopologyInput } from "../src/index.js";
import { JSON_BODY, PROBLEM_TYPE, problemOf } from "./helpers/apiKit.js";
import { caught } from "./helpers/caught.js";
import { fastest } from "./helpers/linearGrowth.js";
import { gatewayVpc, gatewayVpcs, workloadPairs } from "./helpers/scaleTopologies.js";

// Budgets on work (LayoutWork counters: boxes, cuts, grid cells, A* searches and
// expansions, segment-index entries), not wall time: the counts are deterministic.

function graphOf(doc: TopologyInput): DiagramGraph {
  return toGraph(parseTopology(doc));
}

function laidOut(doc: TopologyInput): { scene: Scene; work: LayoutWork } {
  const work = layoutWork();
  const scene = layout(graphOf(doc), { work, limits: NO_DIAGRAM_LIMITS });
  return { scene, work };
}

/** The cells the scene's edges run through (the drawing's ink). */
function edgeLength(scene: Scene): number {
  let cells = 0;
  for (const edge of scene.edges) {
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1];
      const b = edge.points[i];
      if (a && b) cells += Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    }
  }
  return cells;
}

describe("layout work grows linearly with the diagram", () => {
  it("10× the VPCs (accounts of 20 VPCs × 5 gateway endpoints, edges to S3 and DynamoDB): ≤ 15× the work", () => {
    const small = laidOut(gatewayVpcs(20, 5));
    const large = laidOut(gatewayVpcs(200, 5));
    expect(large.scene.edges).toHaveLength(1000);
    const ratio = totalWork(large.work) / totalWork(small.work);
    expect(ratio).toBeLessThanOrEqual(15);
    expect(ratio).toBeGreaterThan(5);
  });

  it("10× the workload → endpoint pairs in one VPC: ≤ 15× the work (each search costs its own corner of the VPC, not the VPC)", () => {
    const small = laidOut(workloadPairs(300));
    const large = laidOut(workloadPairs(3000));
    const ratio = totalWork(large.work) / totalWork(small.work);
    expect(ratio).toBeLessThanOrEqual(15);
    // the level grid (its 6,000 boxes in rows toward 16:9) is not cut, let alone copied,
    // whole for every edge
    expect(large.work.cuts + large.work.gridCells).toBeLessThan(1500 * 3000);
  });

  it("N gateway endpoints in one VPC: the drawing grows as N^1.5 (the VPC is a grid of √N rows, each edge runs across it), the work per cell drawn stays flat", () => {
    const small = laidOut(gatewayVpc(600));
    const large = laidOut(gatewayVpc(1200));
    const size = (r: { scene: Scene }) => r.scene.boxes.length + edgeLength(r.scene);
    // 2× the endpoints: 2^1.5 ≈ 2.83× the boxes and edge cells
    expect(size(large) / size(small)).toBeGreaterThan(2.5);
    const perCell = (r: { scene: Scene; work: LayoutWork }) => totalWork(r.work) / size(r);
    expect(perCell(large) / perCell(small)).toBeLessThanOrEqual(1.25);
  });
});

describe("Mermaid text grows linearly with the graph", () => {
  /** `count` nodes whose ids share their first 60 characters, chained by PrivateLink edges. */
  function collidingGraph(count: number): DiagramGraph {
    const id = (i: number) => `${"x".repeat(60)}${i}`;
    return {
      title: "ids alike",
      items: Array.from({ length: count }, (_, i) => ({
        type: "node" as const,
        id: id(i),
        kind: "workload" as const,
        label: `node ${i}`,
        detail: null,
        cost: null,
        status: "unchanged" as const,
      })),
      edges: Array.from({ length: count - 1 }, (_, i) => ({
        id: `e${i}`,
        from: id(i),
        to: id(i + 1),
        kind: "privatelink" as const,
        label: null,
        status: "added" as const,
      })),
    };
  }

  it("10× the nodes with ids alike (one Mermaid id base) and styled edges: grows like JSON.stringify of the graph, same run", () => {
    const small = collidingGraph(2000);
    const large = collidingGraph(20_000);
    const text = renderMermaid(large);
    expect(text).toContain(`n_${"x".repeat(48)}_20000`);
    for (let i = 0; i < 3; i++) renderMermaid(small);
    // time grows a little faster than the input for any linear pass over a bigger heap
    // (caches, collection): JSON.stringify of the same graphs is the yardstick. Quadratic,
    // as it was (a new id counted up from _2 every time, the list of styled edges copied
    // for every edge), the Mermaid ratio was ~100× against ~12× for JSON
    const ratio = (f: (g: DiagramGraph) => unknown) =>
      fastest(() => f(large), 5) / fastest(() => f(small), 9);
    const json = ratio((g) => JSON.stringify(g));
    const mermaid = ratio(renderMermaid);
    expect(mermaid).toBeLessThanOrEqual(Math.max(15, 3.5 * json));
  });
});

describe("diagram size limits", () => {
  const message = (count: string, what: string, limit: string, name: string) =>
    `the diagram is too large to draw: ${count} ${what}, over the limit of ${limit} (${name}); draw it at a coarser detail (--detail or detail=: accounts < vpcs < azs < subnets)`;

  it("refuses a graph with more nodes and groups than maxNodes before laying anything out", () => {
    const work = layoutWork();
    const error = caught(() => layout(graphOf(gatewayVpc(20_000)), { work }));
    expect(error).toBeInstanceOf(LinkplanError);
    expect(error).toMatchObject({
      code: "diagram_too_large",
      message: message("20,005", "nodes and groups", "10,000", "maxNodes"),
    });
    expect(work).toEqual(layoutWork());
  });

  it("refuses edges that must run more cells than maxEdgeCells before routing any", () => {
    const work = layoutWork();
    const error = caught(() =>
      layout(graphOf(gatewayVpc(4000)), { work, limits: { maxEdgeCells: 1_000_000 } }),
    );
    expect(error).toMatchObject({
      code: "diagram_too_large",
      message: message("3,794,417", "edge cells", "1,000,000", "maxEdgeCells"),
    });
    expect(work.boxes).toBe(4005);
    expect(work.searches).toBe(0);
  });

  it("refuses a canvas of more cells than maxCanvasCells before routing", () => {
    const work = layoutWork();
    const graph = graphOf(gatewayVpc(100));
    const error = caught(() => layout(graph, { work, limits: { maxCanvasCells: 1000 } }));
    expect(error).toMatchObject({
      code: "diagram_too_large",
      message: message("24,768", "canvas cells", "1,000", "maxCanvasCells"),
    });
    expect(work.searches).toBe(0);
  });

  it("applies maxNodes to Mermaid too, and draws what is within the limits", () => {
    const topology = parseTopology(gatewayVpc(50));
    for (const format of ["ascii", "svg", "mermaid"] as const) {
      expect(() => drawTopology(topology, { format, limits: { maxNodes: 54 } })).toThrow(
        message("55", "nodes and groups", "54", "maxNodes"),
      );
      expect(drawTopology(topology, { format, limits: { maxNodes: 55 } })).toContain("e49");
    }
    expect(drawTopology(topology, { format: "ascii", detail: "accounts" })).toContain(
      "50 endpoints",
    );
  });

  it("POST /v1/diagram answers 422 diagram_too_large, and maxDiagramNodes sets the limit", async () => {
    const app = await buildApp();
    const small = await buildApp({ maxDiagramNodes: 50 });
    try {
      const payload = JSON.stringify(gatewayVpc(20_000));
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii",
        headers: JSON_BODY,
        payload,
      });
      expect(problemOf(res, 422)).toEqual({
        type: `${PROBLEM_TYPE}diagram-too-large`,
        title: "Diagram too large",
        status: 422,
        detail: message("20,005", "nodes and groups", "10,000", "maxNodes"),
        code: "diagram_too_large",
      });
      const coarse = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&detail=accounts",
        headers: JSON_BODY,
        payload,
      });
      expect(coarse.statusCode).toBe(200);
      expect(coarse.body).toContain("20000 endpoints");
      const limited = await small.inject({
        method: "POST",
        url: "/v1/diagram?format=mermaid",
        headers: JSON_BODY,
        payload: JSON.stringify(gatewayVpc(50)),
      });
      expect(problemOf(limited, 422).detail).toBe(
        message("55", "nodes and groups", "50", "maxNodes"),
      );
    } finally {
      await app.close();
      await small.close();
    }
  });
});
