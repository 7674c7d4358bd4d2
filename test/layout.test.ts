import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/core/displayWidth.js";
import type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  GroupKind,
} from "../src/diagram/graph/diagramGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene, SceneBox, ScenePoint } from "../src/diagram/layout/scene.js";

// ---------------------------------------------------------------------------------------
// building graphs by hand

function node(
  id: string,
  label: string,
  detail: string | null = null,
  cost: string | null = null,
): DiagramNode {
  return { type: "node", id, kind: "workload", label, detail, cost, status: "unchanged" };
}

function group(
  id: string,
  kind: GroupKind,
  label: string,
  children: DiagramItem[],
  detail: string | null = null,
): DiagramGroup {
  return { type: "group", id, kind, label, detail, cost: null, status: "unchanged", children };
}

function edge(id: string, from: string, to: string, label: string | null = null): DiagramEdge {
  return { id, from, to, kind: "privatelink", label, status: "unchanged" };
}

/** The article's first picture: consumer VPC (App → endpoint) over provider VPC (NLB → service). */
const consumerProvider: DiagramGraph = {
  title: "consumer-provider",
  items: [
    group("provider", "account", "Provider", [
      group("provider-vpc", "vpc", "Provider VPC", [
        node("nlb", "Endpoint Service", "(NLB)"),
        node("service", "Your Service"),
      ]),
    ]),
    group("consumer", "account", "Consumer", [
      group("consumer-vpc", "vpc", "Consumer VPC", [
        node("app", "App"),
        node("endpoint", "VPC Endpoint", "(Interface)"),
      ]),
    ]),
  ],
  edges: [
    edge("e1", "app", "endpoint"),
    edge("e2", "endpoint", "nlb", "Private (AWS backbone)"),
    edge("e3", "nlb", "service"),
  ],
};

/** The article's second picture: one shared-services account and three workload accounts. */
const sharedServices: DiagramGraph = {
  title: "shared-services",
  items: [
    group("shared", "account", "Shared Services", [node("svc", "Endpoint Svc", "(API, Auth)")]),
    ...["A", "B", "C"].map((w) =>
      group(
        `workload-${w}`,
        "account",
        `Workload ${w}`,
        [node(`ep-${w}`, "VPC Endpoint")],
        "Account",
      ),
    ),
  ],
  edges: ["A", "B", "C"].map((w) => edge(`link-${w}`, `ep-${w}`, "svc", "PrivateLink")),
};

// ---------------------------------------------------------------------------------------
// geometry helpers

const boxById = (scene: Scene, id: string): SceneBox => {
  const box = scene.boxes.find((b) => b.id === id);
  if (!box) throw new Error(`no box ${id}`);
  return box;
};

const inside = (p: ScenePoint, b: SceneBox): boolean =>
  p.x >= b.x && p.x < b.x + b.width && p.y >= b.y && p.y < b.y + b.height;

/** Whether p is the cell just outside one of b's sides (not diagonal to a corner). */
const beside = (p: ScenePoint, b: SceneBox): boolean => {
  const alongX = p.x >= b.x && p.x < b.x + b.width;
  const alongY = p.y >= b.y && p.y < b.y + b.height;
  return (
    (alongX && (p.y === b.y - 1 || p.y === b.y + b.height)) ||
    (alongY && (p.x === b.x - 1 || p.x === b.x + b.width))
  );
};

/** Every cell an orthogonal polyline runs through. */
function cellsOf(points: readonly ScenePoint[]): ScenePoint[] {
  const cells: ScenePoint[] = [];
  points.forEach((p, i) => {
    const q = points[i + 1];
    if (!q) {
      if (i === 0) cells.push(p);
      return;
    }
    const steps = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    for (let k = 0; k < steps; k++) {
      cells.push({ x: p.x + Math.sign(q.x - p.x) * k, y: p.y + Math.sign(q.y - p.y) * k });
    }
    if (i === points.length - 2) cells.push(q);
  });
  return cells;
}

