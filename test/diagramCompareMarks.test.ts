import { describe, expect, it } from "vitest";
import { compare } from "../src/compare/compare.js";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { comparisonGraph, drawComparison } from "../src/diagram/drawComparison.js";
import {
  type DiagramGraph,
  type DiagramItem,
  type DiagramNode,
  walkItems,
} from "../src/diagram/graph/diagramGraph.js";
import { diffGraphs } from "../src/diagram/graph/diffGraphs.js";
import { costChange, itemChanged, signedCents } from "../src/diagram/graph/itemChange.js";
import { layout } from "../src/diagram/layout/layout.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { exampleTopology } from "./helpers/examples.js";
import { parseMermaid, parseMermaidFlowchart } from "./helpers/mermaidParse.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

const dev = exampleTopology("dev");
const prod = exampleTopology("prod");
const catalog = bundledCatalog();

/** Money in atto-dollars (1e-18 USD) from cents. */
const cents = (n: number) => BigInt(n) * 10n ** 16n;

function byId(graph: DiagramGraph): Map<string, DiagramItem> {
  return new Map([...walkItems(graph.items)].map(({ item }) => [item.id, item]));
}

function node(id: string, more: Partial<DiagramNode> = {}): DiagramNode {
  return {
    type: "node",
    id,
    kind: "interface-endpoint",
    label: id,
    detail: null,
    cost: null,
    status: "unchanged",
    ...more,
  };
}

describe("itemChanged and cost deltas", () => {
  it("counts kind, signature and (both priced) monthly cost; not labels or details", () => {
    const a = node("e", { signature: "interface · sts · 1 AZ", monthly: cents(803) });
    expect(itemChanged(a, { ...a, label: "renamed", detail: "other" })).toBe(false);
    expect(itemChanged(a, { ...a, signature: "interface · sts · 3 AZs" })).toBe(true);
    expect(itemChanged(a, { ...a, kind: "gwlb-endpoint" })).toBe(true);
    expect(itemChanged(a, { ...a, monthly: cents(804) })).toBe(true);
    // one side unpriced: the cost says nothing
    const { monthly: _, ...unpriced } = a;
    expect(itemChanged(a, unpriced)).toBe(false);
  });

  it("writes signed deltas in cents with a minus sign, exactly from money", () => {
    expect(signedCents(cents(1619))).toBe("+$16.19");
    expect(signedCents(-cents(4515))).toBe("−$45.15");
    // 1/3 of a cent rounds; the sum is exact underneath
    expect(signedCents(10n ** 16n / 3n)).toBe("+$0.00");
    const before = node("e", { cost: "$8.05/mo", monthly: cents(805) });
    const after = node("e", { cost: "$24.24/mo", monthly: cents(2424) });
    expect(costChange(before, after)).toEqual({
      cost: "$24.24/mo (+$16.19)",
      costDelta: cents(1619),
    });
    expect(costChange(null, after).cost).toBe("$24.24/mo (+$24.24)");
    expect(costChange(before, null).cost).toBe("$8.05/mo (−$8.05)");
    expect(costChange(after, after)).toEqual({ cost: "$24.24/mo", costDelta: 0n });
    expect(costChange(node("x"), node("x"))).toEqual({ cost: null });
  });

  it("diffGraphs marks a node whose signature changed, and leaves one only relabelled", () => {
    const before: DiagramGraph = {
      title: "a",
      items: [node("one", { signature: "1 AZ" }), node("two", { signature: "s" })],
      edges: [],
    };
    const after: DiagramGraph = {
      title: "b",
      items: [node("one", { signature: "3 AZs" }), node("two", { signature: "s", label: "2" })],
      edges: [],
    };
    expect([...walkItems(diffGraphs(before, after).items)].map(({ item }) => item.status)).toEqual([
      "changed",
      "unchanged",
    ]);
  });
});

