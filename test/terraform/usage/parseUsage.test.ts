import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import { parseUsage } from "../../../src/terraform/usage/parseUsage.js";
import { addressType } from "../../../src/terraform/usage/usageSchema.js";
import { usageTemplate } from "../../../src/terraform/usage/usageTemplate.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
import { caught } from "../../helpers/caught.js";
import { usd } from "../../helpers/money.js";
import { model, network, ref, res, subnetRefs } from "../mapping/terraformFixtures.js";

/** Everything usage-priced: endpoints (module for_each), NAT, NLB, zone, TGW attachment. */
function pricedModel() {
  return model([
    ...network("main", "us-east-1", "10.0.0.0/16"),
    ...["logs", "sts"].map((key) =>
      res(`module.endpoints.aws_vpc_endpoint.this["${key}"]`, {
        vpc_id: ref("aws_vpc.main"),
        service_name: `com.amazonaws.us-east-1.${key}`,
        vpc_endpoint_type: "Interface",
        subnet_ids: subnetRefs("main"),
      }),
    ),
    res("aws_vpc_endpoint.s3", {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.s3",
    }),
    res("aws_nat_gateway.main", { subnet_id: ref("aws_subnet.main_private[0]") }),
    res("aws_lb.api", { load_balancer_type: "network", subnets: subnetRefs("main") }),
    res("aws_lb.web", { load_balancer_type: "application", subnets: subnetRefs("main") }),
    res("aws_route53_zone.api", { name: "api.internal", vpc: [{ vpc_id: ref("aws_vpc.main") }] }),
    res("aws_ec2_transit_gateway.hub", {}),
    res("aws_ec2_transit_gateway_vpc_attachment.main", {
      transit_gateway_id: ref("aws_ec2_transit_gateway.hub"),
      vpc_id: ref("aws_vpc.main"),
    }),
  ]);
}

describe("parseUsage", () => {
  it("accepts the issue's shape, with [*] and module addresses", () => {
    const usage = parseUsage(
      parse(`
version: 1
defaults:
  aws_vpc_endpoint: { gbPerMonth: 100 }
  aws_nat_gateway: { gbPerMonth: 200 }
resources:
  aws_vpc_endpoint.ecr_api: { gbPerMonth: 500 }
  module.vpc_endpoints.aws_vpc_endpoint.interface["logs"]: { gbPerMonth: 2000 }
  module.vpc_endpoints.aws_vpc_endpoint.interface[*]: { trafficSources: [{ az: us-east-1c, gbPerMonth: 5 }] }
  aws_lb.api: { traffic: { gbPerMonth: 300, newConnectionsPerSecond: 20, activeConnections: 1000 } }
  aws_route53_zone.provider_api: { queriesPerMonth: 3000000 }
  aws_ec2_transit_gateway_vpc_attachment.a: { gbPerMonth: 1 }
`),
    );
    expect(usage.defaults.aws_nat_gateway).toEqual({ gbPerMonth: 200 });
    expect(usage.resources["aws_lb.api"]).toEqual({
      traffic: {
        gbPerMonth: 300,
        newConnectionsPerSecond: 20,
        activeConnections: 1000,
        protocol: "tcp",
      },
    });
    expect(usage.resources['module.vpc_endpoints.aws_vpc_endpoint.interface["logs"]']).toEqual({
      gbPerMonth: 2000,
    });
  });

  it("typos get the topology's did-you-mean messages, at their paths", () => {
    const error = caught(() =>
      parseUsage({
        version: 1,
        defaults: { aws_vpc_endpoints: { gbPerMonth: 1 } },
        resources: {
          "aws_vpc_endpoint.a": { gbPerMonht: 5 },
          "aws_nat_gateway.n": { gbPerMonth: -1 },
          "aws_lb.api": { traffic: { gbPerMonth: 1, newConnections: 3 } },
        },
      }),
    );
    expect(error.code).toBe("invalid_request");
    expect(error.problems).toEqual(
      expect.arrayContaining([
        {
          path: "defaults",
          message: 'unknown key "aws_vpc_endpoints" (did you mean "aws_vpc_endpoint"?)',
        },
        {
          path: 'resources["aws_vpc_endpoint.a"]',
          message: 'unknown key "gbPerMonht" (did you mean "gbPerMonth"?)',
        },
        expect.objectContaining({ path: 'resources["aws_nat_gateway.n"].gbPerMonth' }),
        expect.objectContaining({ path: 'resources["aws_lb.api"].traffic' }),
      ]),
    );
  });

  it("rejects another version, types not priced by usage, and non-addresses", () => {
    const error = caught(() =>
      parseUsage({ version: 2, resources: { "aws_instance.x": {}, "not an address": {} } }),
    );
    expect(error.problems).toEqual([
      { path: "version", message: "must be one of 1, got a number (2)" },
      {
        path: 'resources["aws_instance.x"]',
        message:
          "aws_instance is not priced by usage; usage applies to aws_vpc_endpoint, aws_nat_gateway, aws_lb, aws_route53_zone, aws_ec2_transit_gateway_vpc_attachment",
      },
      {
        path: 'resources["not an address"]',
        message:
          "not a Terraform resource address (e.g. aws_vpc_endpoint.s3, module.m.aws_lb.api[*])",
      },
    ]);
  });

  it("reads the resource type of any address", () => {
    expect(addressType('module.a["k"].module.b[0].aws_lb.api[*]')).toBe("aws_lb");
    expect(addressType('aws_vpc_endpoint.this["ecr.api"]')).toBe("aws_vpc_endpoint");
    expect(addressType("aws_lb")).toBeUndefined();
  });
});