/** The ids of a box and all its ancestors. */
function lineage(scene: Scene, id: string): Set<string> {
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  const out = new Set<string>();
  for (let b = byId.get(id); b; b = b.parent === null ? undefined : byId.get(b.parent)) {
    out.add(b.id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// random graphs: account › region › vpc › az › subnet, nodes at every level

const labelArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("App", "VPC Endpoint", "ecr.api", "NLB", "s3", "") },
  { weight: 2, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "共有サービスのエンドポイント",
      "エンドポイント・サービス (NLB) 東京リージョン本番環境アカウント",
      "a very long label that certainly goes past the forty cell limit of cleanLabel",
      "tab\tand\nnewline",
      "emoji 😀 label",
    ),
  },
);

interface NodeSpec {
  label: string;
  detail: string | null;
  cost: string | null;
}
interface GroupSpec {
  label: string;
  nodes: NodeSpec[];
  groups: GroupSpec[];
  nodesFirst: boolean;
}

const nodeArb: fc.Arbitrary<NodeSpec> = fc.record({
  label: labelArb,
  detail: fc.option(labelArb, { nil: null }),
  cost: fc.option(fc.constantFrom("$21.90/mo", "$0.00/mo", "$1,234.56/mo"), { nil: null }),
});

function groupArb(
  inner: fc.Arbitrary<GroupSpec> | null,
  maxGroups: number,
  maxNodes: number,
): fc.Arbitrary<GroupSpec> {
  const none: GroupSpec[] = [];
  return fc.record({
    label: labelArb,
    nodes: fc.array(nodeArb, { maxLength: maxNodes }),
    groups: inner ? fc.array(inner, { maxLength: maxGroups }) : fc.constant(none),
    nodesFirst: fc.boolean(),
  });
}

const subnetArb = groupArb(null, 0, 3);
const azArb = groupArb(subnetArb, 2, 2);
const vpcArb = groupArb(azArb, 3, 2);
const regionArb = groupArb(vpcArb, 2, 1);
const accountArb = groupArb(regionArb, 2, 1);

const graphArb: fc.Arbitrary<DiagramGraph> = fc
  .record({
    accounts: fc.array(accountArb, { maxLength: 2 }),
    nodes: fc.array(nodeArb, { maxLength: 2 }),
    edges: fc.array(
      fc.record({ from: fc.nat(), to: fc.nat(), label: fc.option(labelArb, { nil: null }) }),
      { maxLength: 8 },
    ),
  })
  .map(({ accounts, nodes, edges }) => {
    let next = 0;
    const nodeIds: string[] = [];
    const kinds: GroupKind[] = ["account", "region", "vpc", "az", "subnet"];
    const makeNode = (spec: NodeSpec): DiagramNode => {
      const id = `n${next++}`;
      nodeIds.push(id);
      return node(id, spec.label, spec.detail, spec.cost);
    };
    const makeGroup = (spec: GroupSpec, depth: number): DiagramGroup => {
      const id = `g${next++}`;
      const ns = spec.nodes.map(makeNode);
      const gs = spec.groups.map((g) => makeGroup(g, depth + 1));
      const children = spec.nodesFirst ? [...ns, ...gs] : [...gs, ...ns];
      return group(
        id,
        kinds[depth] ?? "subnet",
        spec.label,
        children,
        depth === 2 ? "10.0.0.0/16" : null,
      );
    };
    const items: DiagramItem[] = [...accounts.map((a) => makeGroup(a, 0)), ...nodes.map(makeNode)];
    const diagramEdges =
      nodeIds.length === 0
        ? []
        : edges.map((e, i) =>
            edge(
              `e${i}`,
              nodeIds[e.from % nodeIds.length] ?? "",
              nodeIds[e.to % nodeIds.length] ?? "",
              e.label,
            ),
          );
    return { title: "random", items, edges: diagramEdges };
  });

const RUNS = { numRuns: 100 };

// ---------------------------------------------------------------------------------------

