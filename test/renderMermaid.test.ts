import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  DiagramStatus,
  EdgeKind,
  GroupKind,
  NodeKind,
} from "../src/diagram/graph/diagramGraph.js";
import { walkItems } from "../src/diagram/graph/diagramGraph.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { drawingOrder } from "../src/diagram/mermaid/drawingOrder.js";
import { statusPrefix } from "../src/diagram/mermaid/mermaidLegend.js";
import { renderMermaid } from "../src/diagram/mermaid/renderMermaid.js";
import { cleanLabel } from "../src/diagram/text/cleanLabel.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { browserRequired, findChromium, useBrowserPage } from "./helpers/browser.js";
import { exampleTopology } from "./helpers/examples.js";
import {
  type ParsedFlowchart,
  parseMermaid,
  parseMermaidFlowchart,
} from "./helpers/mermaidParse.js";

const NODE_KINDS: NodeKind[] = [
  "workload",
  "interface-endpoint",
  "gateway-endpoint",
  "gwlb-endpoint",
  "endpoint-service",
  "load-balancer",
  "service",
  "aws-service",
  "saas",
  "hosted-zone",
  "nat-gateway",
  "route-table",
];
const GROUP_KINDS: GroupKind[] = ["account", "region", "vpc", "az", "subnet", "external"];
const EDGE_KINDS: EdgeKind[] = ["uses", "privatelink", "targets", "alias", "route"];
const STATUSES: DiagramStatus[] = ["unchanged", "added", "removed", "changed"];

function node(
  id: string,
  kind: NodeKind,
  label: string,
  more: Partial<DiagramNode> = {},
): DiagramNode {
  return { type: "node", id, kind, label, detail: null, cost: null, status: "unchanged", ...more };
}

function group(
  id: string,
  kind: GroupKind,
  label: string,
  children: DiagramItem[],
  more: Partial<DiagramGroup> = {},
): DiagramGroup {
  return {
    type: "group",
    id,
    kind,
    label,
    detail: null,
    cost: null,
    status: "unchanged",
    children,
    ...more,
  };
}

function edge(
  from: string,
  to: string,
  kind: EdgeKind,
  label: string | null = null,
  status: DiagramStatus = "unchanged",
): DiagramEdge {
  return { id: `${kind}:${from}->${to}`, from, to, kind, label, status };
}

/** The article's patterns in one picture: cross-account PrivateLink, S3 gateway, SaaS. */
const ARCHITECTURE: DiagramGraph = {
  title: "PrivateLink deep dive",
  items: [
    group(
      "account:consumer",
      "account",
      "consumer",
      [
        group("region:consumer/eu-west-2", "region", "eu-west-2", [
          group(
            "vpc:consumer-vpc",
            "vpc",
            "consumer-vpc",
            [
              group("az:consumer-vpc/eu-west-2a", "az", "eu-west-2a", [
                group(
                  "subnet:consumer-vpc/private-a",
                  "subnet",
                  "private-a",
                  [
                    node("workload:consumer-vpc/app", "workload", "App", { detail: "workload" }),
                    node(
                      "eni:consumer-vpc/provider-api/eu-west-2a",
                      "interface-endpoint",
                      "provider-api",
                      {
                        detail: "ENI · interface · vpce-svc",
                        cost: "$7.30/mo",
                      },
                    ),
                  ],
                  { detail: "private · 10.0.1.0/24" },
                ),
                group(
                  "subnet:consumer-vpc/public-a",
                  "subnet",
                  "public-a",
                  [
                    node("nat:consumer-vpc/nat-a", "nat-gateway", "nat-a", {
                      detail: "NAT gateway · public",
                      cost: "$32.85/mo",
                      status: "removed",
                    }),
                  ],
                  { detail: "public · 10.0.0.0/24", status: "removed" },
                ),
              ]),
              node("endpoint:consumer-vpc/s3", "gateway-endpoint", "s3", {
                detail: "gateway · s3",
              }),
              node("endpoint:consumer-vpc/inspect", "gwlb-endpoint", "inspect", { detail: "GWLB" }),
              node("route-table:consumer-vpc/private", "route-table", "private routes"),
            ],
            { detail: "10.0.0.0/16 · 1 AZ", cost: "$40.15/mo" },
          ),
          node("zone:api.provider.internal", "hosted-zone", "api.provider.internal", {
            detail: "private hosted zone",
          }),
          node("aws:eu-west-2/s3", "aws-service", "Amazon S3"),
        ]),
      ],
      { detail: "account 111111111111" },
    ),
    group("account:provider", "account", "provider", [
      group("region:provider/eu-west-2", "region", "eu-west-2", [
        group("vpc:provider-vpc", "vpc", "provider-vpc", [
          node("endpoint-service:api", "endpoint-service", "api-endpoint-service"),
          node("lb:provider-vpc/api-nlb", "load-balancer", "api-nlb", { detail: "NLB" }),
          node("target:provider-vpc/api-nlb", "service", "Your Service", { detail: "targets" }),
        ]),
      ]),
    ]),
    group(
      "external",
      "external",
      "SaaS providers (PrivateLink)",
      [node("saas:datadog", "saas", "Datadog", { detail: "com.amazonaws.vpce…", status: "added" })],
      { status: "added" },
    ),
  ],
  edges: [
    edge("workload:consumer-vpc/app", "eni:consumer-vpc/provider-api/eu-west-2a", "uses"),
    edge(
      "eni:consumer-vpc/provider-api/eu-west-2a",
      "endpoint-service:api",
      "privatelink",
      "PrivateLink",
    ),
    edge("endpoint-service:api", "lb:provider-vpc/api-nlb", "targets"),
    edge("lb:provider-vpc/api-nlb", "target:provider-vpc/api-nlb", "targets"),
    edge(
      "zone:api.provider.internal",
      "eni:consumer-vpc/provider-api/eu-west-2a",
      "alias",
      "alias",
    ),
    edge("route-table:consumer-vpc/private", "endpoint:consumer-vpc/s3", "route"),
    edge("endpoint:consumer-vpc/s3", "aws:eu-west-2/s3", "uses"),
    edge("workload:consumer-vpc/app", "saas:datadog", "privatelink", null, "added"),
    edge("workload:consumer-vpc/app", "nat:consumer-vpc/nat-a", "uses", null, "removed"),
  ],
};

