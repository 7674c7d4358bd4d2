import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/core/displayWidth.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene, SceneBox, SceneEdge } from "../src/diagram/layout/scene.js";
import { renderSvg } from "../src/diagram/svg/renderSvg.js";
import { svgFrame } from "../src/diagram/svg/svgFrame.js";
import { browserRequired, findChromium, useBrowserPage } from "./helpers/browser.js";
import { EXAMPLE_NAMES, examplePath, exampleTopology } from "./helpers/examples.js";

// Skips only when no Chromium exists and LINKPLAN_REQUIRE_BROWSER is not "1"; when it is
// required and missing, beforeAll fails every test with a message saying so.
const skip = findChromium() === null && !browserRequired;

type Fields = Partial<SceneBox> & Pick<SceneBox, "id" | "x" | "y" | "lines">;

/** A box sized as the layout sizes one: border, space, text, space, border. */
function box(fields: Fields & { width?: number; height?: number }): SceneBox {
  const textCells = Math.max(0, ...fields.lines.map(displayWidth));
  return {
    role: "node",
    kind: "workload",
    parent: null,
    depth: 0,
    status: "unchanged",
    width: textCells + 4,
    height: fields.lines.length + 2,
    ...fields,
  };
}

function edge(id: string, from: string, to: string, points: SceneEdge["points"]): SceneEdge {
  return { id, from, to, kind: "uses", label: null, labelAt: null, points, status: "unchanged" };
}

/** Lines that stress a proportional font: long ids, capitals, digits, CJK, emoji. */
const STRESS = [
  "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  "interface · ecr.api · 3 AZs · $65.70/mo",
  "NLB · 3 AZs · ELASTICLOADBALANCING MONITORING",
  "Mmmm Wwww Mmmm Wwww Mmmm Wwww",
  "東京リージョン 共有サービス",
  "emoji 🚀 ✅ 📦 ok",
  "$1,234,567.89/mo (incl. data processing)",
];

const stress: Scene = {
  title: "stress",
  width: 70,
  height: STRESS.length * 3 + 2,
  boxes: STRESS.map((line, i) =>
    box({
      id: `n${i}`,
      x: 1,
      y: 1 + i * 3,
      lines: [line],
      status: i === 2 ? "added" : "unchanged",
    }),
  ),
  edges: [],
};

const nested: Scene = {
  title: "nested groups",
  width: 64,
  height: 20,
  boxes: [
    box({
      id: "acct",
      role: "group",
      kind: "account",
      x: 0,
      y: 0,
      width: 64,
      height: 20,
      lines: ["Account shared-services (111111111111)"],
    }),
    box({
      id: "region",
      role: "group",
      kind: "region",
      parent: "acct",
      depth: 1,
      x: 2,
      y: 2,
      width: 60,
      height: 17,
      lines: ["us-east-1"],
    }),
    box({
      id: "vpc",
      role: "group",
      kind: "vpc",
      parent: "region",
      depth: 2,
      x: 4,
      y: 4,
      width: 56,
      height: 14,
      lines: ["VPC main-vpc", "10.0.0.0/16"],
    }),
    box({
      id: "az",
      role: "group",
      kind: "az",
      parent: "vpc",
      depth: 3,
      x: 6,
      y: 7,
      width: 26,
      height: 10,
      lines: ["us-east-1a"],
    }),
    box({
      id: "subnet",
      role: "group",
      kind: "subnet",
      parent: "az",
      depth: 4,
      x: 8,
      y: 9,
      width: 22,
      height: 7,
      lines: ["private-a", "private · 10.0.0.0/24"],
    }),
    box({
      id: "app",
      parent: "subnet",
      depth: 5,
      x: 10,
      y: 12,
      lines: ["app-server", "$0.00/mo"],
      status: "removed",
    }),
    box({
      id: "ep",
      kind: "interface-endpoint",
      parent: "vpc",
      depth: 3,
      x: 38,
      y: 11,
      lines: ["ecr-api", "interface · ecr.api"],
    }),
  ],
  edges: [
    {
      ...edge("e1", "app", "ep", [
        { x: 24, y: 13 },
        { x: 34, y: 13 },
        { x: 34, y: 12 },
        { x: 37, y: 12 },
      ]),
      kind: "privatelink",
      label: "PrivateLink",
      labelAt: { x: 34, y: 9 },
    },
  ],
};

