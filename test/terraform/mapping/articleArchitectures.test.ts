import { describe, expect, it } from "vitest";
import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import type { TerraformModel } from "../../../src/terraform/terraformModel.js";
import { parseUsage } from "../../../src/terraform/usage/parseUsage.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
import { usd } from "../../helpers/money.js";
import { model, network, ref, res, subnetRefs, tableRefs } from "./terraformFixtures.js";

const catalog = bundledCatalog();

function priced(m: TerraformModel, options: Parameters<typeof mapTerraform>[1] = {}) {
  const mapped = mapTerraform(m, options);
  const topology = parseTopology(mapped.topology);
  return { ...mapped, parsed: topology, estimate: estimate(topology, catalog) };
}

/** The article's endpoints: ECR interface endpoints with an SG, S3 and DynamoDB gateways. */
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

  it("provider NLB + endpoint service, consumer endpoint + private zone + alias (two provider aliases)", () => {
    const provider = { provider: "aws.provider" };
    const consumer = { provider: "aws.consumer" };
    const m = model(
      [
        ...network("main", "eu-west-2", "10.0.0.0/16", "aws.provider"),
        res(
          "aws_lb.api",
          {
            name: "api-nlb",
            internal: true,
            load_balancer_type: "network",
            subnets: subnetRefs("main"),
            enable_cross_zone_load_balancing: true,
          },
          provider,
        ),
        res("aws_lb_target_group.api", { port: 8080, protocol: "TCP" }, provider),
        res(
          "aws_lb_listener.api",
          { load_balancer_arn: ref("aws_lb.api", "arn"), port: 443, protocol: "TCP" },
          provider,
        ),
        res(
          "aws_vpc_endpoint_service.api",
          {
            acceptance_required: true,
            network_load_balancer_arns: [ref("aws_lb.api", "arn")],
            allowed_principals: [
              "arn:aws:iam::111111111111:root",
              "arn:aws:iam::222222222222:root",
            ],
            tags: { Name: "api-endpoint-service" },
          },
          provider,
        ),
        ...network("consumer", "eu-west-2", "10.1.0.0/16", "aws.consumer"),
        res(
          "aws_vpc_endpoint.provider_api",
          {
            vpc_id: ref("aws_vpc.consumer"),
            service_name: ref("aws_vpc_endpoint_service.api", "service_name"),
            vpc_endpoint_type: "Interface",
            subnet_ids: subnetRefs("consumer"),
            private_dns_enabled: false,
          },
          consumer,
        ),
        res(
          "aws_route53_zone.provider_api",
          { name: "api.provider.internal", vpc: [{ vpc_id: ref("aws_vpc.consumer") }] },
          consumer,
        ),
        res(
          "aws_route53_record.provider_api",
          {
            zone_id: ref("aws_route53_zone.provider_api", "zone_id"),
            name: "api.provider.internal",
            type: "A",
            alias: [
              {
                name: ref("aws_vpc_endpoint.provider_api", "dns_entry[0].dns_name"),
                zone_id: ref("aws_vpc_endpoint.provider_api", "dns_entry[0].hosted_zone_id"),
                evaluate_target_health: true,
              },
            ],
          },
          consumer,
        ),
      ],
      { "aws.provider": { region: "eu-west-2" }, "aws.consumer": { region: "eu-west-2" } },
    );
    const { topology, estimate: e, warnings } = priced(m);
    expect(topology.accounts.map((a) => a.id)).toEqual(["provider", "consumer"]);
    expect(topology.accounts.map((a) => a.name)).toEqual(["aws.provider", "aws.consumer"]);
    const [providerAccount, consumerAccount] = topology.accounts;
    expect(providerAccount?.endpointServices?.[0]).toMatchObject({
      id: "api",
      name: "api-endpoint-service",
      vpc: "main",
      loadBalancer: "api",
      acceptanceRequired: true,
    });
    expect(providerAccount?.vpcs?.[0]?.loadBalancers?.[0]).toMatchObject({
      id: "api",
      name: "api-nlb",
      type: "network",
      azs: ["eu-west-2a", "eu-west-2b"],
      crossZone: true,
      listenerPorts: [443],
    });
    expect(consumerAccount?.vpcs?.[0]?.endpoints?.[0]).toMatchObject({
      id: "provider-api",
      endpointService: "api",
    });
    expect(consumerAccount?.hostedZones?.[0]).toMatchObject({
      id: "provider-api",
      private: true,
      vpcs: ["consumer"],
      records: [
        { name: "api.provider.internal", type: "A", aliasToEndpoint: "consumer/provider-api" },
      ],
    });
    // endpoint 2 ENIs × 730 × 0.011 = 16.06; NLB 730 × 0.02646 = 19.3158; zone 0.50
    expect(e.totals.monthly).toBe(usd("35.8758"));
    expect(warnings.find((w) => w.message.startsWith("aws_lb_target_group"))?.message).toBe(
      "aws_lb_target_group: 1 resource not modelled (free or out of scope): aws_lb_target_group.api",
    );
  });

  it("SaaS endpoint with for_each alias records (Datadog)", () => {
    const dns = ref("aws_vpc_endpoint.datadog", "dns_entry[0].dns_name");
    const m = model([
      ...network("main", "us-east-1", "10.0.0.0/16"),
      res("aws_vpc_endpoint.datadog", {
        vpc_id: ref("aws_vpc.main"),
        service_name: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef",
        vpc_endpoint_type: "Interface",
        subnet_ids: subnetRefs("main"),
        security_group_ids: [ref("aws_security_group.datadog")],
        private_dns_enabled: false,
      }),
      res("aws_security_group.datadog", { name: "datadog", vpc_id: ref("aws_vpc.main") }),
      res("aws_route53_zone.datadog", {
        name: "datadoghq.com",
        vpc: [{ vpc_id: ref("aws_vpc.main") }],
      }),
      ...["agent-http-intake.logs", "api"].map((key) =>
        res(`aws_route53_record.datadog["${key}"]`, {
          zone_id: ref("aws_route53_zone.datadog", "zone_id"),
          name: `${key}.datadoghq.com`,
          type: "A",
          alias: [{ name: dns, evaluate_target_health: true }],
        }),
      ),
    ]);
    const { topology, estimate: e } = priced(m);
    const vpc = topology.accounts[0]?.vpcs?.[0];
    expect(vpc?.endpoints?.[0]).toMatchObject({
      id: "datadog",
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef",
      securityGroups: ["datadog"],
    });
    expect(topology.accounts[0]?.hostedZones?.[0]?.records).toEqual([
      { name: "agent-http-intake.logs.datadoghq.com", type: "A", aliasToEndpoint: "main/datadog" },
      { name: "api.datadoghq.com", type: "A", aliasToEndpoint: "main/datadog" },
    ]);
    // 2 ENIs × 730 × 0.01 = 14.60 + zone 0.50
    expect(e.totals.monthly).toBe(usd("15.1"));
  });

  it("the S3 endpoint policy, as jsonencode's text or as an object", () => {
    const policy = {
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: ["arn:aws:s3:::my-bucket/*"],
        },
      ],
    };
    const endpoint = (name: string, value: unknown) =>
      res(`aws_vpc_endpoint.${name}`, {
        vpc_id: ref("aws_vpc.main"),
        service_name: "com.amazonaws.us-east-1.s3",
        route_table_ids: tableRefs("main"),
        policy: value,
      });
    const m = model([
      ...network("main", "us-east-1", "10.0.0.0/16"),
      endpoint("s3", JSON.stringify(policy)),
      endpoint("s3_object", policy),
      endpoint("s3_unknown", ref("data.aws_iam_policy_document.s3", "json")),
      endpoint("s3_separate", undefined),
      res("aws_vpc_endpoint_policy.s3_separate", {
        vpc_endpoint_id: ref("aws_vpc_endpoint.s3_separate"),
        policy: JSON.stringify(policy),
      }),
    ]);
    const { topology, estimate: e, warnings } = priced(m);
    const endpoints = topology.accounts[0]?.vpcs?.[0]?.endpoints ?? [];
    expect(endpoints.map((x) => [x.id, x.type])).toEqual([
      ["s3", "gateway"],
      ["s3-object", "gateway"],
      ["s3-unknown", "gateway"],
      ["s3-separate", "gateway"],
    ]);
    expect(endpoints[3]).toMatchObject({ policy: JSON.stringify(policy) });
    expect(endpoints[0]).toMatchObject({ policy: JSON.stringify(policy) });
    expect(endpoints[1]).toMatchObject({ policy });
    expect(endpoints[2]).not.toHaveProperty("policy");
    expect(warnings).toContainEqual({
      message: "policy is not a JSON object known statically: left out",
      address: "aws_vpc_endpoint.s3_unknown",
    });
    expect(e.totals.monthly).toBe(0n);
  });
});
