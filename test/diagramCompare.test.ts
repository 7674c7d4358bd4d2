import { readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { compare } from "../src/compare/compare.js";
import { comparisonGraph, drawComparison } from "../src/diagram/drawComparison.js";
import { type DiagramRequest, renderGraph } from "../src/diagram/drawTopology.js";
import {
  type DiagramEdge,
  type DiagramGraph,
  type DiagramGroup,
  type DiagramItem,
  type DiagramNode,
  walkItems,
} from "../src/diagram/graph/diagramGraph.js";
import { diffGraphs } from "../src/diagram/graph/diffGraphs.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { Topology } from "../src/topology/topology.js";
import { exampleTopology } from "./helpers/examples.js";
import { expectGolden } from "./helpers/golden.js";
import { parseMermaid, parseMermaidFlowchart } from "./helpers/mermaidParse.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

// ---- tiny hand-built graphs ----------------------------------------------------------

function n(id: string, cost: string | null = null): DiagramNode {
  return { type: "node", id, kind: "workload", label: id, detail: null, cost, status: "unchanged" };
}

function g(id: string, children: DiagramItem[], cost: string | null = null): DiagramGroup {
  return {
    type: "group",
    id,
    kind: "vpc",
    label: id,
    detail: null,
    cost,
    status: "unchanged",
    children,
  };
}

function e(from: string, to: string): DiagramEdge {
  return { id: `${from}->${to}`, from, to, kind: "uses", label: null, status: "unchanged" };
}

function graph(title: string, items: DiagramItem[], edges: DiagramEdge[] = []): DiagramGraph {
  return { title, items, edges };
}

/** The tree as "  id status" lines, children indented under their group. */
function outline(diagram: DiagramGraph): string[] {
  return [...walkItems(diagram.items)].map(
    ({ item, depth }) => `${"  ".repeat(depth)}${item.id} ${item.status}`,
  );
}

function edgeMarks(diagram: DiagramGraph): string[] {
  return diagram.edges.map((edge) => `${edge.id} ${edge.status}`);
}

describe("diffGraphs", () => {
  it("marks items and edges that only the after graph has as added", () => {
    const before = graph("a", [g("vpc", [n("app")])]);
    const after = graph("b", [g("vpc", [n("app"), n("db")])], [e("app", "db")]);
    const diff = diffGraphs(before, after);
    expect(outline(diff)).toEqual(["vpc unchanged", "  app unchanged", "  db added"]);
    expect(edgeMarks(diff)).toEqual(["app->db added"]);
    expect(diff.title).toBe("a → b");
  });

  it("puts a removed node back into its surviving parent, next to its old neighbours", () => {
    const before = graph("a", [g("vpc", [n("first"), n("gone"), n("last")])]);
    const after = graph("b", [g("vpc", [n("first"), n("new"), n("last")])]);
    expect(outline(diffGraphs(before, after))).toEqual([
      "vpc unchanged",
      "  first unchanged",
      "  gone removed",
      "  new added",
      "  last unchanged",
    ]);
    // with no earlier sibling, it goes just before the nearest later one still there
    const head = graph("a", [g("vpc", [n("gone"), n("x"), n("y")])]);
    const rest = graph("b", [g("vpc", [n("new"), n("y")])]);
    expect(outline(diffGraphs(head, rest))).toEqual([
      "vpc unchanged",
      "  new added",
      "  gone removed",
      "  x removed",
      "  y unchanged",
    ]);
  });

  it("brings a removed group back whole, with its removed children and their costs", () => {
    const before = graph("a", [
      g("acct", [g("az-a", [n("eni-a", "$7.30/mo")]), g("az-b", [n("eni-b", "$7.30/mo")])]),
      n("zone"),
    ]);
    const after = graph("b", [g("acct", [g("az-a", [n("eni-a", "$8.00/mo")])]), n("zone")]);
    const diff = diffGraphs(before, after);
    expect(outline(diff)).toEqual([
      "acct unchanged",
      "  az-a unchanged",
      "    eni-a unchanged",
      "  az-b removed",
      "    eni-b removed",
      "zone unchanged",
    ]);
    const costs = new Map([...walkItems(diff.items)].map(({ item }) => [item.id, item.cost]));
    expect(costs.get("eni-a")).toBe("$8.00/mo"); // after's
    expect(costs.get("eni-b")).toBe("$7.30/mo"); // before's, kept by the removed item
  });

  it("leaves a moved item where after put it, and restores the rest of its old group", () => {
    const before = graph("a", [g("vpc", [g("az-a", [n("app"), n("nat-a")])])]);
    const after = graph("b", [g("vpc", [n("app")])]);
    expect(outline(diffGraphs(before, after))).toEqual([
      "vpc unchanged",
      "  app unchanged",
      "  az-a removed",
      "    nat-a removed",
    ]);
  });

  it("restores a removed top-level group, and removed edges whose ends are still drawn", () => {
    const before = graph(
      "a",
      [g("consumer", [n("app")]), g("provider", [n("svc")])],
      [e("app", "svc"), e("app", "old")],
    );
    const after = graph("b", [g("provider", [n("svc")])]);
    const diff = diffGraphs(before, after);
    expect(outline(diff)).toEqual([
      "consumer removed",
      "  app removed",
      "provider unchanged",
      "  svc unchanged",
    ]);
    // app->old is left out: "old" is in neither graph
    expect(edgeMarks(diff)).toEqual(["app->svc removed"]);
  });

  it("marks a removed edge between items both graphs keep, after the after graph's edges", () => {
    const items = () => [g("vpc", [n("app"), n("logs"), n("sts")])];
    const before = graph("a", items(), [e("app", "logs"), e("app", "sts")]);
    const after = graph("b", items(), [e("app", "sts")]);
    expect(edgeMarks(diffGraphs(before, after))).toEqual([
      "app->sts unchanged",
      "app->logs removed",
    ]);
  });

  it("marks nothing when nothing changed, and leaves its inputs alone", () => {
    const make = () =>
      graph("same", [g("vpc", [n("app"), n("db")]), n("zone")], [e("app", "db"), e("zone", "db")]);
    const before = make();
    const after = make();
    const diff = diffGraphs(before, after);
    expect([...walkItems(diff.items)].every(({ item }) => item.status === "unchanged")).toBe(true);
    expect(diff.edges.every((edge) => edge.status === "unchanged")).toBe(true);
    expect({ ...diff, title: "same" }).toEqual(after);
    expect(before).toEqual(make());
    expect(after).toEqual(make());
    const self = diffGraphs(after, after);
    expect([...walkItems(self.items)].every(({ item }) => item.status === "unchanged")).toBe(true);
  });

  it("is deterministic", () => {
    const before = graph(
      "a",
      [g("acct", [g("az-a", [n("a1"), n("a2")]), g("az-b", [n("b1")]), n("x")]), n("y")],
      [e("a1", "b1"), e("x", "y")],
    );
    const after = graph("b", [g("acct", [n("x"), n("z")])], [e("x", "z")]);
    const first = diffGraphs(before, after);
    expect(diffGraphs(before, after)).toEqual(first);
    expect(outline(first)).toEqual([
      "acct unchanged",
      "  az-a removed",
      "    a1 removed",
      "    a2 removed",
      "  az-b removed",
      "    b1 removed",
      "  x unchanged",
      "  z added",
      "y removed",
    ]);
    expect(edgeMarks(first)).toEqual(["x->z added", "a1->b1 removed", "x->y removed"]);
  });
});

// ---- the examples ----------------------------------------------------------------------

const dev = exampleTopology("dev");
const prod = exampleTopology("prod");

/** Statuses of every item and edge of a graph, counted. */
function counts(diagram: DiagramGraph): Record<string, number> {
  const out: Record<string, number> = {};
  const statuses = [...walkItems(diagram.items)].map(({ item }) => item.status);
  for (const status of [...statuses, ...diagram.edges.map((edge) => edge.status)]) {
    out[status] = (out[status] ?? 0) + 1;
  }
  return out;
}

describe("comparison diagrams of the examples", () => {
  it("pairs the dev account with the prod one, so only the new AZs and NAT gateways are added", () => {
    const diff = comparisonGraph(dev, prod, { detail: "azs" });
    expect(diff.title).toBe("app-dev → app-prod");
    const added = [...walkItems(diff.items)]
      .filter(({ item }) => item.status === "added")
      .map(({ item }) => item.id);
    expect(added).toEqual([
      "az:app-vpc/eu-west-2b",
      "eni:app-vpc/ecr-api/eu-west-2b",
      "eni:app-vpc/ecr-dkr/eu-west-2b",
      "eni:app-vpc/logs/eu-west-2b",
      "eni:app-vpc/sts/eu-west-2b",
      "eni:app-vpc/secretsmanager/eu-west-2b",
      "nat:app-vpc/nat-b",
      "az:app-vpc/eu-west-2c",
      "eni:app-vpc/ecr-api/eu-west-2c",
      "eni:app-vpc/ecr-dkr/eu-west-2c",
      "eni:app-vpc/logs/eu-west-2c",
      "eni:app-vpc/sts/eu-west-2c",
      "eni:app-vpc/secretsmanager/eu-west-2c",
      "nat:app-vpc/nat-c",
    ]);
    expect(counts(diff).removed).toBeUndefined();
  });

  it("a topology compared with itself marks nothing", () => {
    for (const detail of ["accounts", "vpcs", "azs", "subnets"] as const) {
      const diff = comparisonGraph(prod, prod, { detail });
      expect(Object.keys(counts(diff))).toEqual(["unchanged"]);
      expect({ ...diff, title: prod.name }).toEqual(toGraph(prod, { detail }));
    }
  });

  it("removed items keep the costs of the estimate of the first topology", () => {
    const catalog = bundledCatalog();
    const comparison = compare(prod, dev, catalog);
    const diff = comparisonGraph(prod, dev, { estimate: comparison.after }, { comparison });
    const cost = new Map([...walkItems(diff.items)].map(({ item }) => [item.id, item]));
    // nat-a carries less traffic in dev: changed, with the delta
    expect(cost.get("nat:app-vpc/nat-a")).toMatchObject({
      status: "changed",
      cost: "$41.65/mo (−$4.50)",
    });
    expect(cost.get("nat:app-vpc/nat-b")).toMatchObject({
      status: "removed",
      cost: "$45.15/mo (−$45.15)",
    });
    expect(cost.get("account:app-dev")?.cost).toBe("$82.13/mo (−$179.49)");
  });

  const svgParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });

  const GOLDENS: { name: string; before: Topology; after: Topology; request: DiagramRequest }[] = [
    {
      name: "dev-prod.azs.txt",
      before: dev,
      after: prod,
      request: { format: "ascii", detail: "azs" },
    },
    {
      name: "dev-prod.azs.mmd",
      before: dev,
      after: prod,
      request: { format: "mermaid", detail: "azs" },
    },
    {
      name: "dev-prod.azs.svg",
      before: dev,
      after: prod,
      request: { format: "svg", detail: "azs" },
    },
    {
      name: "prod-dev.azs.txt",
      before: prod,
      after: dev,
      request: { format: "ascii", detail: "azs" },
    },
    {
      name: "prod-dev.azs.mmd",
      before: prod,
      after: dev,
      request: { format: "mermaid", detail: "azs" },
    },
    { name: "dev-prod.txt", before: dev, after: prod, request: { format: "ascii" } },
    {
      // each endpoint's ENIs one node, changed from 1 AZ to 3
      name: "dev-prod.azs.collapse.txt",
      before: dev,
      after: prod,
      request: { format: "ascii", detail: "azs", collapse: true },
    },
  ];

  for (const { name, before, after, request } of GOLDENS) {
    it(`${name} matches its golden file`, async () => {
      const text = drawComparison(before, after, request);
      expectGolden(`compare/${name}`, text);
      const grows = before === dev;
      if (request.format === "ascii") {
        expect(text).toContain(grows ? "[+]" : "[-]");
        expect(text).not.toContain(grows ? "[-]" : "[+]");
      }
      if (request.format === "mermaid") {
        await parseMermaid(text);
        const chart = await parseMermaidFlowchart(text);
        const marked = (cls: string) => [
          ...chart.vertices.filter((v) => v.classes.includes(cls)).map((v) => v.id),
          ...chart.subgraphs.filter((s) => s.classes.includes(cls)).map((s) => s.id),
        ];
        expect(marked(grows ? "added" : "removed")).toContain("g_az_app_vpc_eu_west_2b");
        expect(marked(grows ? "removed" : "added")).toEqual([]);
        expect(chart.classDefs.has(grows ? "added" : "removed")).toBe(true);
      }
      if (request.format === "svg") {
        expect(XMLValidator.validate(text)).toBe(true);
        const root = svgParser.parse(text).svg;
        expect(root.title["#text"]).toBe("app-dev → app-prod");
        // the VPC went from 1 AZ to 3: changed
        expect(root.desc["#text"]).toMatch(/\(14 added, 0 removed, 1 changed\)\.$/);
        expect(text).toContain('class="lp-box lp-group lp-g-az lp-added"');
      }
    });
  }

  it("marks removed endpoints and their edges next to added NAT gateways", () => {
    // prod without its secretsmanager endpoint, compared with dev
    const trimmed: Topology = {
      ...prod,
      accounts: prod.accounts.map((account) => ({
        ...account,
        vpcs: account.vpcs.map((vpc) => ({
          ...vpc,
          endpoints: vpc.endpoints.filter((endpoint) => endpoint.id !== "secretsmanager"),
          workloads: vpc.workloads.map((w) => ({
            ...w,
            uses: w.uses.filter((use) => use !== "secretsmanager"),
          })),
        })),
      })),
    };
    const diff = comparisonGraph(dev, trimmed);
    const marked = [...walkItems(diff.items)]
      .filter(({ item }) => item.status !== "unchanged")
      .map(({ item }) => `${item.id} ${item.status}`);
    // the other endpoints and the VPC went from 1 AZ to 3
    expect(marked).toEqual([
      "vpc:app-vpc changed",
      "endpoint:app-vpc/ecr-api changed",
      "endpoint:app-vpc/ecr-dkr changed",
      "endpoint:app-vpc/logs changed",
      "endpoint:app-vpc/sts changed",
      "endpoint:app-vpc/secretsmanager removed",
      "nat:app-vpc/nat-b added",
      "nat:app-vpc/nat-c added",
    ]);
    expect(edgeMarks(diff).filter((mark) => !mark.endsWith(" unchanged"))).toEqual([
      "workload:app-vpc/app->endpoint:app-vpc/secretsmanager removed",
    ]);
    const text = drawComparison(dev, trimmed, { format: "ascii" });
    // the boxes' marks, and the legend's
    expect(text.match(/\[\+\]/g)?.length).toBe(2 + 1);
    expect(text.match(/\[-\]/g)?.length).toBe(1 + 1);
    expect(text.match(/\[~\]/g)?.length).toBe(5 + 1);
    expect(text.endsWith("\n\n[+] added  [-] removed  [~] changed\n")).toBe(true);
  });

  it("draws the same picture as drawTopology, but for the title, when nothing changed", () => {
    for (const format of ["ascii", "mermaid", "svg"] as const) {
      const graph = { ...toGraph(dev, { detail: "azs" }), title: "app-dev → app-dev" };
      expect(drawComparison(dev, dev, { format, detail: "azs" })).toBe(
        renderGraph(graph, { format }),
      );
    }
  });
});