/** Every bundled example, laid out at two detail levels with icons, as users will render them. */
const EXAMPLE_CASES = EXAMPLE_NAMES.flatMap((name) => {
  const topology = exampleTopology(name);
  return (["vpcs", "azs"] as const).map((detail) => ({
    name: `${examplePath(name)} (${detail})`,
    scene: layout(toGraph(topology, { detail }), { icons: true }),
    theme: detail === "azs" ? ("dark" as const) : ("light" as const),
  }));
});

const CASES = [
  ...EXAMPLE_CASES,
  { name: "stress labels, light", scene: stress, theme: "light" as const },
  { name: "stress labels, dark", scene: stress, theme: "dark" as const },
  { name: "nested groups, light", scene: nested, theme: "light" as const },
  { name: "nested groups, dark", scene: nested, theme: "dark" as const },
];

interface TextFit {
  box: string;
  text: string;
  length: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  boxLeft: number;
  boxRight: number;
  boxTop: number;
  boxBottom: number;
}

/** Runs in the page: each <text> of a box or label against its rect, in user units. */
const MEASURE = `(() => {
  const out = [];
  for (const attr of ["data-box", "data-label"]) {
    const rects = new Map();
    for (const rect of document.querySelectorAll("svg rect[" + attr + "]")) {
      rects.set(rect.getAttribute(attr), rect.getBBox());
    }
    for (const text of document.querySelectorAll("svg text[" + attr + "]")) {
      const key = text.getAttribute(attr);
      const r = rects.get(key);
      const t = text.getBBox();
      out.push({
        box: attr + "=" + key,
        text: text.textContent,
        length: text.getComputedTextLength(),
        left: t.x, right: t.x + t.width, top: t.y, bottom: t.y + t.height,
        boxLeft: r ? r.x : NaN, boxRight: r ? r.x + r.width : NaN,
        boxTop: r ? r.y : NaN, boxBottom: r ? r.y + r.height : NaN,
      });
    }
  }
  return out;
})()`;

/** Runs in the page: pixels of a PNG (base64) that differ from its top-left pixel. */
function countInkScript(pngBase64: string): string {
  return `(async () => {
    const image = new Image();
    image.src = "data:image/png;base64,${pngBase64}";
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
    }
    return { ink, total: data.length / 4, background: [data[0], data[1], data[2]] };
  })()`;
}

it.runIf(browserRequired)("finds Chromium when LINKPLAN_REQUIRE_BROWSER=1", () => {
  expect(findChromium(), "no Chromium: set CHROMIUM_PATH or install /usr/bin/chromium").not.toBe(
    null,
  );
});

describe.skipIf(skip)("SVG diagrams in headless Chromium", () => {
  const page = useBrowserPage();

  it.each(CASES)("$name: renders, is not blank, every text fits its box", async (c) => {
    const svg = renderSvg(c.scene, { theme: c.theme });
    await page().setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);

    const png = await page().locator("svg").screenshot({ type: "png" });
    const pixels = (await page().evaluate(countInkScript(png.toString("base64")))) as {
      ink: number;
      total: number;
      background: number[];
    };
    const frame = svgFrame(c.scene);
    expect(pixels.total).toBe(frame.width * frame.height);
    expect(pixels.background).toEqual(c.theme === "dark" ? [15, 20, 25] : [255, 255, 255]);
    expect(pixels.ink).toBeGreaterThan(pixels.total / 200);

    const fits = (await page().evaluate(MEASURE)) as TextFit[];
    const lines = c.scene.boxes.flatMap((b) => b.lines).length;
    const labels = c.scene.edges.filter((e) => e.label && e.labelAt).length;
    expect(fits).toHaveLength(lines + labels);
    for (const fit of fits) {
      const where = `${fit.box} "${fit.text}" (${fit.length.toFixed(1)}px)`;
      expect(fit.length, where).toBeGreaterThan(0);
      expect(fit.left, where).toBeGreaterThanOrEqual(fit.boxLeft);
      expect(fit.right, where).toBeLessThanOrEqual(fit.boxRight);
      expect(fit.top, where).toBeGreaterThanOrEqual(fit.boxTop);
      expect(fit.bottom, where).toBeLessThanOrEqual(fit.boxBottom);
    }
  });

  it("loads as a standalone image (data: URL) at its declared size", async () => {
    const svg = renderSvg(nested);
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page().setContent("<!doctype html><html><body></body></html>");
    const size = (await page().evaluate(`(async () => {
      const image = new Image();
      image.src = ${JSON.stringify(url)};
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    })()`)) as number[];
    const frame = svgFrame(nested);
    expect(size).toEqual([frame.width, frame.height]);
  });
});