const lines = (text: string) => text.split("\n").map((line) => line.trim());

/** What a node's label should read once drawn: its mark, then cleaned parts, one per line. */
function expectedNodeText(item: DiagramNode): string {
  const parts = [item.label, item.detail, item.cost]
    .map((p) => (p === null ? "" : cleanLabel(p)))
    .filter((p) => p !== "");
  const mark = statusPrefix(item.status);
  if (parts.length > 0) return mark + parts.join("<br>");
  return mark + (cleanLabel(item.id) || "\u00A0");
}

function expectedGroupTitle(item: DiagramGroup): string {
  const parts = [item.label, item.detail, item.cost]
    .map((p) => (p === null ? "" : cleanLabel(p)))
    .filter((p) => p !== "");
  const mark = statusPrefix(item.status);
  if (parts.length > 0) return mark + parts.join(" · ");
  return mark + (cleanLabel(item.id) || "\u00A0");
}

function expectedEdgeText(e: DiagramEdge): string {
  const text =
    e.label ?? (e.kind === "privatelink" ? "PrivateLink" : e.kind === "alias" ? "alias" : null);
  return text === null ? "" : cleanLabel(text);
}

/**
 * Parsed text as the reader sees it: without the word joiners (U+2060) renderMermaid puts
 * inside "ﬂ°" and "¶ß" (cleanLabel removes any from the input, so all of them are ours).
 */
const shown = (text: string | undefined) => text?.replaceAll("\u2060", "");

/** The title as front matter should carry it: cleaned, `& < >` as look-alikes. */
const expectedTitle = (title: string) =>
  cleanLabel(title, 100).replace(/[&<>]/g, (ch) => ({ "&": "＆", "<": "‹", ">": "›" })[ch] ?? ch);

/** Groups in the order mermaid lists subgraphs: each after its nested groups (post-order). */
function groupsPostOrder(
  items: readonly DiagramItem[],
  order: (items: readonly DiagramItem[]) => readonly DiagramItem[] = (i) => i,
): DiagramGroup[] {
  return order(items).flatMap((item) =>
    item.type === "group" ? [...groupsPostOrder(item.children, order), item] : [],
  );
}

/** Nodes in the order renderMermaid declares them (sibling subgraphs in drawingOrder). */
function nodesDeclared(items: readonly DiagramItem[]): DiagramNode[] {
  return drawingOrder(items).flatMap((item) =>
    item.type === "group" ? nodesDeclared(item.children) : [item],
  );
}

/** The legend drawn: "[+] added" … in its order, each in its status's class. */
function legendOf(chart: ParsedFlowchart): string[] {
  return chart.vertices
    .filter((v) => v.id.startsWith("legend_"))
    .map((v) => `${v.text} ${v.classes.join(",")}`);
}

