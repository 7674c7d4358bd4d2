import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { parseTopology } from "../src/topology/parseTopology.js";

const HUB = parseTopology(
  parseDocument(`name: xvpc
accounts:
  - id: a
    vpcs:
      - id: hub
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints: [{ id: ssm, type: interface, service: ssm }]
      - id: spoke
        region: us-east-1
        azs: [us-east-1b]
        workloads: [{ id: app, az: us-east-1b, uses: [hub/ssm] }]
`),
);

describe('a workload using "vpc/endpoint" of another VPC', () => {
  it("is drawn with an edge to that endpoint (its ENI in the workload's AZ at AZ detail)", () => {
    const uses = (detail: "vpcs" | "azs") =>
      toGraph(HUB, { detail })
        .edges.filter((e) => e.kind === "uses")
        .map((e) => [e.from, e.to]);
    const vpcs = uses("vpcs");
    const azs = uses("azs");
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]?.[1]).toMatch(/hub.*ssm/);
    expect(azs).toHaveLength(1);
    expect(azs[0]?.[1]).toMatch(/hub.*ssm.*us-east-1b/);
  });
});
