import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene, SceneBox } from "../src/diagram/layout/scene.js";
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

  it("stays a box of its own at vpcs detail (no AZs to span)", () => {
    const scene = layout(toGraph(exampleTopology("provider-service"), { detail: "vpcs" }));
    const lb = boxOf(scene, "lb:provider-vpc/api-nlb");
    expect(lb.width).toBe(Math.max(...lb.lines.map((l) => l.length)) + 4);
  });
});