/** The legend a graph should get: one entry per mark its items and edges carry. */
function expectedLegend(graph: DiagramGraph): string[] {
  const present = new Set<DiagramStatus>([
    ...[...walkItems(graph.items)].map(({ item }) => item.status),
    ...graph.edges.map((e) => e.status),
  ]);
  return (["added", "removed", "changed"] as const)
    .filter((status) => present.has(status))
    .map((status) => `${statusPrefix(status)}${status} ${status}`);
}

/**
 * Parse `text` with mermaid and check it drew exactly the graph: one vertex per node, one
 * subgraph per group (with the right members), ids unique and plain, labels that read back
 * as the cleaned text, every edge between the right ends with the right label, and no raw
 * `<script`.
 */
async function expectFaithful(graph: DiagramGraph, text: string): Promise<ParsedFlowchart> {
  expect(text).not.toMatch(/<script/i);
  expect(text.endsWith("\n")).toBe(true);
  expect(text).not.toContain("\r");
  const chart = await parseMermaidFlowchart(text);
  // the legend of the comparison marks (see legendOf) is no item of the graph
  const parsed = {
    ...chart,
    vertices: chart.vertices.filter((v) => !v.id.startsWith("legend_")),
    subgraphs: chart.subgraphs.filter((s) => s.id !== "legend"),
  };
  expect(legendOf(chart)).toEqual(expectedLegend(graph));
  const nodes = [...walkItems(graph.items)].flatMap(({ item }) =>
    item.type === "node" ? [item] : [],
  );
  const groups = groupsPostOrder(graph.items);
  const declaredNodes = nodesDeclared(graph.items);
  const declaredGroups = groupsPostOrder(graph.items, drawingOrder);
  expect(parsed.vertices).toHaveLength(nodes.length);
  expect(parsed.subgraphs).toHaveLength(groups.length);
  const allIds = [...parsed.vertices.map((v) => v.id), ...parsed.subgraphs.map((s) => s.id)];
  expect(new Set(allIds).size).toBe(allIds.length);
  for (const id of allIds) expect(id).toMatch(/^[ng]_[A-Za-z0-9_]+$/);

  // vertices come back in definition order, subgraphs in post-order (of the declared order)
  const mermaidId = new Map<DiagramItem, string>();
  declaredNodes.forEach((item, i) => {
    const vertex = parsed.vertices[i];
    expect(shown(vertex?.text)).toBe(expectedNodeText(item));
    if (vertex) mermaidId.set(item, vertex.id);
  });
  declaredGroups.forEach((item, i) => {
    const sub = parsed.subgraphs[i];
    expect(shown(sub?.title)).toBe(expectedGroupTitle(item));
    if (sub) mermaidId.set(item, sub.id);
  });
  for (const [i, item] of declaredGroups.entries()) {
    const members = item.children.map((child) => mermaidId.get(child));
    expect([...(parsed.subgraphs[i]?.nodes ?? [])].sort()).toEqual([...members].sort());
  }

  // an edge end names the first node with that id, else the first group
  const resolve = (id: string) => {
    const item = nodes.find((n) => n.id === id) ?? groups.find((g) => g.id === id);
    return item === undefined ? undefined : mermaidId.get(item);
  };
  expect(parsed.edges).toHaveLength(graph.edges.length);
  graph.edges.forEach((e, i) => {
    const got = parsed.edges[i];
    expect(shown(got?.text)).toBe(expectedEdgeText(e));
    expect(got?.start).toBe(resolve(e.from));
    expect(got?.end).toBe(resolve(e.to));
  });
  return parsed;
}