describe("layout: boxes", () => {
  it("sizes a node box to its cleaned text lines", () => {
    const scene = layout({
      title: "t",
      items: [node("a", "データ\tbase", "interface · ecr.api", "$21.90/mo")],
      edges: [],
    });
    const a = boxById(scene, "a");
    expect(a.lines).toEqual(["データ base", "interface · ecr.api", "$21.90/mo"]);
    expect(a.width).toBe(Math.max(...a.lines.map(displayWidth)) + 4);
    expect(a.height).toBe(5);
    expect(scene.width).toBe(a.x + a.width + 1);
    expect(scene.height).toBe(a.y + a.height + 1);
  });

  it("cuts a group header that does not fit and keeps children inside", () => {
    const long = "x".repeat(40);
    const scene = layout({
      title: "t",
      items: [
        {
          ...group("g", "vpc", long, [node("a", "A")]),
          detail: "y".repeat(40),
          cost: "$1.00/mo",
        },
      ],
      edges: [],
    });
    const g = boxById(scene, "g");
    const header = g.lines[0] ?? "";
    // cut in the middle: the start and the cost at the end stay
    expect(header).toContain("…");
    expect(header.endsWith("$1.00/mo")).toBe(true);
    expect(displayWidth(header)).toBeLessThanOrEqual(g.width - 4);
    expect(header.startsWith(long)).toBe(true);
  });

  it("lists parents before children, with ids, kinds, depths and statuses copied", () => {
    const scene = layout(consumerProvider);
    const seen = new Set<string>();
    for (const b of scene.boxes) {
      if (b.parent !== null) expect(seen.has(b.parent)).toBe(true);
      seen.add(b.id);
    }
    expect(boxById(scene, "consumer").depth).toBe(0);
    expect(boxById(scene, "consumer-vpc").parent).toBe("consumer");
    expect(boxById(scene, "app")).toMatchObject({ role: "node", kind: "workload", depth: 2 });
    expect(scene.boxes).toHaveLength(8);
  });

  it("puts an edge's source account above its target account (consumer over provider)", () => {
    const scene = layout(consumerProvider);
    const consumer = boxById(scene, "consumer");
    const provider = boxById(scene, "provider");
    expect(consumer.y + consumer.height).toBeLessThan(provider.y);
    // inside a VPC the source comes first, left to right
    expect(boxById(scene, "app").x).toBeLessThan(boxById(scene, "endpoint").x);
    expect(boxById(scene, "nlb").x).toBeLessThan(boxById(scene, "service").x);
  });

  it("puts accounts of one rank side by side, centred on each other", () => {
    const scene = layout(sharedServices);
    const workloads = ["A", "B", "C"].map((w) => boxById(scene, `workload-${w}`));
    const shared = boxById(scene, "shared");
    expect(new Set(workloads.map((w) => w.y)).size).toBe(1);
    for (const w of workloads) expect(w.y + w.height).toBeLessThan(shared.y);
    const left = Math.min(...workloads.map((w) => w.x));
    const right = Math.max(...workloads.map((w) => w.x + w.width));
    const middle = shared.x + shared.width / 2;
    expect(Math.abs(middle - (left + right) / 2)).toBeLessThanOrEqual(1);
  });

  it("lays a VPC's AZs out as equal columns", () => {
    const az = (z: string, n: number) =>
      group(
        `az-${z}`,
        "az",
        `eu-west-2${z}`,
        Array.from({ length: n }, (_, i) => node(`${z}${i}`, `node ${i}`)),
      );
    const scene = layout({
      title: "t",
      items: [group("v", "vpc", "vpc", [az("a", 1), az("b", 5), az("c", 2), node("s3", "S3")])],
      edges: [],
    });
    const azs = ["a", "b", "c"].map((z) => boxById(scene, `az-${z}`));
    expect(new Set(azs.map((b) => b.y)).size).toBe(1);
    expect(new Set(azs.map((b) => b.height)).size).toBe(1);
    expect(azs[0]?.x).toBeLessThan(azs[1]?.x ?? 0);
    expect(azs[1]?.x).toBeLessThan(azs[2]?.x ?? 0);
  });

  it("lays out an empty graph", () => {
    expect(layout({ title: "empty", items: [], edges: [] })).toEqual({
      title: "empty",
      width: 2,
      height: 2,
      boxes: [],
      edges: [],
    });
  });
});

