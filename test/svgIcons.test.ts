import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { diagramFontFiles } from "../src/api/diagramFontFiles.js";
import { formatMoney } from "../src/core/money.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { NODE_ICON_ROWS, type Scene } from "../src/diagram/layout/scene.js";
import { renderPng } from "../src/diagram/png/renderPng.js";
import { renderSvg } from "../src/diagram/svg/renderSvg.js";
import { svgFrame } from "../src/diagram/svg/svgFrame.js";
import { svgTheme } from "../src/diagram/svg/svgTheme.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { darkPixels, decodePng } from "./helpers/decodePng.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";
import { box, edge } from "./helpers/sceneParts.js";

const all = (svg: string, re: RegExp) => [...svg.matchAll(re)].map((m) => m[1] ?? "");

/** Every example at two detail levels in both themes, as `linkplan diagram --format svg` draws it. */
const SVGS = EXAMPLE_NAMES.flatMap((name) =>
  (["vpcs", "azs"] as const).flatMap((detail) =>
    (["light", "dark"] as const).map((theme) => ({
      name: `${name} ${detail} ${theme}`,
      svg: drawTopology(exampleTopology(name), { format: "svg", detail, theme }),
    })),
  ),
);

/** WCAG 2 contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The fill of a CSS rule of the SVG's stylesheet whose selector ends with `selector`. */
function fillOf(svg: string, selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\>]/g, "\\$&");
  const rule = new RegExp(`${escaped}\\{[^}]*?(?:fill|stroke):(#[0-9A-Fa-f]{6})`).exec(svg);
  if (!rule?.[1]) throw new Error(`no colour for ${selector}`);
  return rule[1];
}