describe("renderMermaid", () => {
  it("draws the article's architecture as nested subgraphs with AWS classes", async () => {
    const text = renderMermaid(ARCHITECTURE);
    const parsed = await expectFaithful(ARCHITECTURE, text);
    expect(parsed.direction).toBe("TB");
    const l = lines(text);
    expect(l.slice(0, 5)).toEqual([
      "---",
      'title: "PrivateLink deep dive"',
      "---",
      "flowchart TB",
      // sibling subgraphs last-first (see drawingOrder): Mermaid draws them reversed
      'subgraph g_external["[+] SaaS providers (PrivateLink)"]',
    ]);
    expect(l).toContain('subgraph g_account_consumer["consumer · account 111111111111"]');
    expect(l).toContain('subgraph g_region_consumer_eu_west_2["eu-west-2"]');
    expect(l).toContain(
      'subgraph g_vpc_consumer_vpc["consumer-vpc · 10.0.0.0/16 · 1 AZ · $40.15/mo"]',
    );
    expect(l).toContain('subgraph g_az_consumer_vpc_eu_west_2a["eu-west-2a"]');
    expect(l).toContain(
      'subgraph g_subnet_consumer_vpc_private_a["private-a · private · 10.0.1.0/24"]',
    );
    // added and removed items carry their mark before the label
    expect(l).toContain('subgraph g_external["[+] SaaS providers (PrivateLink)"]');
    // one shape per node kind
    expect(l).toContain('n_workload_consumer_vpc_app["App<br/>workload"]');
    expect(l).toContain(
      'n_eni_consumer_vpc_provider_api_eu_west_2a["provider-api<br/>ENI · interface · vpce-svc<br/>$7.30/mo"]',
    );
    expect(l).toContain('n_endpoint_consumer_vpc_s3["s3<br/>gateway · s3"]');
    expect(l).toContain('n_endpoint_consumer_vpc_inspect["inspect<br/>GWLB"]');
    expect(l).toContain('n_route_table_consumer_vpc_private["private routes"]');
    expect(l).toContain(
      'n_nat_consumer_vpc_nat_a["[-] nat-a<br/>NAT gateway · public<br/>$32.85/mo"]',
    );
    expect(l).toContain(
      'n_zone_api_provider_internal[("api.provider.internal<br/>private hosted zone")]',
    );
    expect(l).toContain('n_aws_eu_west_2_s3("Amazon S3")');
    expect(l).toContain('n_endpoint_service_api{{"api-endpoint-service"}}');
    expect(l).toContain('n_lb_provider_vpc_api_nlb[["api-nlb<br/>NLB"]]');
    expect(l).toContain('n_target_provider_vpc_api_nlb["Your Service<br/>targets"]');
    expect(l).toContain('n_saas_datadog("[+] Datadog<br/>com.amazonaws.vpce…")');
    // subgraphs close with `end`, nested; the last is the legend's
    expect(l.filter((x) => x === "end")).toHaveLength(10 + 1);
    expect(l).toContain('subgraph legend["Legend"]');
    expect(l).toContain('legend_added["[+] added"]');
    expect(l).toContain('legend_removed["[-] removed"]');
    // one arrow per edge kind
    expect(l).toContain(
      "n_workload_consumer_vpc_app --> n_eni_consumer_vpc_provider_api_eu_west_2a",
    );
    expect(l).toContain(
      'n_eni_consumer_vpc_provider_api_eu_west_2a ==>|"PrivateLink"| n_endpoint_service_api',
    );
    expect(l).toContain("n_endpoint_service_api --> n_lb_provider_vpc_api_nlb");
    expect(l).toContain(
      'n_zone_api_provider_internal -.->|"alias"| n_eni_consumer_vpc_provider_api_eu_west_2a',
    );
    expect(l).toContain("n_route_table_consumer_vpc_private -.-> n_endpoint_consumer_vpc_s3");
    expect(l).toContain('n_workload_consumer_vpc_app ==>|"PrivateLink"| n_saas_datadog');
    expect(parsed.edges.map((e) => e.stroke)).toEqual([
      "normal",
      "thick",
      "normal",
      "normal",
      "dotted",
      "dotted",
      "normal",
      "thick",
      "normal",
    ]);
    // classes: AWS group colours, service categories, comparison marks
    expect(l).toContain("classDef account fill:none,stroke:#CD2264,stroke-width:2px,color:#CD2264");
    expect(l).toContain(
      "classDef region fill:none,stroke:#00A4A6,stroke-width:1px,stroke-dasharray:6 4,color:#147EBA",
    );
    expect(l).toContain("classDef vpc fill:none,stroke:#8C4FFF,stroke-width:2px,color:#8C4FFF");
    expect(l).toContain(
      "classDef az fill:none,stroke:#147EBA,stroke-width:1px,stroke-dasharray:6 4,color:#147EBA",
    );
    expect(l).toContain(
      "classDef subnetPrivate fill:#E6F6F7,stroke:#00A4A6,stroke-width:1px,color:#147EBA",
    );
    expect(l).toContain(
      "classDef subnetPublic fill:#F2F6E8,stroke:#7AA116,stroke-width:1px,color:#248814",
    );
    expect(l).toContain(
      "classDef external fill:none,stroke:#5A6C86,stroke-width:1px,stroke-dasharray:6 4,color:#5A6C86",
    );
    expect(l).toContain("class g_account_consumer,g_account_provider account");
    expect(l).toContain("class g_subnet_consumer_vpc_private_a subnetPrivate");
    expect(l).toContain("class g_subnet_consumer_vpc_public_a subnetPublic");
    expect(l).toContain("class n_workload_consumer_vpc_app,n_target_provider_vpc_api_nlb compute");
    expect(l).toContain("class n_aws_eu_west_2_s3 awsService");
    expect(l).toContain("class n_saas_datadog saas");
    expect(l).toContain("class n_nat_consumer_vpc_nat_a,g_subnet_consumer_vpc_public_a removed");
    expect(l).toContain("class n_saas_datadog,g_external added");
    const network = l.find((x) => x.startsWith("class ") && x.endsWith(" network"));
    expect(network?.split(" ")[1]?.split(",")).toEqual([
      "n_eni_consumer_vpc_provider_api_eu_west_2a",
      "n_nat_consumer_vpc_nat_a",
      "n_endpoint_consumer_vpc_s3",
      "n_endpoint_consumer_vpc_inspect",
      "n_route_table_consumer_vpc_private",
      "n_zone_api_provider_internal",
      "n_endpoint_service_api",
      "n_lb_provider_vpc_api_nlb",
    ]);
    // edges: PrivateLink purple, added green, removed red dashed
    expect(l).toContain("linkStyle 1 stroke:#8C4FFF");
    expect(l).toContain("linkStyle 7 stroke:#1D8102,stroke-width:3px");
    expect(l).toContain("linkStyle 8 stroke:#D13212,stroke-width:2px,stroke-dasharray:5 5");
    expect(parsed.edges[8]?.style).toContain("stroke-dasharray:5 5");
    // the parser applied the classes
    const subnet = parsed.subgraphs.find((s) => s.id === "g_subnet_consumer_vpc_public_a");
    expect(subnet?.classes).toEqual(["subnetPublic", "removed"]);
    expect(parsed.vertices.find((v) => v.id === "n_saas_datadog")?.classes).toEqual([
      "saas",
      "added",
    ]);
    const shapes = Object.fromEntries(parsed.vertices.map((v) => [v.id, v.type]));
    expect(shapes).toMatchObject({
      n_endpoint_service_api: "hexagon",
      n_lb_provider_vpc_api_nlb: "subroutine",
      n_zone_api_provider_internal: "cylinder",
      n_aws_eu_west_2_s3: "round",
      n_workload_consumer_vpc_app: "square",
    });
  });

  it("renders a small graph exactly", () => {
    const graph: DiagramGraph = {
      title: "",
      items: [
        group("vpc:a", "vpc", "a", [
          node("w", "workload", "web"),
          node("e", "interface-endpoint", "ecr"),
        ]),
      ],
      edges: [edge("w", "e", "uses")],
    };
    expect(renderMermaid(graph, { direction: "LR" })).toBe(
      [
        "flowchart LR",
        '  subgraph g_vpc_a["a"]',
        '    n_w["web"]',
        '    n_e["ecr"]',
        "  end",
        "  n_w --> n_e",
        "  classDef vpc fill:none,stroke:#8C4FFF,stroke-width:2px,color:#8C4FFF",
        "  classDef network fill:#F4EFFF,stroke:#8C4FFF,stroke-width:1px,color:#232F3E",
        "  classDef compute fill:#FDF1E6,stroke:#ED7100,stroke-width:1px,color:#232F3E",
        "  class g_vpc_a vpc",
        "  class n_e network",
        "  class n_w compute",
        "",
      ].join("\n"),
    );
  });

  it("is deterministic and leaves its input alone", () => {
    const before = JSON.stringify(ARCHITECTURE);
    const a = renderMermaid(ARCHITECTURE);
    expect(renderMermaid(ARCHITECTURE)).toBe(a);
    expect(JSON.stringify(ARCHITECTURE)).toBe(before);
  });

  it("links edges to groups and rejects edges to unknown ids", async () => {
    const graph: DiagramGraph = {
      title: "t",
      items: [group("g", "vpc", "v", [node("n", "workload", "w")]), node("m", "saas", "s")],
      edges: [edge("m", "g", "privatelink")],
    };
    const text = renderMermaid(graph);
    expect(text).toContain('n_m ==>|"PrivateLink"| g_g');
    await parseMermaid(text);
    expect(() => renderMermaid({ ...graph, edges: [edge("m", "nope", "uses")] })).toThrow(
      /unknown item "nope"/,
    );
  });

  it("keeps ids apart that only differ in punctuation, and keeps nodes apart from groups", async () => {
    const graph: DiagramGraph = {
      title: "ids",
      items: [
        group("a b", "vpc", "1", [node("a-b", "workload", "2"), node("a_b", "workload", "3")]),
        node("a:b", "saas", "4"),
        node("a_b_2", "saas", "5"),
        node("dup", "saas", "6"),
        node("dup", "saas", "7"),
      ],
      edges: [],
    };
    const text = renderMermaid(graph);
    const l = lines(text);
    expect(l).toContain('subgraph g_a_b["1"]');
    expect(l).toContain('n_a_b["2"]');
    expect(l).toContain('n_a_b_2["3"]');
    expect(l).toContain('n_a_b_3("4")');
    expect(l).toContain('n_a_b_2_2("5")');
    expect(l).toContain('n_dup("6")');
    expect(l).toContain('n_dup_2("7")');
    await expectFaithful(graph, text);
  });
});

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "a & b &amp; &lt;",
  '"quotes"',
  "'single'",
  "]",
  "[",
  "-->",
  "%%",
  "%%{init: {'theme':'dark'}}%%",
  "end",
  "graph",
  "subgraph",
  "class",
  "style: x #35; y;",
  "classDef k fill:#f00;",
  ";",
  "#",
  "#quot;",
  "#35;",
  "`backticks`",
  "{}",
  "|",
  "a|b",
  "line1\nline2\r\nline3",
  "\u0000\u0007\u001b[31mred",
  "x".repeat(200),
  "中文ラベル 🚀🔒",
  "ﬂ°°60¶ß",
  "\\",
  "a-->b",
  "a b",
  "o",
  "x",
  "\u2028sep\u2029",
  "",
  "   ",
];