describe("layout: edges", () => {
  it("routes the consumer-provider picture: sideways in the VPC, down across accounts", () => {
    const scene = layout(consumerProvider);
    const [e1, e2] = scene.edges;
    const app = boxById(scene, "app");
    const endpoint = boxById(scene, "endpoint");
    const nlb = boxById(scene, "nlb");
    expect(e1?.points).toHaveLength(2);
    expect(e1?.points[0]?.x).toBe(app.x + app.width);
    expect(e1?.points[1]?.x).toBe(endpoint.x - 1);
    // leaves the endpoint's bottom, enters the NLB's top
    expect(e2?.points[0]?.y).toBe(endpoint.y + endpoint.height);
    expect(e2?.points.at(-1)?.y).toBe(nlb.y - 1);
    expect(e2?.label).toBe("Private (A…backbone)");
    expect(e2?.labelAt).not.toBeNull();
  });

  it("places labels on free cells and copies ids, kinds and statuses", () => {
    const scene = layout(sharedServices);
    expect(scene.edges.map((e) => e.id)).toEqual(["link-A", "link-B", "link-C"]);
    for (const e of scene.edges) {
      expect(e).toMatchObject({ kind: "privatelink", status: "unchanged", label: "PrivateLink" });
      const at = e.labelAt;
      if (!at) continue;
      for (let x = at.x; x < at.x + displayWidth("PrivateLink"); x++) {
        for (const b of scene.boxes.filter((b) => b.role === "node")) {
          expect(inside({ x, y: at.y }, b)).toBe(false);
        }
      }
    }
  });

  it("falls back to an L between a group and a node inside it", () => {
    const scene = layout({
      title: "t",
      items: [group("g", "vpc", "vpc", [node("a", "A")])],
      edges: [edge("in", "g", "a")],
    });
    const points = scene.edges[0]?.points ?? [];
    expect(beside(points[0] ?? { x: -9, y: -9 }, boxById(scene, "g"))).toBe(true);
    expect(beside(points.at(-1) ?? { x: -9, y: -9 }, boxById(scene, "a"))).toBe(true);
    points.forEach((p, i) => {
      const q = points[i + 1];
      if (q) expect(p.x === q.x || p.y === q.y).toBe(true);
    });
  });

  it("leaves out edges naming unknown ids and routes self-loops", () => {
    const scene = layout({
      title: "t",
      items: [node("a", "A"), node("b", "B")],
      edges: [edge("x", "a", "nowhere"), edge("loop", "a", "a"), edge("ab", "a", "b")],
    });
    expect(scene.edges.map((e) => e.id)).toEqual(["loop", "ab"]);
    const loop = scene.edges[0];
    const a = boxById(scene, "a");
    expect(loop && beside(loop.points[0] ?? { x: -9, y: -9 }, a)).toBe(true);
    expect(loop && beside(loop.points.at(-1) ?? { x: -9, y: -9 }, a)).toBe(true);
  });
});

/** Edges whose points are orthogonal, start and end beside their boxes, and cross no other box. */
function expectWellRouted(scene: Scene): void {
  for (const e of scene.edges) {
    const first = e.points[0];
    const last = e.points.at(-1);
    if (!first || !last) throw new Error("edge without points");
    expect(beside(first, boxById(scene, e.from)), `${e.id} start`).toBe(true);
    expect(beside(last, boxById(scene, e.to)), `${e.id} end`).toBe(true);
    e.points.forEach((p, i) => {
      const q = e.points[i + 1];
      if (q) expect(p.x === q.x || p.y === q.y).toBe(true);
    });
    const allowed = new Set([...lineage(scene, e.from), ...lineage(scene, e.to)]);
    const others = scene.boxes.filter((b) => !allowed.has(b.id));
    for (const cell of cellsOf(e.points)) {
      const hit = others.find((b) => inside(cell, b));
      expect(hit, `${e.id} at ${cell.x},${cell.y} in ${hit?.id}`).toBeUndefined();
    }
  }
}

describe("layout: big diagrams", () => {
  it("routes many long edges (level by level where one search would be too big)", () => {
    const accounts = 10;
    const items: DiagramItem[] = Array.from({ length: accounts }, (_, a) =>
      group(`account-${a}`, "account", `Workload ${a}`, [
        group(`vpc-${a}`, "vpc", `vpc ${a}`, [
          ...["a", "b", "c"].map((z) =>
            group(
              `az-${a}${z}`,
              "az",
              `eu-west-2${z}`,
              [0, 1, 2, 3].map((k) => node(`ep-${a}${z}${k}`, `endpoint ${k}`)),
            ),
          ),
          node(`shared-api-${a}`, "shared-api"),
        ]),
      ]),
    );
    items.push(group("shared", "account", "Shared", [node("svc", "endpoint service")]));
    const graph: DiagramGraph = {
      title: "hub",
      items,
      edges: Array.from({ length: accounts }, (_, a) =>
        edge(`e${a}`, `shared-api-${a}`, "svc", "PrivateLink"),
      ),
    };
    const scene = layout(graph);
    expect(scene.edges).toHaveLength(accounts);
    expectWellRouted(scene);
    expect(layout(graph)).toEqual(scene);
  });
});

