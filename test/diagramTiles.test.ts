import { describe, expect, it } from "vitest";
import { generateOrganisation } from "../bench/generateOrganisation.js";
import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { arrangeChildren, TILES_FROM } from "../src/diagram/layout/arrangeChildren.js";
import { layout } from "../src/diagram/layout/layout.js";
import { layoutWork } from "../src/diagram/layout/layoutWork.js";
import { parseTopology } from "../src/topology/parseTopology.js";

/** `count` boxes of varied sizes, as accounts of different contents would be. */
function boxes(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    width: 40 + ((i * 37) % 29),
    height: 12 + ((i * 11) % 9),
    azColumn: false,
  }));
}

const distinct = (values: readonly number[]) => new Set(values).size;

describe("a large top level is laid out as tiles", () => {
  it(`${TILES_FROM} boxes or more: columns and rows lined up, each column as wide as its widest box, rows centred by whole columns`, () => {
    const children = boxes(40);
    const { offsets, widths, heights, width } = arrangeChildren(children, [], true);
    const tops = [...new Set(offsets.map((o) => o.y))];
    expect(tops.length).toBeGreaterThan(2);
    const columns = Math.max(...tops.map((y) => offsets.filter((o) => o.y === y).length));
    // every box starts on one of the columns and ends at its column's right edge
    const lefts = [...new Set(offsets.map((o) => o.x))].sort((a, b) => a - b);
    expect(lefts).toHaveLength(columns);
    expect(distinct(offsets.map((o, i) => o.x + (widths[i] ?? 0)))).toBe(columns);
    for (const x of lefts) {
      const column = offsets.flatMap((o, i) => (o.x === x ? [i] : []));
      const widest = Math.max(...column.map((i) => children[i]?.width ?? 0));
      expect(column.map((i) => widths[i])).toEqual(column.map(() => widest));
    }
    // narrower than as many tiles as wide as the widest box
    const widest = Math.max(...children.map((c) => c.width));
    expect(width).toBeLessThan(columns * (widest + 3));
    for (const y of tops) {
      const row = offsets.flatMap((o, i) => (o.y === y ? [i] : []));
      const tallest = Math.max(...row.map((i) => children[i]?.height ?? 0));
      expect(row.map((i) => heights[i])).toEqual(row.map(() => tallest));
    }
  });

  it(`fewer than ${TILES_FROM} boxes keep their own sizes (every example's accounts)`, () => {
    const children = boxes(TILES_FROM - 1);
    const { widths, heights } = arrangeChildren(children, [], true);
    expect(widths).toEqual(children.map((c) => c.width));
    expect(heights).toEqual(children.map((c) => c.height));
  });

  it("only the top level: a group of many VPCs keeps their sizes", () => {
    const children = boxes(40);
    expect(arrangeChildren(children, [], false).widths).toEqual(children.map((c) => c.width));
  });

  it("the accounts of a large organisation line up in the drawing", () => {
    const topology = parseTopology(
      generateOrganisation({ vpcs: 60, endpointsPerVpc: 2, azs: 2, vpcsPerAccount: 3 }),
    );
    const scene = layout(toGraph(topology, { detail: "vpcs" }), {
      icons: true,
      limits: NO_DIAGRAM_LIMITS,
    });
    const accounts = scene.boxes.filter((b) => b.kind === "account");
    expect(accounts).toHaveLength(20);
    const tops = distinct(accounts.map((b) => b.y));
    const columns = distinct(accounts.map((b) => b.x));
    // 20 boxes on a grid of columns × rows: one left and one right edge per column
    expect(columns * tops).toBeLessThanOrEqual(2 * 20);
    expect(distinct(accounts.map((b) => b.x + b.width))).toBe(columns);
    expect(distinct(accounts.map((b) => b.y + b.height))).toBe(tops);
  });
});

describe("routes between the tiles of a large organisation", () => {
  it("4× the VPCs (25 → 100 accounts, consumers reaching providers across them): ≤ 4.8× the A* states", () => {
    // consumers reach providers in other accounts across the whole top level: with the
    // accounts at their own sizes its grid had four cuts per account each way, and the
    // searches between accounts grew with its area (5.3× the states for 4× the VPCs)
    const shape = { endpointsPerVpc: 2, azs: 1, workloadUses: 1, providerEvery: 10 };
    const expansions = (vpcs: number) => {
      const work = layoutWork();
      const topology = parseTopology(generateOrganisation({ vpcs, ...shape }));
      layout(toGraph(topology, { detail: "vpcs" }), {
        work,
        icons: true,
        limits: NO_DIAGRAM_LIMITS,
      });
      return work.expansions;
    };
    const ratio = expansions(2000) / expansions(500);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThanOrEqual(4.8);
  }, 60_000);
});
