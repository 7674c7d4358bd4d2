import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene, SceneBox } from "../src/diagram/layout/scene.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { topologyArb } from "./helpers/diagramTopologyArb.js";

function inside(inner: SceneBox, outer: SceneBox): boolean {
  return (
    inner.x > outer.x &&
    inner.y > outer.y &&
    inner.x + inner.width < outer.x + outer.width &&
    inner.y + inner.height < outer.y + outer.height
  );
}

function overlap(a: SceneBox, b: SceneBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Cells every drawing element may use: box borders and text rows, edge paths, labels. */
function allowedCells(scene: Scene): Set<string> {
  const cells = new Set<string>();
  const add = (x: number, y: number) => cells.add(`${x},${y}`);
  for (const box of scene.boxes) {
    for (let x = box.x; x < box.x + box.width; x++) {
      add(x, box.y);
      add(x, box.y + box.height - 1);
    }
    for (let y = box.y; y < box.y + box.height; y++) {
      add(box.x, y);
      add(box.x + box.width - 1, y);
    }
    box.lines.forEach((line, i) => {
      for (let x = 0; x < [...line].length + 2; x++) add(box.x + 2 + x, box.y + 1 + i);
    });
  }
  for (const edge of scene.edges) {
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1];
      const b = edge.points[i];
      if (!a || !b) continue;
      for (let x = Math.min(a.x, b.x); x <= Math.max(a.x, b.x); x++) {
        for (let y = Math.min(a.y, b.y); y <= Math.max(a.y, b.y); y++) add(x, y);
      }
    }
    for (const p of edge.points) add(p.x, p.y);
    if (edge.label && edge.labelAt) {
      for (let x = 0; x < edge.label.length; x++) add(edge.labelAt.x + x, edge.labelAt.y);
    }
  }
  return cells;
}

describe("diagram pipeline over random topologies", () => {
  it("boxes nest without overlapping, and ASCII draws nothing outside boxes, edges and labels", () => {
    fc.assert(
      fc.property(
        topologyArb,
        fc.constantFrom("accounts", "vpcs", "azs", "subnets"),
        (input, detail) => {
          const scene = layout(toGraph(parseTopology(input), { detail: detail as "vpcs" }));
          const byId = new Map(scene.boxes.map((b) => [b.id, b]));
          for (const box of scene.boxes) {
            const parent = box.parent === null ? undefined : byId.get(box.parent);
            if (parent) expect(inside(box, parent), `${box.id} in ${parent.id}`).toBe(true);
            for (const other of scene.boxes) {
              if (other !== box && other.parent === box.parent) {
                expect(overlap(box, other), `${box.id} / ${other.id}`).toBe(false);
              }
            }
          }
          const allowed = allowedCells(scene);
          const xs = [...allowed].map((c) => Number(c.split(",")[0]));
          const ys = [...allowed].map((c) => Number(c.split(",")[1]));
          const dx = Math.min(...xs);
          const dy = Math.min(...ys);
          const rows = renderAscii(scene, { charset: "ascii" }).split("\n");
          rows.forEach((row, y) => {
            [...row].forEach((ch, x) => {
              if (ch !== " ")
                expect(allowed.has(`${x + dx},${y + dy}`), `stray "${ch}" at ${x},${y}`).toBe(true);
            });
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