function hostileGraph(s: string): DiagramGraph {
  return {
    title: s,
    items: [
      group(
        s,
        "account",
        s,
        [
          group(
            `${s}/sub`,
            "subnet",
            s,
            [
              node(s, "workload", s, { detail: s, cost: s }),
              node(`${s}-zone`, "hosted-zone", s),
              node(`${s}-es`, "endpoint-service", s, { status: "added" }),
            ],
            { detail: s, status: "removed" },
          ),
        ],
        { detail: s, cost: s },
      ),
      node(`${s}-lb`, "load-balancer", s),
      node(`${s}-saas`, "saas", s),
    ],
    edges: [
      edge(s, `${s}-es`, "privatelink", s),
      edge(`${s}-zone`, s, "alias", s, "added"),
      edge(`${s}-es`, `${s}-lb`, "targets", s, "removed"),
      edge(`${s}-lb`, `${s}-saas`, "route", s),
      edge(s, `${s}-saas`, "uses", null),
    ],
  };
}

/** Every hostile string at once: in node ids and labels, edge labels, a group and the title. */
function hostileZoo(): DiagramGraph {
  return {
    title: HOSTILE.join(" "),
    items: [
      group(
        "zoo",
        "subnet",
        HOSTILE.slice(0, 12).join(" "),
        [
          ...HOSTILE.map((s, i) =>
            node(`n${i}:${s}`, NODE_KINDS[i % NODE_KINDS.length] ?? "workload", s, { detail: s }),
          ),
        ],
        { detail: "public", status: "removed" },
      ),
    ],
    edges: HOSTILE.slice(1).map((s, i) => edge(`n${i}:${HOSTILE[i]}`, `n${i + 1}:${s}`, "uses", s)),
  };
}