describe("linkplan diagram --compare", () => {
  it("draws the positional topology with the --compare one's differences marked", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/dev.yaml",
      "examples/prod.yaml",
      "--format",
      "mermaid",
      "--detail",
      "azs",
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: readFileSync("test/golden/compare/dev-prod.azs.mmd", "utf8"),
      stderr: "",
    });
    const plain = await runCliCapture([
      "diagram",
      "--compare",
      "examples/dev.yaml",
      "examples/prod.yaml",
      "--format",
      "mermaid",
    ]);
    expect(plain.code).toBe(0);
    await parseMermaid(plain.stdout);
    expect(plain.stdout).toContain('title: "app-dev → app-prod"');
    expect(plain.stdout).toMatch(/class n_nat_app_vpc_nat_b,n_nat_app_vpc_nat_c added\n/);
  });

  it("prints the dev → prod picture the README shows", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/dev.yaml",
      "examples/prod.yaml",
    ]);
    expect(result.stdout).toBe(readFileSync("test/golden/compare/dev-prod.txt", "utf8"));
  });

  it("--costs prices both sides", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/prod.yaml",
      "examples/dev.yaml",
      "--costs",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("$45.15/mo (−$45.15)"); // nat-b, removed, priced from prod
    expect(result.stdout).toContain("$82.13/mo (−$179.49)"); // dev's account total
  });

  it("reports an unreadable --compare file as invalid input (exit 1)", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/missing.yaml",
      "examples/prod.yaml",
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "linkplan: cannot read examples/missing.yaml: no such file\n",
    });
    const both = await runCliCapture(["diagram", "--compare", "-", "-"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("only one input can be read from standard input");
  });
});