describe("usage applied by mapTerraform", () => {
  it("exact address over [*] over defaults, field by field; every usage-priced kind", () => {
    const usage = parseUsage({
      version: 1,
      defaults: {
        aws_vpc_endpoint: { gbPerMonth: 100 },
        aws_nat_gateway: { gbPerMonth: 1000, destinations: [{ service: "s3", gbPerMonth: 400 }] },
      },
      resources: {
        "module.endpoints.aws_vpc_endpoint.this[*]": { gbPerMonth: 10 },
        'module.endpoints.aws_vpc_endpoint.this["logs"]': {
          trafficSources: [{ region: "us-west-2", gbPerMonth: 5 }],
        },
        'module.endpoints.aws_vpc_endpoint.this["sts"]': { gbPerMonth: 20 },
        "aws_lb.api": { traffic: { gbPerMonth: 300 } },
        "aws_route53_zone.api": { queriesPerMonth: 3_000_000 },
        "aws_ec2_transit_gateway_vpc_attachment.main": { gbPerMonth: 50 },
        "aws_lb.web": { traffic: { gbPerMonth: 1 } },
        "aws_vpc_endpoint.gone": { gbPerMonth: 1 },
        "module.other.aws_vpc_endpoint.x[*]": { gbPerMonth: 1 },
      },
    });
    const { topology, warnings } = mapTerraform(pricedModel(), { usage });
    const vpc = topology.accounts[0]?.vpcs?.[0];
    const endpoints = vpc?.endpoints ?? [];
    expect(endpoints.find((e) => e.id === "logs")).toMatchObject({
      gbPerMonth: 10,
      trafficSources: [{ region: "us-west-2", gbPerMonth: 5 }],
    });
    expect(endpoints.find((e) => e.id === "sts")?.gbPerMonth).toBe(20);
    expect(endpoints.find((e) => e.id === "s3")?.gbPerMonth).toBe(100);
    expect(vpc?.natGateways?.[0]).toMatchObject({
      gbPerMonth: 1000,
      destinations: [{ service: "s3", gbPerMonth: 400 }],
    });
    expect(vpc?.loadBalancers?.[0]?.traffic).toMatchObject({ gbPerMonth: 300 });
    expect(topology.accounts[0]?.hostedZones?.[0]?.queriesPerMonth).toBe(3_000_000);
    expect(topology.accounts[0]?.transitGateways?.[0]?.attachments?.[0]?.gbPerMonth).toBe(50);
    expect(warnings.map((w) => w.message).filter((m) => m.startsWith("usage for"))).toEqual([
      "usage for aws_lb.web: matches no usage-priced resource of this configuration",
      "usage for aws_vpc_endpoint.gone: matches no usage-priced resource of this configuration",
      "usage for module.other.aws_vpc_endpoint.x[*]: matches no usage-priced resource of this configuration",
    ]);
    expect(warnings.some((w) => w.message.startsWith("depends on usage"))).toBe(false);
    const e = estimate(parseTopology(topology), bundledCatalog());
    expect(e.totals.monthly > usd("0")).toBe(true);
  });

  it("usage on the endpoints priced: hours + GB by hand", () => {
    const usage = parseUsage({
      version: 1,
      resources: { "module.endpoints.aws_vpc_endpoint.this[*]": { gbPerMonth: 1000 } },
    });
    const m = pricedModel();
    m.resources = m.resources.filter(
      (r) => r.type === "aws_vpc" || r.type === "aws_subnet" || r.type === "aws_vpc_endpoint",
    );
    const { topology } = mapTerraform(m, { usage });
    // 2 endpoints × 2 AZs × 730 h × 0.01 = 29.20; 2000 GB × 0.01 = 20
    expect(estimate(parseTopology(topology), bundledCatalog()).totals.monthly).toBe(usd("49.2"));
  });
});

describe("usageTemplate", () => {
  it("lists every usage-priced address with zeros, and parses back", () => {
    const text = usageTemplate(pricedModel());
    expect(text).toMatch(/^# linkplan usage file/);
    const usage = parseUsage(parse(text));
    expect(Object.keys(usage.resources)).toEqual([
      'module.endpoints.aws_vpc_endpoint.this["logs"]',
      'module.endpoints.aws_vpc_endpoint.this["sts"]',
      "aws_nat_gateway.main",
      "aws_lb.api",
      "aws_route53_zone.api",
      "aws_ec2_transit_gateway_vpc_attachment.main",
    ]);
    expect(usage.resources["aws_nat_gateway.main"]).toEqual({ gbPerMonth: 0 });
    const { warnings } = mapTerraform(pricedModel(), { usage });
    expect(warnings.filter((w) => w.message.startsWith("usage for"))).toEqual([]);
  });
});