describe("renderMermaid with hostile text", () => {
  it("mermaid.parse accepts one graph holding every hostile string", async () => {
    const text = renderMermaid(hostileZoo());
    await parseMermaid(text);
    await expectFaithful(hostileZoo(), text);
  });

  for (const s of HOSTILE) {
    it(`survives ${JSON.stringify(s.length > 30 ? `${s.slice(0, 30)}…` : s)} in ids, labels, edges and the title`, async () => {
      const graph = hostileGraph(s);
      const text = renderMermaid(graph);
      await expectFaithful(graph, text);
      expect(text).not.toContain("%%{");
      expect(text).not.toMatch(/<(?!br\/>)/);
      const front = /^---\n(.*)\n---\n/.exec(text);
      if (expectedTitle(s) === "") expect(front).toBeNull();
      else expect(shown(parseYaml(front?.[1] ?? "").title)).toBe(expectedTitle(s));
    });
  }
});

describe("renderMermaid on the examples", () => {
  const names = ["consumer-provider", "saas-monitoring", "shared-services", "prod"];
  for (const name of names) {
    it(`${name}: the vpcs and subnets detail levels parse`, async () => {
      const topology = exampleTopology(name);
      const est = estimate(topology, bundledCatalog());
      for (const detail of ["vpcs", "subnets"] as const) {
        const graph = toGraph(topology, { detail, estimate: est, routeTables: true });
        await expectFaithful(graph, renderMermaid(graph, { direction: "LR" }));
      }
    });
  }
});

