import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { CELL_HEIGHT, CELL_WIDTH, type Scene, type SceneBox } from "../src/diagram/layout/scene.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { exampleTopology } from "./helpers/examples.js";

/** The box with this id (fails the test when there is none). */
function boxOf(scene: Scene, id: string): SceneBox {
  const box = scene.boxes.find((b) => b.id === id);
  if (!box) throw new Error(`no box ${id}`);
  return box;
}

/** A provider VPC of three AZs whose NLB has nodes in two of them. */
const PARTIAL = `
name: partial
accounts:
  - id: p
    vpcs:
      - id: v
        region: eu-west-2
        azs: [eu-west-2a, eu-west-2b, eu-west-2c]
        loadBalancers:
          - id: nlb
            azs: [eu-west-2b, eu-west-2c]
            targets: api
`;

/** One VPC both consuming (an ENI in each AZ) and providing (its NLB) one service. */
const LOOP = `
name: loop
accounts:
  - id: p
    vpcs:
      - id: v
        region: eu-west-2
        azs: [eu-west-2a, eu-west-2b]
        endpoints:
          - { id: own, type: interface, endpointService: svc }
        loadBalancers:
          - id: nlb
    endpointServices:
      - { id: svc, vpc: v, loadBalancer: nlb }
`;

/** A VPC of three AZs with `count` NLBs, the i-th in AZ i mod 3 only; or two VPCs (`pair`). */
function perAz(count: number): string {
  const azs = ["eu-west-2a", "eu-west-2b", "eu-west-2c"];
  const lbs = Array.from(
    { length: count },
    (_, i) => `          - { id: nlb-${i}, azs: [${azs[i % 3]}] }`,
  ).join("\n");
  return `name: per-az
accounts:
  - id: p
    vpcs:
      - id: v
        region: eu-west-2
        azs: [${azs.join(", ")}]
        loadBalancers:
${lbs}
`;
}

describe("a load balancer at azs and subnets detail is drawn across its AZs", () => {
  for (const detail of ["azs", "subnets"] as const) {
    for (const icons of [false, true]) {
      it(`provider-service (${detail}${icons ? ", icons" : ""}): a bar under its three AZs, as wide as they are`, () => {
        const scene = layout(toGraph(exampleTopology("provider-service"), { detail }), { icons });
        const lb = boxOf(scene, "lb:provider-vpc/api-nlb");
        const azs = ["a", "b", "c"].map((z) => boxOf(scene, `az:provider-vpc/eu-west-2${z}`));
        const [first, , last] = azs;
        expect(lb.parent).toBe("vpc:provider-vpc");
        expect(lb.x).toBe(first?.x);
        expect(lb.x + lb.width).toBe((last?.x ?? 0) + (last?.width ?? 0));
        for (const az of azs) expect(lb.y).toBeGreaterThan(az.y + az.height);
      });
    }
  }

  it("spans only the AZs it has nodes in", () => {
    const topology = parseTopology(parseDocument(PARTIAL));
    const scene = layout(toGraph(topology, { detail: "azs" }));
    const lb = boxOf(scene, "lb:v/nlb");
    const b = boxOf(scene, "az:v/eu-west-2b");
    const c = boxOf(scene, "az:v/eu-west-2c");
    expect(lb.x).toBe(b.x);
    expect(lb.x + lb.width).toBe(c.x + c.width);
    expect(lb.y).toBeGreaterThan(b.y + b.height);
  });

  it("is a box of its own when its AZs also feed its endpoint service (no loop of rows)", () => {
    const topology = parseTopology(parseDocument(LOOP));
    const scene = layout(toGraph(topology, { detail: "azs" }));
    const lb = boxOf(scene, "lb:v/nlb");
    const service = boxOf(scene, "endpoint-service:svc");
    expect(lb.width).toBe(Math.max(...lb.lines.map((l) => l.length)) + 4);
    // the chain reads in order (left to right, then down): ENIs (in the AZs), endpoint
    // service, load balancer
    const readsAfter = (a: SceneBox, b: SceneBox) => a.y > b.y || (a.y === b.y && a.x > b.x);
    expect(readsAfter(lb, service)).toBe(true);
    expect(readsAfter(service, boxOf(scene, "az:v/eu-west-2b"))).toBe(true);
  });

  it("bars over different AZs share a row; past four rows of them, load balancers are boxes", () => {
    const three = layout(toGraph(parseTopology(parseDocument(perAz(3))), { detail: "azs" }));
    const ys = [0, 1, 2].map((i) => boxOf(three, `lb:v/nlb-${i}`).y);
    expect(new Set(ys).size).toBe(1);
    ["a", "b", "c"].forEach((z, i) => {
      const az = boxOf(three, `az:v/eu-west-2${z}`);
      const lb = boxOf(three, `lb:v/nlb-${i}`);
      expect([lb.x, lb.x + lb.width]).toEqual([az.x, az.x + az.width]);
    });
    // 12 fill four rows; 13 do not fit: drawn as boxes, wrapping toward the aspect
    const twelve = layout(toGraph(parseTopology(parseDocument(perAz(12))), { detail: "azs" }));
    const rows = new Set([...Array(12).keys()].map((i) => boxOf(twelve, `lb:v/nlb-${i}`).y));
    expect(rows.size).toBe(4);
    const many = layout(toGraph(parseTopology(parseDocument(perAz(200))), { detail: "azs" }));
    const lb = boxOf(many, "lb:v/nlb-0");
    expect(lb.width).toBe(Math.max(...lb.lines.map((l) => l.length)) + 4);
    const aspect = (many.width * CELL_WIDTH) / (many.height * CELL_HEIGHT);
    expect(aspect).toBeGreaterThan(1 / 3);
  });

  it("--collapse folds only VPCs whose load balancers span the same AZs", () => {
    const vpc = (id: string, azs: string) => `      - id: ${id}
        region: eu-west-2
        azs: [eu-west-2a, eu-west-2b, eu-west-2c]
        loadBalancers:
          - { id: nlb, azs: [${azs}] }`;
    const yaml = (second: string) => `name: fold
accounts:
  - id: p
    vpcs:
${vpc("v1", "eu-west-2a, eu-west-2b")}
${vpc("v2", second)}
`;
    const folded = (second: string) =>
      layout(
        toGraph(parseTopology(parseDocument(yaml(second))), { detail: "azs", collapse: true }),
      ).boxes.filter((b) => b.kind === "vpc").length;
    expect(folded("eu-west-2a, eu-west-2b")).toBe(1);
    expect(folded("eu-west-2b, eu-west-2c")).toBe(2);
  });

  it("stays a box of its own at vpcs detail (no AZs to span)", () => {
    const scene = layout(toGraph(exampleTopology("provider-service"), { detail: "vpcs" }));
    const lb = boxOf(scene, "lb:provider-vpc/api-nlb");
    expect(lb.width).toBe(Math.max(...lb.lines.map((l) => l.length)) + 4);
  });
});
