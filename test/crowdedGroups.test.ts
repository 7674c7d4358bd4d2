import { describe, expect, it } from "vitest";
import { crowdedGroups } from "../src/diagram/layout/crowdedGroups.js";
import type { SceneBox, SceneEdge, ScenePoint } from "../src/diagram/layout/scene.js";

function group(
  id: string,
  x: number,
  y: number,
  width: number,
  height: number,
  depth: number,
): SceneBox {
  return {
    id,
    role: "group",
    kind: "vpc",
    x,
    y,
    width,
    height,
    lines: [id],
    parent: null,
    depth,
    status: "unchanged",
  };
}

function edge(id: string, from: string, to: string, points: ScenePoint[]): SceneEdge {
  return { id, from, to, kind: "uses", label: null, points, labelAt: null, status: "unchanged" };
}

const BOXES = [group("outer", 0, 0, 40, 20, 0), group("inner", 2, 2, 10, 10, 1)];

describe("crowdedGroups", () => {
  it("charges steps two unrelated edges share to the smallest group around them", () => {
    const a = edge("a", "w1", "s1", [
      { x: 4, y: 5 },
      { x: 8, y: 5 },
    ]);
    const b = edge("b", "w2", "s2", [
      { x: 6, y: 4 },
      { x: 6, y: 5 },
      { x: 10, y: 5 },
    ]);
    // b runs along a from (6,5) to (8,5): two unit steps, inside "inner"
    expect(crowdedGroups([a, b], BOXES)).toEqual({ groups: new Set(["inner"]), sharedSteps: 2 });
  });

  it('outside every group the steps are the top level\'s ("")', () => {
    const a = edge("a", "w1", "s1", [
      { x: 50, y: 30 },
      { x: 50, y: 33 },
    ]);
    const b = edge("b", "w2", "s2", [
      { x: 50, y: 32 },
      { x: 50, y: 35 },
    ]);
    expect(crowdedGroups([a, b], BOXES)).toEqual({ groups: new Set([""]), sharedSteps: 1 });
  });

  it("a trunk (same target, drawn alike) may share; a fan-out (same source) may not; crossing is not sharing", () => {
    const line = [
      { x: 3, y: 5 },
      { x: 9, y: 5 },
    ];
    const trunk = [edge("a", "w1", "s", line), edge("b", "w2", "s", line)];
    const crossing = [
      edge("a", "w1", "s1", line),
      edge("b", "w2", "s2", [
        { x: 5, y: 3 },
        { x: 5, y: 8 },
      ]),
    ];
    for (const edges of [trunk, crossing])
      expect(crowdedGroups(edges, BOXES)).toEqual({ groups: new Set(), sharedSteps: 0 });
    const fanOut = [edge("a", "w", "s1", line), edge("b", "w", "s2", line)];
    expect(crowdedGroups(fanOut, BOXES)).toEqual({ groups: new Set(["inner"]), sharedSteps: 6 });
  });

  it("finds edges of different trunks whichever edge came first on their line", () => {
    const line = [
      { x: 3, y: 5 },
      { x: 9, y: 5 },
    ];
    // a and c are one trunk (into s), b goes elsewhere
    const a = edge("a", "w", "s", line);
    const b = edge("b", "w", "t", line);
    const c = edge("c", "v", "s", line);
    for (const order of [
      [a, b, c],
      [b, c, a],
      [c, a, b],
      [a, c, b],
    ])
      expect(crowdedGroups(order, BOXES)).toEqual({ groups: new Set(["inner"]), sharedSteps: 6 });
  });

  it("edges into one box drawn differently (another kind or comparison status) are not a trunk", () => {
    const line = [
      { x: 3, y: 5 },
      { x: 9, y: 5 },
    ];
    const alias = { ...edge("b", "zone", "eni", line), kind: "alias" as const };
    const added = { ...edge("c", "w2", "eni", line), status: "added" as const };
    expect(crowdedGroups([edge("a", "w", "eni", line), alias], BOXES).sharedSteps).toBe(6);
    expect(crowdedGroups([edge("a", "w", "eni", line), added], BOXES).sharedSteps).toBe(6);
  });

  it("stops counting at 256 shared steps", () => {
    const long = [
      { x: 0, y: 30 },
      { x: 500, y: 30 },
    ];
    const edges = [edge("a", "w1", "s1", long), edge("b", "w2", "s2", long)];
    expect(crowdedGroups(edges, BOXES).sharedSteps).toBe(256);
  });
});
