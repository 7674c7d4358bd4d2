import { describe, expect, it } from "vitest";
import { formatQuantity, formatRate } from "../../../src/core/money.js";
import { estimateToJson } from "../../../src/report/estimateJson.js";
import { formatEstimateMarkdown } from "../../../src/report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../../../src/report/formatEstimateTable.js";
import { parseUsage } from "../../../src/terraform/usage/parseUsage.js";
import { usd } from "../../helpers/money.js";
import { model, network, priced, ref, res, subnetRefs } from "./terraformFixtures.js";

/** Every usage-priced kind, imported without usage. */
function everyUsageKind() {
  return model([
    ...network("main", "us-east-1", "10.0.0.0/16"),
    res("aws_vpc_endpoint.ecr_api", {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.ecr.api",
      vpc_endpoint_type: "Interface",
      subnet_ids: subnetRefs("main"),
    }),
    res("aws_vpc_endpoint.s3", {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.s3",
    }),
    res("aws_nat_gateway.private", {
      subnet_id: ref("aws_subnet.main_private[0]"),
      connectivity_type: "private",
    }),
    res("aws_lb.api", {
      load_balancer_type: "network",
      internal: true,
      subnets: subnetRefs("main"),
    }),
    res("aws_route53_zone.internal", {
      name: "internal.example",
      vpc: [{ vpc_id: ref("aws_vpc.main") }],
    }),
    res("aws_ec2_transit_gateway.hub", {}),
    res("aws_ec2_transit_gateway_vpc_attachment.main", {
      transit_gateway_id: ref("aws_ec2_transit_gateway.hub"),
      vpc_id: ref("aws_vpc.main"),
      subnet_ids: subnetRefs("main"),
    }),
  ]);
}

describe("usage-priced lines of imported resources without usage: shown at zero with the rate", () => {
  it("one zero line per usage-priced component, its rate in the description, the resources listed", () => {
    const { estimate: e } = priced(everyUsageKind());
    const pending = e.lines
      .filter((l) => l.description.includes("depends on usage"))
      .map((l) => [l.resource, l.component, formatQuantity(l.quantity), formatRate(l.rate)]);
    expect(pending).toEqual([
      ["ecr-api", "data", "0", "0.01"],
      ["api", "lcu", "0", "0.006"],
      ["private", "data", "0", "0.045"],
      ["internal", "queries", "0", "0.40"],
      ["hub", "data", "0", "0.02"],
    ]);
    expect(
      e.lines.find((l) => l.resource === "ecr-api" && l.component === "data")?.description,
    ).toBe("ecr.api: data processed — depends on usage: $0.01 per GB");
    expect(e.dependsOnUsage).toEqual([
      { account: "default", resource: "ecr-api", terraform: "aws_vpc_endpoint.ecr_api" },
      { account: "default", resource: "api", terraform: "aws_lb.api" },
      { account: "default", resource: "private", terraform: "aws_nat_gateway.private" },
      {
        account: "default",
        resource: "internal",
        terraform: "aws_route53_zone.internal",
      },
      { account: "default", resource: "hub", terraform: "aws_ec2_transit_gateway.hub" },
    ]);
    // hours only: endpoint 2 ENIs × 730 × 0.01 = 14.60, NLB 730 × 0.0225 = 16.425,
    // private NAT 730 × 0.045 = 32.85, zone 0.50, attachment 730 × 0.05 = 36.50
    expect(e.totals.monthly).toBe(usd("100.875"));
    expect(formatEstimateTable(e)).toContain(
      "Depends on usage — 5 resources have no usage (counted at 0; give --usage): ecr-api (aws_vpc_endpoint.ecr_api), api (aws_lb.api), private (aws_nat_gateway.private), internal (aws_route53_zone.internal), hub (aws_ec2_transit_gateway.hub)\n",
    );
    expect(formatEstimateMarkdown(e)).toContain(
      "> Depends on usage — 5 resources have no usage (counted at 0; give --usage): ecr-api (aws\\_vpc\\_endpoint.ecr\\_api),",
    );
    expect(estimateToJson(e).dependsOnUsage).toHaveLength(5);
  });

  it("with usage: the lines are priced and the gaps gone; a topology written by hand has none", () => {
    const usage = parseUsage({
      version: 1,
      defaults: {
        aws_vpc_endpoint: { gbPerMonth: 100 },
        aws_nat_gateway: { gbPerMonth: 200 },
        aws_route53_zone: { queriesPerMonth: 1_000_000 },
        aws_ec2_transit_gateway_vpc_attachment: { gbPerMonth: 50 },
      },
      resources: { "aws_lb.api": { traffic: { gbPerMonth: 730 } } },
    });
    const { estimate: e } = priced(everyUsageKind(), { usage });
    expect(e.dependsOnUsage).toBeUndefined();
    expect(e.lines.some((l) => l.description.includes("depends on usage"))).toBe(false);
    expect(formatEstimateTable(e)).not.toContain("Depends on usage");
    // + 100 × 0.01 + 1 GB/h = 1 NLCU × 730 × 0.006 + 200 × 0.045 + 1 × 0.40 + 50 × 0.02
    expect(e.totals.monthly).toBe(
      usd("100.875") + usd("1") + usd("4.38") + usd("9") + usd("0.4") + usd("1"),
    );
  });
});
