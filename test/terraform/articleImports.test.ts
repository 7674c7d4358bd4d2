import { describe, expect, it } from "vitest";
import { estimate } from "../../src/estimate/estimate.js";
import { bundledCatalog } from "../../src/pricing/bundledCatalog.js";
import { importTerraform } from "../../src/terraform/importTerraform.js";
import { parseTopology } from "../../src/topology/parseTopology.js";
import { usd } from "../helpers/money.js";
import { readFixture } from "./hcl/readFixture.js";

/** A fixture directory imported from its .tf text, validated and estimated. */
async function imported(name: string, options: { vars?: Record<string, unknown> } = {}) {
  const { topology, warnings } = await importTerraform({ files: readFixture(name), ...options });
  const parsed = parseTopology(topology);
  return { parsed, warnings, estimate: estimate(parsed, bundledCatalog()) };
}

describe("the article's Terraform, from .tf text to a priced topology", () => {
  it("interface endpoints over count subnets (eu-central-1): 4 × 2 AZs × 730 h × 0.012", async () => {
    const { parsed, estimate: e } = await imported("endpoints");
    expect(parsed.accounts[0]?.vpcs[0]?.endpoints.map((x) => x.id)).toContain("interface-logs");
    expect(e.totals.monthly).toBe(usd("70.08"));
    expect(e.dependsOnUsage).toHaveLength(4);
  });

  it("the endpoints module called from a root module: 5 × 3 AZs × 730 h × 0.01; a git module skipped", async () => {
    const { warnings, estimate: e } = await imported("modules");
    expect(e.totals.monthly).toBe(usd("109.5"));
    const transit = warnings.find((w) => w.address === "module.transit");
    expect(transit?.message).toMatch(
      /^main\.tf:47: module\.transit: module source "git::https:\/\/git\.example\.com\/network\/transit\.git\?ref=v1\.4\.0" is not read/,
    );
  });

  it("consumer endpoints + private zones + alias records: 2 × 2 AZs × 730 h × 0.011 + 2 zones × 0.50", async () => {
    const { estimate: e } = await imported("consumer");
    expect(e.totals.monthly).toBe(usd("33.12"));
    // two endpoints and two zones priced per use, none with usage (an endpoint and a zone share an id)
    expect(e.dependsOnUsage?.map((g) => g.terraform).sort()).toEqual([
      "aws_route53_zone.metrics_vendor",
      "aws_route53_zone.partner",
      "aws_vpc_endpoint.metrics_vendor",
      "aws_vpc_endpoint.partner_api",
    ]);
  });

  it("the S3 gateway endpoint with its policy: free, the policy kept", async () => {
    const { parsed, estimate: e } = await imported("s3-policy");
    const endpoint = parsed.accounts[0]?.vpcs[0]?.endpoints[0];
    expect(endpoint?.type).toBe("gateway");
    expect(endpoint && "policy" in endpoint && endpoint.policy).toBeTruthy();
    expect(e.totals.monthly).toBe(0n);
  });

  it("a provider NLB whose subnets are not known: one warning saying why, not counted again as 'not modelled'", async () => {
    const { warnings } = await imported("provider-service", {
      vars: { vpc_id: "vpc-0abc", subnet_ids: ["subnet-a", "subnet-b"] },
    });
    const aboutLb = warnings.filter(
      (w) => w.message.includes("aws_lb.orders") || w.address === "aws_lb.orders",
    );
    expect(aboutLb.map((w) => w.message)).toEqual([
      "network load balancer whose subnets are unknown: not modelled",
    ]);
    expect(warnings.map((w) => w.message)).not.toContainEqual(
      expect.stringContaining("application load balancers"),
    );
  });
});
