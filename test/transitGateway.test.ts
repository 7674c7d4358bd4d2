import { describe, expect, it } from "vitest";
import { formatMoney } from "../src/core/money.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { renderMermaid } from "../src/diagram/mermaid/renderMermaid.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import type { TopologyInput } from "../src/topology/topologySchema.js";
import { parseMermaidFlowchart } from "./helpers/mermaidParse.js";
import { problemsOf } from "./helpers/topologyProblems.js";

/** A hub account whose transit gateway attaches its own VPC and a VPC of another account. */
function hubAndSpoke(attachments: { vpc: string; gbPerMonth?: number }[]): TopologyInput {
  return {
    name: "tgw",
    accounts: [
      {
        id: "network",
        vpcs: [{ id: "hub", region: "us-east-1", azs: ["us-east-1a"] }],
        transitGateways: [{ id: "core", region: "us-east-1", attachments }],
      },
      {
        id: "app",
        vpcs: [
          { id: "spoke", region: "us-east-1", azs: ["us-east-1a"] },
          { id: "far", region: "eu-west-2", azs: ["eu-west-2a"] },
        ],
      },
    ],
  };
}

describe("transit gateways", () => {
  it("attachment hours and data are billed to the attached VPC's account", () => {
    const topology = parseTopology(
      hubAndSpoke([{ vpc: "hub" }, { vpc: "spoke", gbPerMonth: 250 }]),
    );
    const result = estimate(topology, bundledCatalog());
    const lines = result.lines.map((l) => [l.id, l.account, l.vpc, formatMoney(l.monthly)]);
    // us-east-1 (pricing-facts.md): 0.05 per attachment-hour × 730 h = 36.50, 0.02 per GB
    expect(lines).toEqual([
      ["network/hub/transit-gateway/core/attachment-hours", "network", "hub", "36.50"],
      ["app/spoke/transit-gateway/core/attachment-hours", "app", "spoke", "36.50"],
      // 250 GB × 0.02
      ["app/spoke/transit-gateway/core/data", "app", "spoke", "5.00"],
    ]);
    expect(formatMoney(result.totals.monthly)).toBe("78.00");
    expect(formatMoney(result.totals.hourly)).toBe("0.10");
  });

  it("reports unknown VPCs, VPCs of another region and double attachments", () => {
    expect(
      problemsOf(hubAndSpoke([{ vpc: "hub" }, { vpc: "spok" }, { vpc: "far" }, { vpc: "hub" }])),
    ).toEqual([
      {
        path: "accounts[0].transitGateways[0].attachments[1].vpc",
        message: 'unknown VPC "spok" (did you mean "spoke"?)',
      },
      {
        path: "accounts[0].transitGateways[0].attachments[2].vpc",
        message:
          'VPC "far" is in eu-west-2; a transit gateway in us-east-1 attaches VPCs of its own region',
      },
      {
        path: "accounts[0].transitGateways[0].attachments[3].vpc",
        message: 'VPC "hub" is attached twice to transit gateway "core"',
      },
    ]);
  });

  it("NAT destinations may not exceed the gateway's traffic", () => {
    const input: TopologyInput = {
      name: "nat",
      accounts: [
        {
          id: "a",
          vpcs: [
            {
              id: "v",
              region: "eu-west-2",
              azs: ["eu-west-2a"],
              natGateways: [
                {
                  id: "nat",
                  az: "eu-west-2a",
                  gbPerMonth: 10,
                  destinations: [
                    { service: "s3", gbPerMonth: 6 },
                    { service: "sqs", gbPerMonth: 5 },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(problemsOf(input)).toEqual([
      {
        path: "accounts[0].vpcs[0].natGateways[0].destinations",
        message: "destinations add up to 11 GB, more than the gateway's gbPerMonth (10)",
      },
    ]);
  });

  it("diagrams draw the gateway in its region and an attachment in each VPC", async () => {
    const topology = parseTopology(
      hubAndSpoke([{ vpc: "hub" }, { vpc: "spoke", gbPerMonth: 250 }]),
    );
    const graph = toGraph(topology, { estimate: estimate(topology, bundledCatalog()) });
    expect(graph.edges.filter((e) => e.kind === "attachment").map((e) => [e.from, e.to])).toEqual([
      ["tgw-attachment:hub/core", "tgw:core"],
      ["tgw-attachment:spoke/core", "tgw:core"],
    ]);
    const flowchart = await parseMermaidFlowchart(renderMermaid(graph));
    // 36.50 attachment-hours + 250 GB × 0.02 = 41.50 for the spoke's attachment
    // (in declaration order: the spoke's VPC, declared last-first with the hub's, comes first)
    expect(flowchart.vertices.map((v) => v.text)).toEqual([
      "core attachment<br>transit gateway attachment · 250 GB/mo<br>$41.50/mo",
      "core attachment<br>transit gateway attachment<br>$36.50/mo",
      "core<br>transit gateway · 2 attachments",
    ]);
  });
});