describe("layout: properties of random graphs", () => {
  it("(1) sibling boxes neither overlap nor touch, and leave gutters", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const scene = layout(graph);
        const byParent = new Map<string | null, SceneBox[]>();
        for (const b of scene.boxes) byParent.set(b.parent, [...(byParent.get(b.parent) ?? []), b]);
        for (const siblings of byParent.values()) {
          siblings.forEach((a, i) => {
            for (const b of siblings.slice(i + 1)) {
              const gapX = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
              const gapY = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
              expect(gapX >= 3 || gapY >= 2, `${a.id} / ${b.id}`).toBe(true);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it("(2) every child lies strictly inside its parent's border, below its header", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const scene = layout(graph);
        const byId = new Map(scene.boxes.map((b) => [b.id, b]));
        for (const b of scene.boxes) {
          expect(b.x).toBeGreaterThanOrEqual(1);
          expect(b.y).toBeGreaterThanOrEqual(1);
          expect(b.x + b.width).toBeLessThan(scene.width);
          expect(b.y + b.height).toBeLessThan(scene.height);
          if (b.parent === null) continue;
          const p = byId.get(b.parent);
          if (!p) throw new Error("missing parent");
          expect(b.x).toBeGreaterThan(p.x);
          expect(b.x + b.width).toBeLessThan(p.x + p.width);
          expect(b.y).toBeGreaterThan(p.y + 1);
          expect(b.y + b.height).toBeLessThan(p.y + p.height);
        }
        for (const b of scene.boxes) {
          for (const line of b.lines) expect(displayWidth(line)).toBeLessThanOrEqual(b.width - 4);
          expect(b.lines.length).toBeLessThanOrEqual(b.height - 2);
        }
      }),
      RUNS,
    );
  });

  it("(3) edges are orthogonal and start and end just outside their boxes", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const scene = layout(graph);
        expect(scene.edges).toHaveLength(graph.edges.length);
        for (const e of scene.edges) {
          const first = e.points[0];
          const last = e.points.at(-1);
          if (!first || !last) throw new Error("edge without points");
          expect(beside(first, boxById(scene, e.from)), `${e.id} start`).toBe(true);
          expect(beside(last, boxById(scene, e.to)), `${e.id} end`).toBe(true);
          e.points.forEach((p, i) => {
            const q = e.points[i + 1];
            if (!q) return;
            expect(p.x === q.x || p.y === q.y).toBe(true);
            expect(p.x === q.x && p.y === q.y).toBe(false);
          });
          for (const p of e.points) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.y).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThan(scene.width);
            expect(p.y).toBeLessThan(scene.height);
          }
        }
      }),
      RUNS,
    );
  });

  it("(4) edges only pass through their own boxes and the groups around them", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const scene = layout(graph);
        expectWellRouted(scene);
        for (const e of scene.edges) {
          if (e.label !== null) expect(displayWidth(e.label)).toBeLessThanOrEqual(20);
        }
      }),
      RUNS,
    );
  });

  it("(5) the AZs of one VPC share their top and height", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const scene = layout(graph);
        const vpcs = new Set(scene.boxes.filter((b) => b.kind === "vpc").map((b) => b.id));
        const azsByVpc = new Map<string, SceneBox[]>();
        for (const b of scene.boxes) {
          if (b.kind !== "az" || b.parent === null || !vpcs.has(b.parent)) continue;
          azsByVpc.set(b.parent, [...(azsByVpc.get(b.parent) ?? []), b]);
        }
        for (const azs of azsByVpc.values()) {
          expect(new Set(azs.map((b) => b.y)).size).toBe(1);
          expect(new Set(azs.map((b) => b.height)).size).toBe(1);
        }
      }),
      RUNS,
    );
  });

  it("(6) is deterministic: the same graph gives the same scene", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        expect(layout(structuredClone(graph))).toEqual(layout(graph));
      }),
      RUNS,
    );
  });
});
