import { describe, expect, it } from "vitest";
import { usd } from "../../helpers/money.js";
import { model, network, priced, ref, res, subnetRefs, tableRefs } from "./terraformFixtures.js";

describe("the article's services, mapped, validated and estimated", () => {
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
