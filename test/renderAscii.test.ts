import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/core/displayWidth.js";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import type { Scene } from "../src/diagram/layout/scene.js";
import { box, edge } from "./helpers/sceneParts.js";

/** A drawing written as an indented template literal: drop the first newline. */
function drawing(text: string): string {
  return text.replace(/^\n/, "");
}

/** Two nodes, an edge that turns twice, ends in an arrowhead and has a label. */
const turn: Scene = {
  title: "turn",
  width: 30,
  height: 7,
  boxes: [
    box({ id: "app", x: 0, y: 0, width: 10, height: 3, lines: ["app"] }),
    box({
      id: "ecr",
      kind: "interface-endpoint",
      x: 16,
      y: 4,
      width: 12,
      height: 3,
      lines: ["ecr-api"],
    }),
  ],
  edges: [
    edge({
      id: "e",
      from: "app",
      to: "ecr",
      label: "443",
      labelAt: { x: 11, y: 0 },
      points: [
        { x: 10, y: 1 },
        { x: 13, y: 1 },
        { x: 13, y: 5 },
        { x: 15, y: 5 },
      ],
    }),
  ],
};

/** VPC › AZ (added, dashed) › node with a CJK label (removed). */
const nested: Scene = {
  title: "nested",
  width: 26,
  height: 11,
  boxes: [
    box({
      id: "vpc",
      role: "group",
      kind: "vpc",
      x: 0,
      y: 0,
      width: 26,
      height: 11,
      lines: ["VPC main", "10.0.0.0/16"],
    }),
    box({
      id: "az",
      role: "group",
      kind: "az",
      parent: "vpc",
      depth: 1,
      x: 2,
      y: 3,
      width: 22,
      height: 7,
      lines: ["us-east-1a"],
      status: "added",
    }),
    box({
      id: "cjk",
      parent: "az",
      depth: 2,
      x: 4,
      y: 5,
      width: 12,
      height: 3,
      lines: ["東京 app"],
      status: "removed",
    }),
  ],
  edges: [],
};

/** Two edges crossing each other inside a group whose borders they both cross. */
const cross: Scene = {
  title: "cross",
  width: 23,
  height: 13,
  boxes: [
    box({ id: "c", x: 9, y: 0, width: 5, height: 3, lines: ["c"] }),
    box({
      id: "g",
      role: "group",
      kind: "external",
      x: 7,
      y: 4,
      width: 9,
      height: 5,
      lines: ["g"],
    }),
    box({ id: "a", x: 0, y: 5, width: 5, height: 3, lines: ["a"] }),
    box({ id: "b", x: 18, y: 5, width: 5, height: 3, lines: ["b"] }),
    box({ id: "d", x: 9, y: 10, width: 5, height: 3, lines: ["d"] }),
  ],
  edges: [
    edge({
      id: "ab",
      from: "a",
      to: "b",
      points: [
        { x: 5, y: 6 },
        { x: 17, y: 6 },
      ],
    }),
    edge({
      id: "cd",
      from: "c",
      to: "d",
      points: [
        { x: 11, y: 3 },
        { x: 11, y: 9 },
      ],
    }),
  ],
};

describe("renderAscii, unicode charset", () => {
  it("draws an edge with turns, a tee at its source and an arrowhead into its target", () => {
    expect(renderAscii(turn)).toBe(
      drawing(`
┌────────┐ 443
│ app    ├───┐
└────────┘   │
             │
             │  ┌──────────┐
             └─▶│ ecr-api  │
                └──────────┘
`),
    );
  });

  it("nests boxes, dashes AZ borders, marks added/removed boxes and gives CJK two cells", () => {
    expect(renderAscii(nested, { charset: "unicode" })).toBe(
      drawing(`
┌────────────────────────┐
│ VPC main               │
│ 10.0.0.0/16            │
│ ┌[+]╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┐ │
│ ╎ us-east-1a         ╎ │
│ ╎ ┌[-]───────┐       ╎ │
│ ╎ │ 東京 app │       ╎ │
│ ╎ └──────────┘       ╎ │
│ ╎                    ╎ │
│ └╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┘ │
└────────────────────────┘

[+] added  [-] removed
`),
    );
  });

  it("draws ┼ where edges cross each other or a box border", () => {
    expect(renderAscii(cross)).toBe(
      drawing(`
         ┌───┐
         │ c │
         └─┬─┘
           │
       ┌───┼───┐
┌───┐  │ g │   │  ┌───┐
│ a ├──┼───┼───┼─▶│ b │
└───┘  │   │   │  └───┘
       └───┼───┘
           ▼
         ┌───┐
         │ d │
         └───┘
`),
    );
  });

  it("points arrowheads into the target from every side", () => {
    const target = box({ id: "t", x: 3, y: 3, width: 5, height: 3, lines: ["t"] });
    const scene: Scene = {
      title: "sides",
      width: 11,
      height: 9,
      boxes: [target],
      edges: [
        edge({ id: "down", from: "x", to: "t", points: [{ x: 5, y: 2 }] }),
        edge({ id: "up", from: "x", to: "t", points: [{ x: 5, y: 6 }] }),
        edge({ id: "right", from: "x", to: "t", points: [{ x: 2, y: 4 }] }),
        edge({ id: "left", from: "x", to: "t", points: [{ x: 8, y: 4 }] }),
      ],
    };
    expect(renderAscii(scene)).toBe(
      drawing(`
   ▼
 ┌───┐
▶│ t │◀
 └───┘
   ▲
`),
    );
  });
});