describe("SVG icons", () => {
  it.each(SVGS)("$name: each icon is one <symbol>, drawn by <use>, nothing external", ({ svg }) => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const symbols = all(svg, /<symbol id="([^"]+)"/g);
    const uses = all(svg, /<use href="#([^"]+)"/g);
    expect(symbols.length).toBeGreaterThan(0);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(new Set(uses)).toEqual(new Set(symbols));
    // the AWS Cloud group and every group with an AWS group icon
    expect(symbols.some((s) => /-icon-aws-cloud(-dark)?$/.test(s))).toBe(true);
    expect(symbols.some((s) => s.endsWith("-icon-account"))).toBe(true);
    // ids are unique and carry the diagram's prefix
    const root = /<svg [^>]*id="([^"]+)"/.exec(svg)?.[1] ?? "";
    const ids = all(svg, / id="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(root)).toBe(true);
    // no external references, scripts, images or event handlers
    expect(svg).not.toMatch(/href="(?!#)|url\((?!#)|<script|<image|<foreignObject|\son\w+=/i);
    for (const ref of all(svg, /url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });

  it("leaves room for icons only in icon layouts (ASCII and draw.io keep theirs)", () => {
    const graph = toGraph(exampleTopology("prod"));
    const plain = layout(graph);
    const icons = layout(graph, { icons: true });
    expect(plain.icons).toBeUndefined();
    expect(icons.icons).toBe(true);
    const heights = (scene: Scene) =>
      scene.boxes.filter((b) => b.role === "node").map((b) => b.height);
    expect(heights(icons)).toEqual(heights(plain).map((h) => h + NODE_ICON_ROWS));
    // a plain scene is drawn without icons (only the AWS Cloud logo)
    const svg = renderSvg(plain);
    expect(all(svg, /<use href="#[^"]+-icon-([^"]+)"/g)).toEqual(["aws-cloud"]);
  });

  it("draws the icons in the PNG too (resvg reads <symbol> and <use>)", async () => {
    const scene = layout(toGraph(exampleTopology("prod")), { icons: true });
    const image = decodePng(await renderPng(scene, { fontFiles: diagramFontFiles(), scale: 1 }));
    const cloud = svgFrame(scene).cloud;
    if (!cloud) throw new Error("no AWS Cloud group");
    // the AWS Cloud logo: a squid-ink tile in the group's top-left corner
    const logo = { x: cloud.x + 2, y: cloud.y + 2, width: 20, height: 20 };
    expect(darkPixels(image, logo)).toBeGreaterThan(200);
  });
});

describe("SVG title block", () => {
  const topology = exampleTopology("prod");
  const priced = estimate(topology, bundledCatalog());

  it("names the topology and, when priced, its total monthly cost and catalog", () => {
    const svg = drawTopology(topology, { format: "svg", estimate: priced });
    expect(svg).toContain('<text class="lp-title" x="16" y="32">app-prod</text>');
    const subtitle = /<text class="lp-subtitle"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? "";
    expect(subtitle).toBe("Total $261.62/mo · prices: catalog bundled 2026-11-20");
    const total = Number(subtitle.replace(/^Total \$([\d,.]+).*$/, "$1").replaceAll(",", ""));
    expect(total).toBeCloseTo(Number(formatMoney(priced.totals.monthly)), 2);
    expect(svg).toContain("Total $261.62/mo (catalog bundled 2026-11-20).</desc>");
  });

  it("omits the cost without an estimate, and cuts a long title", () => {
    const svg = drawTopology(topology, { format: "svg" });
    expect(svg).toContain(">app-prod</text>");
    expect(svg).not.toContain('class="lp-subtitle"');
    expect(svg).not.toContain("Total");
    const long: Scene = {
      title: `${"very long name ".repeat(20)}<&>`,
      width: 4,
      height: 4,
      boxes: [],
      edges: [],
    };
    const shown = /<text class="lp-title"[^>]*>([^<]*)<\/text>/.exec(renderSvg(long))?.[1] ?? "";
    expect(shown).toContain("…");
    expect(renderSvg(long)).toContain(`<title id="`);
  });

  it("escapes and cuts a hostile catalog name", () => {
    const scene: Scene = {
      title: "t",
      pricing: { total: "$1.00/mo", catalog: `<script>&\u0000${"x".repeat(500)}` },
      width: 4,
      height: 4,
      boxes: [],
      edges: [],
    };
    const svg = renderSvg(scene);
    expect(XMLValidator.validate(svg)).toBe(true);
    const shown = /<text class="lp-subtitle"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? "";
    expect(shown.startsWith("Total $1.00/mo · prices: catalog &lt;script&gt;&amp;x")).toBe(true);
    expect(shown).toContain("…");
    expect(shown.length).toBeLessThan(200);
  });

  it("keeps the title, the cloud and the legend clear of each other and of the scene", () => {
    const frame = svgFrame(layout(toGraph(topology, { estimate: priced }), { icons: true }));
    const cloud = frame.cloud;
    if (!cloud || !frame.subtitle) throw new Error("no cloud or subtitle");
    expect(frame.subtitle.y + 4).toBeLessThan(cloud.y);
    expect(cloud.y).toBeLessThan(frame.scene.y + 18);
    expect(cloud.y + cloud.height).toBeGreaterThan(frame.scene.y + frame.scene.height - 18);
    expect(frame.legend.y).toBeGreaterThan(cloud.y + cloud.height);
    expect(frame.height).toBeGreaterThanOrEqual(frame.legend.y + frame.legend.layout.rows * 22);
    expect(frame.width).toBeGreaterThanOrEqual(cloud.x + cloud.width + 16);
  });
});

describe("SVG legend", () => {
  const legend = (svg: string) => all(svg, /<text class="lp-legend-text"[^>]*>([^<]*)<\/text>/g);

  it("lists the line styles and marks of this diagram only", () => {
    const draw = (name: string) => drawTopology(exampleTopology(name), { format: "svg" });
    expect(legend(draw("prod"))).toEqual(["uses", "route to gateway endpoint"]);
    expect(legend(draw("consumer-provider"))).toEqual([
      "uses / forwards to targets",
      "PrivateLink",
    ]);
    expect(legend(draw("saas-monitoring"))).toEqual(["uses", "PrivateLink", "DNS alias record"]);
  });

  it("has an entry per status present and for the findings badge", () => {
    const scene: Scene = {
      title: "marks",
      width: 40,
      height: 12,
      boxes: [
        box({ id: "a", x: 1, y: 1, width: 10, height: 3, lines: ["a"], status: "added" }),
        box({ id: "b", x: 20, y: 1, width: 10, height: 3, lines: ["b"], status: "removed" }),
        box({
          id: "c",
          x: 1,
          y: 6,
          width: 10,
          height: 3,
          lines: ["c"],
          findings: [{ rule: "r", message: "m" }],
        }),
      ],
      edges: [edge({ id: "e", from: "a", to: "b", kind: "alias", points: [{ x: 11, y: 2 }] })],
    };
    const svg = renderSvg(scene);
    expect(legend(svg)).toEqual([
      "DNS alias record",
      "added",
      "removed",
      "error finding (its tooltip names the rule)",
    ]);
    expect(svg).toMatch(/<g class="lp-legend">[\s\S]*<g class="lp-finding"><circle/);
    // nothing to explain, no legend
    expect(renderSvg({ ...scene, boxes: [], edges: [] })).not.toContain('class="lp-legend"');
  });
});

describe("SVG themes", () => {
  it("keeps text, secondary text, the cloud and edges readable in both themes", () => {
    for (const theme of ["light", "dark"] as const) {
      const svg = drawTopology(exampleTopology("prod"), { format: "svg", theme });
      const background = fillOf(svg, ".lp-bg");
      expect(background).toBe(svgTheme(theme).background);
      expect(contrast(fillOf(svg, " text"), background)).toBeGreaterThanOrEqual(7);
      for (const selector of ["text.lp-subtitle", ".lp-legend text", ".lp-node>text.lp-sub"]) {
        expect(contrast(fillOf(svg, selector), background), selector).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(fillOf(svg, ".lp-cloud>rect"), background)).toBeGreaterThanOrEqual(3);
      expect(contrast(svgTheme(theme).edge, background)).toBeGreaterThanOrEqual(3);
      expect(svg).toContain(theme === "dark" ? "-icon-aws-cloud-dark" : '-icon-aws-cloud"');
    }
  });
});
