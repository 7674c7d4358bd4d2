import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, graphemes } from "../src/core/displayWidth.js";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene } from "../src/diagram/layout/scene.js";
import { alignColumns } from "../src/report/alignColumns.js";
import { parseTopology } from "../src/topology/parseTopology.js";

/** Names a terminal draws wider, narrower or joined: emoji, CJK, combining marks. */
const WIDE_NAMES = [
  "🚀 launch ✅ ⚡ 🟢",
  "👩‍💻 dev team 🏳️‍🌈",
  "🇬🇧 London 👍🏽 1️⃣ ❤️",
  "東京リージョン 共有サービス",
  "école (e\u0301) · n\u0303 · नमस्ते",
  "한국 \u1112\u1161\u11ab 서울 ﾊﾟｽ",
  "🧑🏻‍🤝‍🧑🏿 🏴󠁧󠁢󠁳󠁣󠁴󠁿 #️⃣ ©️ ☺",
  "👨‍👩‍👧‍👦 a very long name that goes past the forty cells 🚀🚀🚀 東京",
];

/** Two accounts, a PrivateLink edge between them, every name taken from `names`. */
function topologyNamed(names: readonly string[]) {
  const name = (i: number) => names[i % names.length] ?? "";
  return parseTopology({
    name: name(0),
    accounts: [
      {
        id: "consumer",
        name: name(1),
        vpcs: [
          {
            id: "app",
            name: name(2),
            region: "eu-west-2",
            azs: ["eu-west-2a", "eu-west-2b"],
            workloads: [{ id: "w", name: name(3), az: "eu-west-2a", uses: ["ep", "logs"] }],
            endpoints: [
              { id: "ep", name: name(4), type: "interface", endpointService: "svc" },
              { id: "logs", name: name(5), type: "interface", service: "logs" },
            ],
          },
        ],
      },
      {
        id: "provider",
        name: name(6),
        vpcs: [
          {
            id: "prov",
            name: name(7),
            region: "eu-west-2",
            azs: ["eu-west-2a"],
            loadBalancers: [{ id: "nlb", name: name(8), targets: name(9) }],
          },
        ],
        endpointServices: [{ id: "svc", name: name(10), vpc: "prov", loadBalancer: "nlb" }],
      },
    ],
  });
}

/** A line as terminal cells: each cluster in its first cell, "" in the cells it covers. */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const cluster of graphemes(line)) {
    const w = displayWidth(cluster);
    if (w === 0) continue;
    out.push(cluster);
    for (let k = 1; k < w; k++) out.push("");
  }
  return out;
}

const BORDER = /^[\u2500-\u257F|+\-.:'=]$/u;

/**
 * Check the drawing of `scene` box by box: on every row of a box, the cells at its left and
 * right columns (counted in display width) are border glyphs — so every line of the box
 * has the same display width and its borders line up — and the top and bottom rows hold
 * border glyphs all along. The text's origin is found from the top-left box (the picture
 * is trimmed of blank rows above and a blank margin on the left).
 */
function expectBoxesAligned(scene: Scene, text: string): void {
  const rows = text.split("\n").map(cells);
  const originX = Math.min(...scene.boxes.map((b) => b.x));
  const originY = Math.min(...scene.boxes.map((b) => b.y));
  for (const box of scene.boxes) {
    const left = box.x - originX;
    const right = left + box.width - 1;
    for (let y = box.y - originY; y < box.y - originY + box.height; y++) {
      const row = rows[y] ?? [];
      const where = `${box.id} row ${y}: ${JSON.stringify(text.split("\n")[y])}`;
      expect(row[left] ?? "", where).toMatch(BORDER);
      expect(row[right] ?? "", where).toMatch(BORDER);
    }
    for (const y of [box.y - originY, box.y - originY + box.height - 1]) {
      const edge = (rows[y] ?? []).slice(left, right + 1);
      expect(
        edge.every((c) => BORDER.test(c) || c === "[" || c === "]"),
        `${box.id} ${y}`,
      ).toBe(true);
    }
  }
}

describe("ASCII boxes with emoji, CJK and combining marks", () => {
  for (const detail of ["vpcs", "azs"] as const) {
    for (const charset of ["unicode", "ascii"] as const) {
      it(`every line of every box has its width (${detail}, ${charset})`, () => {
        const scene = layout(toGraph(topologyNamed(WIDE_NAMES), { detail }));
        const text = renderAscii(scene, { charset });
        for (const name of [
          "👩‍💻 dev team 🏳️‍🌈",
          "🇬🇧 London 👍🏽 1️⃣ ❤️",
          "東京リージョン 共有サービス",
        ])
          expect(text).toContain(name);
        expect(text).toContain("e\u0301");
        expect(text).toContain(charset === "ascii" ? "~" : "…");
        expectBoxesAligned(scene, text);
      });
    }
  }

  it("holds for any mix of wide and joined clusters (property)", () => {
    const cluster = fc.constantFrom(
      ..."a Z 1 · 🚀 ✅ ⚡ 🟢 東 京 한 ﾊﾟ".split(" "),
      "👩‍💻",
      "🏳️‍🌈",
      "🇬🇧",
      "1️⃣",
      "👍🏽",
      "❤️",
      "e\u0301",
      "n\u0303\u0323",
      "\u1112\u1161\u11ab",
      "न",
      "मस्",
      "ते",
      " ",
    );
    const name = fc.array(cluster, { minLength: 1, maxLength: 30 }).map((c) => c.join(""));
    fc.assert(
      fc.property(fc.array(name, { minLength: 3, maxLength: 11 }), (names) => {
        const scene = layout(toGraph(topologyNamed(names)));
        expectBoxesAligned(scene, renderAscii(scene));
      }),
      { numRuns: 25 },
    );
  });
});

describe("text tables with emoji, CJK and combining marks", () => {
  it("start every column at the same display column", () => {
    const names = WIDE_NAMES.map((n) => [n, "interface", "12.5"]);
    const lines = alignColumns(
      [["RESOURCE", "COMPONENT", "MONTHLY"], ...names, ["plain", "gateway", "0.00"]],
      ["left", "left", "right"],
    );
    // the COMPONENT column starts after the widest name, the numbers end together
    const widest = Math.max(...WIDE_NAMES.map(displayWidth));
    for (const line of lines) {
      expect(cells(line)[widest + 2], line).toMatch(/[CigS]/);
      expect(cells(line).length, line).toBe(cells(lines[0] ?? "").length);
    }
  });
});