describe("renderAscii, ascii charset", () => {
  it("draws the same pictures with + - | > < v ^ . :", () => {
    expect(renderAscii(turn, { charset: "ascii" })).toBe(
      drawing(`
+--------+ 443
| app    +---+
+--------+   |
             |
             |  +----------+
             +->| ecr-api  |
                +----------+
`),
    );
    expect(renderAscii(nested, { charset: "ascii" })).toBe(
      drawing(`
+------------------------+
| VPC main               |
| 10.0.0.0/16            |
| +[+].................+ |
| : us-east-1a         : |
| : +[-]-------+       : |
| : | 東京 app |       : |
| : +----------+       : |
| :                    : |
| +....................+ |
+------------------------+

[+] added  [-] removed
`),
    );
    expect(renderAscii(cross, { charset: "ascii" })).toBe(
      drawing(`
         +---+
         | c |
         +-+-+
           |
       +---+---+
+---+  | g |   |  +---+
| a +--+---+---+->| b |
+---+  |   |   |  +---+
       +---+---+
           v
         +---+
         | d |
         +---+
`),
    );
  });

  it("uses only printable ASCII outside labels", () => {
    for (const scene of [turn, nested, cross]) {
      const out = renderAscii(scene, { charset: "ascii" }).replaceAll("東京", "");
      expect(out).toMatch(/^[\x20-\x7E\n]*$/);
    }
  });
});

describe("renderAscii output hygiene", () => {
  const hostile: Scene = {
    title: "hostile",
    width: 30,
    height: 5,
    boxes: [
      box({
        id: "h",
        x: 0,
        y: 0,
        width: 30,
        height: 5,
        lines: [
          "a\u0000b\u0007c\u001b[31md",
          "tab\there\nnew\r\u2028line",
          "lone \ud800 \u202Eevil",
        ],
      }),
    ],
    edges: [
      edge({
        id: "e",
        from: "x",
        to: "y",
        points: [{ x: 0, y: 6 }],
        label: "x\u0000\u009b",
        labelAt: { x: 40, y: 0 },
      }),
    ],
  };

  it("strips control characters, lone surrogates and bidi overrides; clips to the scene", () => {
    const out = renderAscii(hostile);
    expect(out).not.toMatch(/[^\P{Cc}\n]|\u202e/u);
    expect(out).not.toMatch(/\p{Cs}/u);
    expect(out.split("\n")[1]).toBe("│ abc[31md                   │");
    expect(out.split("\n")[2]).toBe("│ tab here new  line         │");
  });

  it("never leaves trailing spaces, ends with a newline, fits the scene width", () => {
    for (const scene of [turn, nested, cross, hostile]) {
      for (const charset of ["unicode", "ascii"] as const) {
        const out = renderAscii(scene, { charset });
        expect(out.endsWith("\n")).toBe(true);
        const lines = out.slice(0, -1).split("\n");
        // a comparison's legend follows the picture, after a blank line
        const marked = scene.boxes.some((b) => b.status !== "unchanged");
        expect(lines.length).toBeLessThanOrEqual(scene.height + (marked ? 2 : 0));
        for (const line of lines) {
          expect(line).not.toMatch(/ $/);
          expect(displayWidth(line)).toBeLessThanOrEqual(scene.width);
        }
      }
    }
  });

  it("keeps columns aligned when an edge overwrites half of a wide character", () => {
    const scene: Scene = {
      title: "wide",
      width: 12,
      height: 4,
      boxes: [box({ id: "w", x: 0, y: 0, width: 12, height: 3, lines: ["東京東京"] })],
      edges: [
        edge({
          id: "e",
          from: "x",
          to: "y",
          points: [
            { x: 5, y: 1 },
            { x: 5, y: 3 },
          ],
        }),
      ],
    };
    expect(renderAscii(scene)).toBe(
      drawing(`
┌──────────┐
│ 東 │東京 │
└────┼─────┘
     ▼
`),
    );
  });

  it("keeps every line within the scene for arbitrary boxes, edges and labels", () => {
    const text = fc.string({ unit: "binary", maxLength: 12 });
    const point = fc.record({
      x: fc.integer({ min: -3, max: 25 }),
      y: fc.integer({ min: -3, max: 12 }),
    });
    const arbBox = fc.record({
      x: fc.integer({ min: -2, max: 20 }),
      y: fc.integer({ min: -2, max: 10 }),
      width: fc.integer({ min: 0, max: 12 }),
      height: fc.integer({ min: 0, max: 6 }),
      lines: fc.array(text, { maxLength: 3 }),
      status: fc.constantFrom("added", "removed", "unchanged" as const),
    });
    const arbEdge = fc.record({
      points: fc.array(point, { maxLength: 5 }),
      label: fc.option(text),
      labelAt: fc.option(point),
    });
    fc.assert(
      fc.property(
        fc.array(arbBox, { maxLength: 5 }),
        fc.array(arbEdge, { maxLength: 4 }),
        fc.constantFrom("unicode", "ascii" as const),
        (boxes, edges, charset) => {
          const scene: Scene = {
            title: "random",
            width: 22,
            height: 10,
            boxes: boxes.map((b, i) => box({ id: `b${i}`, ...b })),
            edges: edges.map((e, i) => edge({ id: `e${i}`, from: "b0", to: "b1", ...e })),
          };
          const out = renderAscii(scene, { charset });
          expect(out.endsWith("\n")).toBe(true);
          expect(out).not.toMatch(/[^\P{Cc}\n]|\p{Cs}/u);
          for (const line of out.slice(0, -1).split("\n")) {
            expect(line).not.toMatch(/ $/);
            expect(displayWidth(line)).toBeLessThanOrEqual(22);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