describe("dev → prod: endpoints from 1 AZ to 3", () => {
  const comparison = compare(dev, prod, catalog);

  it("marks each endpoint and the VPC changed, with the cost delta worked out by hand", () => {
    const diff = byId(comparisonGraph(dev, prod, { estimate: comparison.after }, { comparison }));
    // ecr-api in eu-west-2: $0.011 per ENI-hour × 730 h, $0.01 per GB
    // dev:  1 ENI  → 8.03 + 2 GB × 0.01  = 8.05
    // prod: 3 ENIs → 24.09 + 15 GB × 0.01 = 24.24, so +16.19
    expect(diff.get("endpoint:app-vpc/ecr-api")).toMatchObject({
      status: "changed",
      detail: "interface · ecr.api · 3 AZs",
      cost: "$24.24/mo (+$16.19)",
      costDelta: cents(1619),
    });
    expect(diff.get("vpc:app-vpc")).toMatchObject({ status: "changed", signature: "VPC · 3 AZs" });
    // the gateway endpoint is free on both sides
    expect(diff.get("endpoint:app-vpc/s3")).toMatchObject({
      status: "unchanged",
      cost: "$0.00/mo",
    });
    // the account's delta is the comparison's
    expect(diff.get("account:app-prod")?.costDelta).toBe(comparison.delta.monthly);
  });

  it("marks them changed without costs too (the AZ count is in the signature)", () => {
    const diff = byId(comparisonGraph(dev, prod));
    expect(diff.get("endpoint:app-vpc/sts")?.status).toBe("changed");
    expect(diff.get("endpoint:app-vpc/s3")?.status).toBe("unchanged");
    expect(diff.get("account:app-prod")?.status).toBe("unchanged");
  });

  it("--collapse at AZ detail: each endpoint's ENIs one node, changed, +2 ENIs of cost", () => {
    const diff = byId(
      comparisonGraph(
        dev,
        prod,
        { detail: "azs", estimate: comparison.after, collapse: true },
        { comparison },
      ),
    );
    // 2 more ENIs: 2 × $0.011 × 730 = $16.06
    expect(diff.get("endpoint:app-vpc/ecr-api")).toMatchObject({
      status: "changed",
      detail: "ENI · interface · ecr.api × 3 AZs",
      cost: "$24.09/mo (+$16.06)",
    });
    expect(diff.has("eni:app-vpc/ecr-api/eu-west-2a")).toBe(false);
  });

  it("prod → dev: removed items show what they cost, negative deltas in ASCII as '-'", () => {
    const back = compare(prod, dev, catalog);
    const text = drawComparison(
      prod,
      dev,
      { format: "ascii", estimate: back.after, charset: "ascii" },
      { comparison: back },
    );
    expect(text).toContain("$45.15/mo (-$45.15)");
    expect(text).not.toContain("−");
    expect(text.endsWith("\n\n[-] removed  [~] changed\n")).toBe(true);
  });
});

describe("legends", () => {
  it("ASCII: a legend line of the marks drawn, none when nothing changed; boxes stay closed", () => {
    expect(drawComparison(dev, dev, { format: "ascii" })).not.toMatch(/added|removed|changed/);
    for (const detail of ["vpcs", "azs", "subnets"] as const) {
      const graph = comparisonGraph(dev, prod, { detail });
      const scene = layout(graph);
      const text = renderAscii(scene);
      const lines = text.split("\n");
      expect(lines.at(-2)).toBe("[+] added  [~] changed");
      expect(lines.at(-3)).toBe("");
      const rows = lines.map((line) => [...line]);
      const at = (x: number, y: number) => rows[y - 1]?.[x - 1] ?? " ";
      for (const box of scene.boxes) {
        const right = box.x + box.width - 1;
        const bottom = box.y + box.height - 1;
        for (let row = box.y + 1; row < bottom; row++) {
          expect(at(box.x, row), box.id).toMatch(/[│╎├┤┼]/);
          expect(at(right, row), box.id).toMatch(/[│╎├┤┼]/);
        }
        if (box.status !== "unchanged" && box.width >= 5) {
          const mark = { added: "+", removed: "-", changed: "~" }[box.status];
          expect(rows[box.y - 1]?.slice(box.x, box.x + 3).join(""), box.id).toBe(`[${mark}]`);
        }
      }
    }
  });

  it("Mermaid: marks before labels, a Legend subgraph of the marks present, parsed by mermaid", async () => {
    const text = drawComparison(prod, dev, { format: "mermaid" });
    await parseMermaid(text);
    const chart = await parseMermaidFlowchart(text);
    const legend = chart.subgraphs.find((s) => s.id === "legend");
    expect(legend?.title).toBe("Legend");
    expect(legend?.nodes.sort()).toEqual(["legend_changed", "legend_removed"]);
    const vertex = (id: string) => chart.vertices.find((v) => v.id === id);
    expect(vertex("legend_removed")).toMatchObject({ text: "[-] removed" });
    expect(vertex("legend_removed")?.classes).toContain("removed");
    expect(vertex("legend_changed")?.classes).toContain("changed");
    expect(chart.classDefs.has("changed")).toBe(true);
    expect(vertex("n_endpoint_app_vpc_sts")?.text).toMatch(/^\[~\] sts/);
    expect(vertex("n_nat_app_vpc_nat_b")?.text).toMatch(/^\[-\] nat-b/);
    // a picture without marks has no legend
    expect(drawComparison(dev, dev, { format: "mermaid" })).not.toContain("legend");
  });

  it("SVG and draw.io: a +/−/~ badge on each marked box", () => {
    const svg = drawComparison(prod, dev, { format: "svg" });
    expect(svg).toContain('<g class="lp-mark lp-mark-changed"><title>changed</title>');
    expect(svg).toContain('<g class="lp-mark lp-mark-removed"><title>removed</title>');
    expect(svg).toMatch(/\(0 added, 2 removed, 6 changed\)\.<\/desc>/);
    const drawio = drawComparison(prod, dev, { format: "drawio" });
    expect(drawio.match(/-mark" label="−"/g)?.length).toBe(2);
    expect(drawio.match(/-mark" label="~"/g)?.length).toBe(6);
    // nothing changed: no badge, no style for one
    expect(drawComparison(dev, dev, { format: "svg" })).not.toContain("lp-mark");
  });

  it("the CLI draws the marks and deltas of diagram --compare --costs", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/dev.yaml",
      "examples/prod.yaml",
      "--costs",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("$24.24/mo (+$16.19)");
    expect(result.stdout).toContain("$45.15/mo (+$45.15)"); // nat-b, added
    expect(result.stdout.endsWith("[+] added  [~] changed\n")).toBe(true);
  });
});
