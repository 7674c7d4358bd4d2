import { describe, expect, it } from "vitest";
import { generateOrganisation } from "../bench/generateOrganisation.js";
import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import type { CompressedGrid } from "../src/diagram/layout/compressedGrid.js";
import { layout } from "../src/diagram/layout/layout.js";
import { CellFlag } from "../src/diagram/layout/levelMarks.js";
import { LevelOverlay } from "../src/diagram/layout/levelOverlay.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { sharedSegments } from "./helpers/sceneGeometry.js";

/** A 4 × 3 grid of unit cells (the identity maps of a grid with its own flags). */
function unitGrid(): CompressedGrid {
  return {
    xs: Int32Array.from([0, 1, 2, 3, 4]),
    ys: Int32Array.from([0, 1, 2, 3]),
    cols: 4,
    rows: 3,
    flags: new Uint8Array(12),
    flagCols: 4,
    colOf: Int32Array.from([0, 1, 2, 3]),
    rowOf: Int32Array.from([0, 1, 2]),
    clipped: 0,
  };
}

describe("LevelOverlay: the edges routed so far across a large level", () => {
  it("marks each cell of a route by the way it runs, and whose trunk it is", () => {
    const overlay = new LevelOverlay(unitGrid());
    const route = [
      { x: 0, y: 1 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
    ];
    overlay.mark(route, 7);
    const { EdgeH, EdgeV } = CellFlag;
    expect([...overlay.flags]).toEqual([
      0,
      0,
      0,
      0,
      EdgeH,
      EdgeH,
      EdgeH | EdgeV,
      0,
      0,
      0,
      EdgeV,
      0,
    ]);
    expect(overlay.trunks[5]).toBe(7);
    expect(overlay.trunks[0]).toBe(-1);
    // another trunk through the same cell: no trunk may run there for free any more
    overlay.mark(
      [
        { x: 1, y: 0 },
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ],
      8,
    );
    expect(overlay.flags[5]).toBe(EdgeH | EdgeV);
    expect(overlay.trunks[5]).toBe(-2);
    expect(overlay.trunks[1]).toBe(8);
  });

  it("a 20-VPC organisation: edges of different trunks share almost no unit step", () => {
    const topology = parseTopology(
      generateOrganisation({
        vpcs: 20,
        endpointsPerVpc: 15,
        azs: 3,
        workloadUses: 3,
        providerEvery: 10,
      }),
    );
    const scene = layout(toGraph(topology, { detail: "vpcs" }), {
      icons: true,
      limits: NO_DIAGRAM_LIMITS,
    });
    // 5,730 (pairs of edges × unit steps) when the searches across its large levels (the
    // account, the regions) did not see earlier edges; 116 with them
    expect(sharedSegments(scene, undefined, true).length).toBeLessThan(200);
  });
});
