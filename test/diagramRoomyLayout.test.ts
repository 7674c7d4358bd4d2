import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { renderGraphPng } from "../src/diagram/png/drawTopologyPng.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { exampleTopology } from "./helpers/examples.js";
import { sharedSegments } from "./helpers/sceneGeometry.js";

/** A random topology (23 edges at azs detail) whose first layout has unrelated edges in one corridor. */
const CROWDED = parseTopology(
  JSON.parse(
    readFileSync(new URL("./fixtures/crowded-azs-topology.json", import.meta.url), "utf8"),
  ),
);
const FONTS = ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"];

describe("a crowded layout is tried again with more room", () => {
  it("shared-services at azs detail: laid out again, no unrelated edges share a segment", () => {
    const scene = layout(toGraph(exampleTopology("shared-services"), { detail: "azs" }), {
      icons: true,
    });
    expect(sharedSegments(scene, undefined, true)).toEqual([]);
  });

  it("a roomier try that would pass a PNG's pixel limit is dropped: the first layout, which fits, is drawn", async () => {
    const graph = toGraph(CROWDED, { detail: "azs" });
    // at scale 2.16 the roomier try is 4,908 × 8,286 px (40.7 M), over the 40 M limit; the
    // first layout fits. At scale 0.5 the same with the limit scaled alike (2.14 M px)
    const limit = Math.round(40_000_000 * (0.5 / 2.16) ** 2);
    const png = await renderGraphPng(graph, {
      detail: "azs",
      scale: 0.5,
      fontFiles: FONTS,
      limits: { maxPngPixels: limit },
    });
    expect(png.length).toBeGreaterThan(0);
  });
});
