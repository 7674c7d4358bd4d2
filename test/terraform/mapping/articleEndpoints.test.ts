import { describe, expect, it } from "vitest";
import type { TerraformModel } from "../../../src/terraform/terraformModel.js";
import { parseUsage } from "../../../src/terraform/usage/parseUsage.js";
import { usd } from "../../helpers/money.js";
import { model, network, priced, ref, res, subnetRefs, tableRefs } from "./terraformFixtures.js";

function articleEndpoints(): TerraformModel {
  const interfaceEndpoint = (name: string, service: string, line: number) =>
    res(
      `aws_vpc_endpoint.${name}`,
      {
        vpc_id: ref("aws_vpc.main"),
        service_name: `com.amazonaws.us-east-1.${service}`,
        vpc_endpoint_type: "Interface",
        subnet_ids: subnetRefs("main"),
        security_group_ids: [ref("aws_security_group.vpc_endpoints")],
        private_dns_enabled: true,
        tags: { Name: `${service.replace(".", "-")}-endpoint` },
      },
      { line },
    );
  const gateway = (name: string) =>
    res(`aws_vpc_endpoint.${name}`, {
      vpc_id: ref("aws_vpc.main"),
      service_name: `com.amazonaws.us-east-1.${name}`,
      vpc_endpoint_type: "Gateway",
      route_table_ids: tableRefs("main"),
    });
  return model([
    ...network("main", "us-east-1", "10.0.0.0/16"),
    interfaceEndpoint("ecr_api", "ecr.api", 2),
    interfaceEndpoint("ecr_dkr", "ecr.dkr", 17),
    res("aws_security_group.vpc_endpoints", {
      name_prefix: "vpc-endpoints-",
      vpc_id: ref("aws_vpc.main"),
      ingress: [
        {
          from_port: 443,
          to_port: 443,
          protocol: "tcp",
          cidr_blocks: [ref("aws_vpc.main", "cidr_block")],
        },
      ],
      egress: [{ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] }],
    }),
    gateway("s3"),
    gateway("dynamodb"),
  ]);
}

describe("the article's architectures, mapped, validated and estimated", () => {
  it("interface endpoints with an SG and gateway endpoints: 2 endpoints × 2 AZs × 730 h × $0.01", () => {
    const { topology, parsed, estimate: e, sources, warnings } = priced(articleEndpoints());
    expect(e.totals.monthly).toBe(usd("29.2"));
    const vpc = topology.accounts[0]?.vpcs?.[0];
    expect(vpc).toMatchObject({
      id: "main",
      region: "us-east-1",
      cidr: "10.0.0.0/16",
      azs: ["us-east-1a", "us-east-1b"],
      enableDnsSupport: true,
      enableDnsHostnames: true,
    });
    expect(vpc?.subnets?.map((s) => [s.id, s.az, s.routeTable])).toEqual([
      ["main-private-0", "us-east-1a", "main-private-0"],
      ["main-private-1", "us-east-1b", "main-private-1"],
    ]);
    expect(vpc?.endpoints?.[0]).toMatchObject({
      id: "ecr-api",
      name: "ecr-api-endpoint",
      type: "interface",
      service: "ecr.api",
      subnets: ["main-private-0", "main-private-1"],
      securityGroups: ["vpc-endpoints"],
      privateDns: true,
    });
    expect(vpc?.endpoints?.[2]).toMatchObject({
      id: "s3",
      type: "gateway",
      service: "s3",
      routeTables: ["main-private-0", "main-private-1"],
    });
    expect(vpc?.securityGroups?.[0]?.ingress).toEqual([
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["10.0.0.0/16"] },
    ]);
    expect(vpc?.securityGroups?.[0]?.egress).toEqual([{ protocol: "-1", cidrs: ["0.0.0.0/0"] }]);
    expect(parsed.accounts[0]?.id).toBe("default");
    expect(sources["accounts[0].vpcs[0].endpoints[0]"]).toEqual({
      terraform: "aws_vpc_endpoint.ecr_api",
      file: "main.tf",
      line: 2,
    });
    expect(sources["accounts[0].vpcs[0]"]).toEqual({ terraform: "aws_vpc.main" });
    const usageWarning = warnings.filter((w) => w.message.startsWith("depends on usage"));
    expect(usageWarning).toHaveLength(1);
    expect(usageWarning[0]?.message).toContain(
      "aws_vpc_endpoint.ecr_api, aws_vpc_endpoint.ecr_dkr",
    );
    expect(usageWarning[0]?.message).not.toContain("aws_vpc_endpoint.s3");
  });

  it("with usage: defaults and an exact address add $0.01 per GB processed", () => {
    const usage = parseUsage({
      version: 1,
      defaults: { aws_vpc_endpoint: { gbPerMonth: 100 } },
      resources: { "aws_vpc_endpoint.ecr_api": { gbPerMonth: 500 } },
    });
    const { estimate: e, warnings, topology } = priced(articleEndpoints(), { usage });
    // 29.20 hours + (500 + 100) GB × 0.01
    expect(e.totals.monthly).toBe(usd("35.2"));
    expect(topology.accounts[0]?.vpcs?.[0]?.endpoints?.[0]?.gbPerMonth).toBe(500);
    expect(warnings.some((w) => w.message.startsWith("depends on usage"))).toBe(false);
  });

  it("the endpoints module called from a root module: 13 interface endpoints, ids from keys", () => {
    const services = [
      "ecr.api",
      "ecr.dkr",
      "logs",
      "monitoring",
      "ssm",
      "ssmmessages",
      "ec2messages",
      "secretsmanager",
      "kms",
      "sts",
      "elasticloadbalancing",
      "autoscaling",
      "eks",
    ];
    const m = model(
      [
        ...network("main", "us-east-1", "10.0.0.0/16"),
        ...services.map((s) =>
          res(`module.vpc_endpoints.aws_vpc_endpoint.interface["${s}"]`, {
            vpc_id: ref("aws_vpc.main"),
            service_name: `com.amazonaws.us-east-1.${s}`,
            vpc_endpoint_type: "Interface",
            subnet_ids: subnetRefs("main"),
            private_dns_enabled: true,
          }),
        ),
        ...["s3", "dynamodb"].map((s) =>
          res(`module.vpc_endpoints.aws_vpc_endpoint.gateway["${s}"]`, {
            vpc_id: ref("aws_vpc.main"),
            service_name: `com.amazonaws.us-east-1.${s}`,
            vpc_endpoint_type: "Gateway",
            route_table_ids: tableRefs("main"),
          }),
        ),
      ],
      {},
    );
    const usage = parseUsage({
      version: 1,
      resources: {
        "module.vpc_endpoints.aws_vpc_endpoint.interface[*]": { gbPerMonth: 10 },
        'module.vpc_endpoints.aws_vpc_endpoint.interface["logs"]': { gbPerMonth: 2000 },
      },
    });
    const { estimate: e, topology } = priced(m, { region: "us-east-1", usage });
    // 13 × 2 AZs × 730 h × 0.01 = 189.80; (12 × 10 + 2000) GB × 0.01 = 21.20
    expect(e.totals.monthly).toBe(usd("211"));
    const endpoints = topology.accounts[0]?.vpcs?.[0]?.endpoints ?? [];
    expect(endpoints.map((x) => x.id)).toContain("interface-ecr-api");
    expect(endpoints.find((x) => x.id === "interface-logs")?.gbPerMonth).toBe(2000);
    expect(endpoints.find((x) => x.id === "gateway-s3")).toMatchObject({ type: "gateway" });
  });
});
