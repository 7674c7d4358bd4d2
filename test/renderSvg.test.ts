import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Scene } from "../src/diagram/layout/scene.js";
import { renderSvg } from "../src/diagram/svg/renderSvg.js";
import { MAX_TITLE_CELLS, svgFrame } from "../src/diagram/svg/svgFrame.js";
import { box } from "./helpers/sceneParts.js";

const scene: Scene = {
  title: "shared services",
  width: 60,
  height: 16,
  boxes: [
    box({
      id: "acct",
      role: "group",
      kind: "account",
      x: 0,
      y: 0,
      width: 60,
      height: 16,
      lines: ["Account shared"],
    }),
    box({
      id: "vpc",
      role: "group",
      kind: "vpc",
      parent: "acct",
      depth: 1,
      x: 2,
      y: 2,
      width: 56,
      height: 13,
      lines: ["VPC main", "10.0.0.0/16"],
    }),
    box({
      id: "az",
      role: "group",
      kind: "az",
      parent: "vpc",
      depth: 2,
      x: 4,
      y: 5,
      width: 24,
      height: 9,
      lines: ["us-east-1a"],
      status: "added",
    }),
    box({
      id: "app",
      parent: "az",
      depth: 3,
      x: 6,
      y: 7,
      width: 20,
      height: 4,
      lines: ["app", "$21.90/mo"],
      status: "removed",
    }),
    box({
      id: "ep",
      kind: "interface-endpoint",
      parent: "vpc",
      depth: 2,
      x: 36,
      y: 9,
      width: 18,
      height: 4,
      lines: ["ecr-api", "interface"],
    }),
  ],
  edges: [
    {
      id: "e1",
      from: "app",
      to: "ep",
      kind: "privatelink",
      label: "PrivateLink",
      points: [
        { x: 26, y: 8 },
        { x: 31, y: 8 },
        { x: 31, y: 10 },
        { x: 35, y: 10 },
      ],
      labelAt: { x: 32, y: 7 },
      status: "unchanged",
    },
  ],
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

interface Parsed {
  svg: Record<string, unknown> & {
    title: { "#text": string; "@_id": string };
    desc: { "#text": string; "@_id": string };
    g: unknown[] | unknown;
  };
}

function parse(svg: string): Parsed {
  expect(XMLValidator.validate(svg)).toBe(true);
  return parser.parse(svg) as Parsed;
}

/** Every value of attribute `name` anywhere in the document, in order. */
function attributeValues(svg: string, name: string): string[] {
  return [...svg.matchAll(new RegExp(` ${name}="([^"]*)"`, "g"))].map((m) => m[1] ?? "");
}

describe("renderSvg", () => {
  it("is a valid standalone SVG with viewBox, size, role, title and desc", () => {
    const svg = renderSvg(scene);
    const root = parse(svg).svg;
    // the scene, the AWS Cloud group around it, the title above and the legend below
    const { width: w, height: h } = svgFrame(scene);
    expect(root["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(root["@_viewBox"]).toBe(`0 0 ${w} ${h}`);
    expect(root["@_width"]).toBe(String(w));
    expect(root["@_height"]).toBe(String(h));
    expect(root["@_role"]).toBe("img");
    expect(root.title["#text"]).toBe("shared services");
    expect(root.desc["#text"]).toBe(
      "Network diagram with 3 groups, 2 nodes and 1 edge (1 added, 1 removed).",
    );
    expect(String(root["@_aria-labelledby"]).split(" ")).toEqual([
      root.title["@_id"],
      root.desc["@_id"],
    ]);
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>\n")).toBe(true);
  });

  it("draws every box as a rect and every line as a <text> tagged with the box id", () => {
    const svg = renderSvg(scene);
    expect(attributeValues(svg, "data-box")).toEqual([
      ...["acct", "acct"],
      ...["vpc", "vpc", "vpc"],
      ...["az", "az"],
      ...["app", "app", "app"],
      ...["ep", "ep", "ep"],
    ]);
    expect(svg).toContain('<rect data-box="vpc" x="20" y="45" width="440" height="216"');
    expect(svg).toContain(
      '<text data-box="vpc" class="lp-line-1" x="32" y="85">10.0.0.0/16</text>',
    );
    expect(svg).toMatch(
      /<path class="lp-edge lp-e-privatelink" [^>]*marker-end="url\(#lp-[0-9a-f]{8}-arrow-privatelink\)"/,
    );
    expect(svg).toContain('d="M204,153 L212,153 L252,153 L252,189 L284,189 L292,189"');
    expect(svg).toMatch(
      /<rect class="lp-label-bg" data-label="e1" [^>]*\/><text class="lp-label" data-label="e1" x="256" y="139">PrivateLink<\/text>/,
    );
  });

  it("styles groups and nodes in AWS colours and compare status", () => {
    const svg = renderSvg(scene);
    for (const colour of [
      "#CD2264",
      "#00A4A6",
      "#8C4FFF",
      "#147EBA",
      "#7AA116",
      "#E6F6F7",
      "#F2F6E8",
      "#5A6C86",
      "#ED7100",
      "#DD344C",
      "#1D8102",
      "#D13212",
    ]) {
      expect(svg).toContain(colour);
    }
    expect(svg).toContain('class="lp-box lp-group lp-g-az lp-added"');
    expect(svg).toContain('class="lp-box lp-node lp-n-workload lp-c-compute lp-removed"');
    expect(svg).toContain('class="lp-box lp-node lp-n-interface-endpoint lp-c-networking"');
    expect(svg).toMatch(
      /font-family:system-ui, "Segoe UI", Helvetica, Arial, sans-serif;font-size:12px/,
    );
  });

  it("tells public from private subnets by the tier in their text", () => {
    const subnets: Scene = {
      title: "subnets",
      width: 40,
      height: 10,
      boxes: [
        box({
          id: "s1",
          role: "group",
          kind: "subnet",
          x: 0,
          y: 0,
          width: 20,
          height: 4,
          lines: ["public-a", "private · 10.0.0.0/24"],
        }),
        box({
          id: "s3",
          role: "group",
          kind: "subnet",
          x: 0,
          y: 4,
          width: 40,
          height: 3,
          lines: ["public-b · private · 10.0.2.0/24"],
        }),
        box({
          id: "s4",
          role: "group",
          kind: "subnet",
          x: 0,
          y: 7,
          width: 40,
          height: 3,
          lines: ["dmz · public · 10.0.3.0/24"],
        }),
        box({
          id: "s2",
          role: "group",
          kind: "subnet",
          x: 20,
          y: 0,
          width: 20,
          height: 4,
          lines: ["edge", "public · 10.0.1.0/24"],
        }),
      ],
      edges: [],
    };
    const svg = renderSvg(subnets);
    const tiers = [...svg.matchAll(/lp-g-subnet-(public|private)"/g)].map((m) => m[1]);
    expect(tiers).toEqual(["private", "private", "public", "public"]);
  });

  it("has a dark theme with a dark background and light text", () => {
    const light = renderSvg(scene);
    const dark = renderSvg(scene, { theme: "dark" });
    parse(dark);
    expect(dark).not.toBe(light);
    expect(dark).toContain(".lp-bg{fill:#0F1419}");
    expect(dark).toMatch(/ text\{[^}]*fill:#E6EAF0/);
    expect(light).toContain(".lp-bg{fill:#FFFFFF}");
    // two diagrams inlined in one page must not share ids
    const id = (svg: string) => /<svg [^>]*id="([^"]+)"/.exec(svg)?.[1];
    expect(id(dark)).not.toBe(id(light));
  });

  it("escapes hostile text and drops characters XML 1.0 forbids", () => {
    const hostile = [
      "<script>alert(1)</script>",
      "a & b",
      `"double" 'single'`,
      "]]> end",
      "--> <!-- x",
      "nl\nline\u0000nul\u0007bel\u001besc\u0085\u2028",
      "lone \ud800 \udfff surrogate",
      "emoji 🚀 ok",
      "x".repeat(5000),
    ];
    const evil: Scene = {
      title: hostile.join(" | "),
      width: 60,
      height: 30,
      boxes: hostile.map((line, i) =>
        box({ id: `${line}#${i}`, x: 0, y: i * 3, width: 40, height: 3, lines: [line] }),
      ),
      edges: hostile.map((label, i) => ({
        id: `<edge "${i}">`,
        from: `${hostile[0]}#0`,
        to: `${label}#${i}`,
        kind: "uses" as const,
        label,
        points: [
          { x: 41, y: i * 3 + 1 },
          { x: 50, y: i * 3 + 1 },
        ],
        labelAt: { x: 42, y: i * 3 },
        status: "unchanged" as const,
      })),
    };
    for (const theme of ["light", "dark"] as const) {
      const svg = renderSvg(evil, { theme });
      const root = parse(svg).svg;
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toContain("]]>");
      expect(svg).not.toContain("<!--");
      // no controls but the newlines between elements, no lone surrogates, no U+2028
      expect(svg).not.toMatch(/[^\P{Cc}\n]|\p{Cs}|\u2028/u);
      expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(svg).toContain("a &amp; b");
      expect(svg).toContain("&quot;double&quot; &apos;single&apos;");
      expect(svg).toContain("emoji 🚀 ok");
      // box lines and labels are cut to the cells they have, the title to MAX_TITLE_CELLS
      for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
        const max = (m[1] ?? "").includes("lp-title") ? MAX_TITLE_CELLS : 60;
        expect((m[2] ?? "").replace(/&[a-z]+;/g, "&").length).toBeLessThanOrEqual(max);
      }
      expect(root.title["#text"]).toContain("<script>alert(1)</script> | a & b");
    }
  });

  it("shrinks the font only of lines that might overflow in a wide font", () => {
    const wide: Scene = {
      title: "wide",
      width: 30,
      height: 4,
      boxes: [
        box({
          id: "w",
          x: 0,
          y: 0,
          width: 24,
          height: 4,
          lines: ["WWWWMMMMWWWWMMMMWWWW", "ecr-api"],
        }),
      ],
      edges: [],
    };
    const svg = renderSvg(wide);
    expect(svg).toMatch(/class="lp-line-0" [^>]* style="font-size:\d+(\.\d)?px">WWWW/);
    expect(svg).toMatch(/class="lp-line-1" x="\d+" y="\d+">ecr-api</);
  });

  it("writes numbers as integers or short decimals, never NaN or exponents", () => {
    const odd: Scene = {
      title: "odd",
      width: Number.NaN,
      height: 3,
      boxes: [box({ id: "a", x: 0.333333, y: 1e-9, width: 1e25, height: 3, lines: ["a"] })],
      edges: [
        {
          id: "e",
          from: "a",
          to: "b",
          kind: "route",
          label: "l",
          points: [
            { x: Number.POSITIVE_INFINITY, y: 0 },
            { x: 2, y: -0 },
          ],
          labelAt: { x: 1.005, y: 0 },
          status: "added",
        },
      ],
    };
    const svg = renderSvg(odd);
    parse(svg);
    expect(svg).not.toMatch(/NaN|Infinity/);
    for (const name of ["x", "y", "width", "height"]) {
      for (const value of attributeValues(svg, name)) expect(value).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
    for (const d of attributeValues(svg, "d")) expect(d).not.toMatch(/e[+-]?\d|NaN|Infinity/);
  });
});