const textArb = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      "'",
      "#",
      ";",
      "%",
      "&",
      "<",
      ">",
      "[",
      "]",
      "{",
      "}",
      "(",
      ")",
      "|",
      "`",
      ":",
      "-->",
      "end",
      " ",
      "\n",
      "\u0000",
      "中",
      "🚀",
      "ﬂ°",
      "¶ß",
      "a",
      "1",
      "_",
      "-",
    ),
    maxLength: 10,
  }),
);

interface ItemSpec {
  isGroup: boolean;
  id: string;
  parent: number;
  nodeKind: NodeKind;
  groupKind: GroupKind;
  label: string;
  detail: string | null;
  cost: string | null;
  status: DiagramStatus;
}

function buildGraph(
  title: string,
  specs: ItemSpec[],
  edgeSpecs: {
    from: number;
    to: number;
    kind: EdgeKind;
    label: string | null;
    status: DiagramStatus;
  }[],
): DiagramGraph {
  const top: DiagramItem[] = [];
  const groups: DiagramGroup[] = [];
  const all: DiagramItem[] = [];
  for (const s of specs) {
    const item: DiagramItem = s.isGroup
      ? group(s.id, s.groupKind, s.label, [], { detail: s.detail, cost: s.cost, status: s.status })
      : node(s.id, s.nodeKind, s.label, { detail: s.detail, cost: s.cost, status: s.status });
    const parent = groups[s.parent % (groups.length + 1)];
    (parent ? parent.children : top).push(item);
    if (item.type === "group") groups.push(item);
    all.push(item);
  }
  const edges =
    all.length === 0
      ? []
      : edgeSpecs.map((e) => {
          const from = all[e.from % all.length]?.id ?? "";
          const to = all[e.to % all.length]?.id ?? "";
          return edge(from, to, e.kind, e.label, e.status);
        });
  return { title, items: top, edges };
}

describe("renderMermaid property", () => {
  it("always parses, with unique plain ids and labels that read back", async () => {
    const itemArb = fc.record({
      isGroup: fc.boolean(),
      id: textArb,
      parent: fc.nat(20),
      nodeKind: fc.constantFrom(...NODE_KINDS),
      groupKind: fc.constantFrom(...GROUP_KINDS),
      label: textArb,
      detail: fc.option(textArb),
      cost: fc.option(textArb),
      status: fc.constantFrom(...STATUSES),
    });
    const edgeArb = fc.record({
      from: fc.nat(30),
      to: fc.nat(30),
      kind: fc.constantFrom(...EDGE_KINDS),
      label: fc.option(textArb),
      status: fc.constantFrom(...STATUSES),
    });
    await fc.assert(
      fc.asyncProperty(
        textArb,
        fc.array(itemArb, { maxLength: 8 }),
        fc.array(edgeArb, { maxLength: 6 }),
        fc.constantFrom("TB" as const, "LR" as const),
        async (title, specs, edgeSpecs, direction) => {
          // graph ids unique, as DiagramGraph promises, so edge ends are unambiguous
          const seen = new Set<string>();
          const unique = specs.filter((s) => !seen.has(s.id) && seen.add(s.id));
          const graph = buildGraph(title, unique, edgeSpecs);
          const text = renderMermaid(graph, { direction });
          const parsed = await expectFaithful(graph, text);
          expect(parsed.direction).toBe(direction);
        },
      ),
      { numRuns: 50 },
    );
  });
});

// Skips only when no Chromium exists and LINKPLAN_REQUIRE_BROWSER is not "1".
const noBrowser = findChromium() === null && !browserRequired;

interface Drawn {
  svgHasScript: boolean;
  alerted: boolean;
  title: string | null;
  nodes: { id: string; classes: string; text: string }[];
  clusters: { id: string; classes: string; text: string; stroke: string; dash: string }[];
  edgeLabels: string[];
  edges: { stroke: string; dash: string; width: string }[];
}

/** Browser-side: draw with mermaid.render and read back what a reader would see. */
const DRAW = `async (src) => {
  window.alerted = false;
  window.alert = () => { window.alerted = true; };
  window.mermaid.initialize({ startOnLoad: false });
  const { svg } = await window.mermaid.render("d" + Math.random().toString(36).slice(2), src);
  document.body.innerHTML = svg;
  await new Promise((r) => setTimeout(r, 10));
  const text = (e) => {
    if (!e) return "";
    const c = e.cloneNode(true);
    c.querySelectorAll("br").forEach((b) => b.replaceWith("\\n"));
    return c.textContent;
  };
  const css = (e) => (e ? getComputedStyle(e) : { stroke: "", strokeDasharray: "", strokeWidth: "" });
  return {
    svgHasScript: /<script/i.test(svg),
    alerted: window.alerted,
    title: document.querySelector(".flowchartTitleText")?.textContent ?? null,
    nodes: [...document.querySelectorAll("g.node")].map((g) => ({
      id: g.id, classes: g.getAttribute("class"), text: text(g.querySelector(".nodeLabel")),
    })),
    clusters: [...document.querySelectorAll("g.cluster")].map((g) => ({
      id: g.id, classes: g.getAttribute("class"), text: text(g.querySelector(".nodeLabel")),
      stroke: css(g.querySelector("rect")).stroke, dash: css(g.querySelector("rect")).strokeDasharray,
    })),
    edgeLabels: [...document.querySelectorAll("g.edgeLabel")].map(text),
    edges: [...document.querySelectorAll("path.flowchart-link")].map((p) => ({
      stroke: css(p).stroke, dash: css(p).strokeDasharray, width: css(p).strokeWidth,
    })),
  };
}`;

describe.skipIf(noBrowser)("renderMermaid drawn by mermaid in headless Chromium", () => {
  const page = useBrowserPage({ mermaid: true });

  const draw = async (text: string) =>
    (await page().evaluate(`(${DRAW})(${JSON.stringify(text)})`)) as Drawn;

  /** What was drawn but the legend of the comparison marks (its nodes and subgraph). */
  const withoutLegend = (drawn: Drawn): Drawn => ({
    ...drawn,
    nodes: drawn.nodes.filter((n) => !n.id.includes("legend_")),
    clusters: drawn.clusters.filter((c) => !/(^|-)legend$/.test(c.id)),
  });

  it("shows hostile labels as plain text and runs no script", async () => {
    const zoo = hostileZoo();
    const drawn = withoutLegend(await draw(renderMermaid(zoo)));
    expect(drawn.svgHasScript).toBe(false);
    expect(drawn.alerted).toBe(false);
    expect(drawn.title).toBe(expectedTitle(zoo.title));
    const nodes = [...walkItems(zoo.items)].flatMap(({ item }) =>
      item.type === "node" ? [item] : [],
    );
    expect(drawn.nodes.map((n) => shown(n.text))).toEqual(
      nodes.map((n) => expectedNodeText(n).replaceAll("<br>", "\n")),
    );
    const zooGroup = zoo.items[0] as DiagramGroup;
    expect(drawn.clusters.map((c) => shown(c.text))).toEqual([expectedGroupTitle(zooGroup)]);
    expect(drawn.edgeLabels.map(shown)).toEqual(zoo.edges.map(expectedEdgeText));
  });

  it("colours the architecture: AWS group styles, comparison marks, edge kinds", async () => {
    const all = await draw(renderMermaid(ARCHITECTURE));
    expect(all.nodes.filter((n) => n.id.includes("legend_")).map((n) => n.text)).toEqual([
      "[+] added",
      "[-] removed",
    ]);
    const drawn = withoutLegend(all);
    expect(drawn.nodes).toHaveLength(12);
    const cluster = (id: string) => drawn.clusters.find((c) => c.id.endsWith(id));
    expect(cluster("g_account_consumer")?.stroke).toBe("rgb(205, 34, 100)");
    expect(cluster("g_az_consumer_vpc_eu_west_2a")?.dash).toBe("6px, 4px");
    expect(cluster("g_subnet_consumer_vpc_private_a")?.classes).toContain("subnetPrivate");
    expect(cluster("g_subnet_consumer_vpc_public_a")).toMatchObject({
      stroke: "rgb(209, 50, 18)",
      dash: "5px, 5px",
    });
    expect(cluster("g_external")?.stroke).toBe("rgb(29, 129, 2)");
    const datadog = drawn.nodes.find((n) => n.id.includes("n_saas_datadog"));
    expect(datadog?.classes).toContain("added");
    expect(drawn.edges.map((e) => e.stroke)).toEqual([
      "rgb(51, 51, 51)",
      "rgb(140, 79, 255)",
      "rgb(51, 51, 51)",
      "rgb(51, 51, 51)",
      "rgb(51, 51, 51)",
      "rgb(51, 51, 51)",
      "rgb(51, 51, 51)",
      "rgb(29, 129, 2)",
      "rgb(209, 50, 18)",
    ]);
    expect(drawn.edges[4]?.dash).toBe("2px");
    expect(drawn.edges[8]?.dash).toBe("5px, 5px");
    expect(drawn.edgeLabels.filter((l) => l !== "")).toEqual([
      "PrivateLink",
      "alias",
      "PrivateLink",
    ]);
  });
});
