import { describe, expect, it } from "vitest";
import { readPlan } from "../../../src/terraform/plan/readPlan.js";
import type { TerraformResource } from "../../../src/terraform/terraformModel.js";
import { planFixture, ref } from "./planFixture.js";

const subnets = [ref("aws_subnet.private[0]"), ref("aws_subnet.private[1]")];
const vpc = ref("aws_vpc.main");

function resource(
  address: string,
  baseAddress: string,
  values: Record<string, unknown>,
  more: Partial<TerraformResource> = {},
): TerraformResource {
  const local = baseAddress.split(".").slice(-2);
  return {
    address,
    baseAddress,
    mode: "managed",
    type: local[0] ?? "",
    name: local[1] ?? "",
    values,
    unknown: [],
    provider: "aws",
    ...more,
  };
}

function interfaceEndpoint(key: string): TerraformResource {
  return resource(
    `aws_vpc_endpoint.interface["${key}"]`,
    "aws_vpc_endpoint.interface",
    {
      private_dns_enabled: true,
      service_name: `com.amazonaws.eu-west-1.${key}`,
      tags: null,
      vpc_endpoint_type: "Interface",
      security_group_ids: [ref("aws_security_group.endpoints"), "sg-0shared"],
      subnet_ids: subnets,
      vpc_id: vpc,
    },
    { key },
  );
}

const sqs = 'module.endpoints.aws_vpc_endpoint.this["sqs"]';

describe("readPlan: a plan (terraform show -json plan.out)", () => {
  const model = readPlan(planFixture("endpoints-plan.json"));

  it("reads every instance of planned_values, root module first, then nested child modules", () => {
    expect(model.resources).toEqual([
      {
        address: "data.aws_availability_zones.available",
        baseAddress: "data.aws_availability_zones.available",
        mode: "data",
        type: "aws_availability_zones",
        name: "available",
        values: {
          id: "eu-west-1",
          names: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
          state: "available",
        },
        unknown: [],
        provider: "aws",
      },
      resource("aws_vpc.main", "aws_vpc.main", {
        cidr_block: "10.0.0.0/16",
        enable_dns_hostnames: true,
        enable_dns_support: true,
        instance_tenancy: "default",
        tags: { Name: "main" },
      }),
      ...[0, 1].map((key) =>
        resource(
          `aws_subnet.private[${key}]`,
          "aws_subnet.private",
          {
            availability_zone: `eu-west-1${key === 0 ? "a" : "b"}`,
            cidr_block: `10.0.${key + 1}.0/24`,
            vpc_id: vpc,
          },
          { key },
        ),
      ),
      resource("aws_route_table.private", "aws_route_table.private", { tags: null, vpc_id: vpc }),
      resource("aws_security_group.endpoints", "aws_security_group.endpoints", {
        description: "HTTPS to the interface endpoints",
        ingress: [
          {
            cidr_blocks: ["10.0.0.0/16"],
            description: "",
            from_port: 443,
            ipv6_cidr_blocks: [],
            prefix_list_ids: [],
            protocol: "tcp",
            security_groups: [],
            self: false,
            to_port: 443,
          },
        ],
        name: "endpoints",
        vpc_id: vpc,
      }),
      interfaceEndpoint("ecr.api"),
      interfaceEndpoint("logs"),
      resource(
        "aws_vpc_endpoint.s3",
        "aws_vpc_endpoint.s3",
        { service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway", vpc_id: vpc },
        { unknown: ["route_table_ids"] },
      ),
      resource("aws_lb.provider", "aws_lb.provider", {
        enable_cross_zone_load_balancing: false,
        internal: true,
        load_balancer_type: "network",
        name: "api",
        subnets,
      }),
      resource("aws_vpc_endpoint_service.api", "aws_vpc_endpoint_service.api", {
        acceptance_required: false,
        allowed_principals: ["arn:aws:iam::111122223333:root"],
        network_load_balancer_arns: [ref("aws_lb.provider", "arn")],
      }),
      resource(
        "aws_vpc_endpoint.consumer",
        "aws_vpc_endpoint.consumer",
        {
          private_dns_enabled: false,
          subnet_ids: ["subnet-0c1", "subnet-0c2"],
          vpc_endpoint_type: "Interface",
          vpc_id: "vpc-0c0ffee",
          service_name: ref("aws_vpc_endpoint_service.api", "service_name"),
        },
        { provider: "aws.consumer" },
      ),
      resource(
        "module.endpoints.aws_security_group.this",
        "module.endpoints.aws_security_group.this",
        {
          name: "endpoints-module",
          vpc_id: vpc,
        },
      ),
      resource(
        sqs,
        "module.endpoints.aws_vpc_endpoint.this",
        {
          private_dns_enabled: false,
          service_name: "com.amazonaws.eu-west-1.sqs",
          vpc_endpoint_type: "Interface",
          security_group_ids: [ref("module.endpoints.aws_security_group.this")],
          subnet_ids: subnets,
          vpc_id: vpc,
        },
        { key: "sqs" },
      ),
      resource(
        "module.endpoints.module.dns.aws_route53_record.alias",
        "module.endpoints.module.dns.aws_route53_record.alias",
        {
          alias: [
            {
              evaluate_target_health: false,
              name: ref(sqs, "dns_entry[0].dns_name"),
              zone_id: ref(sqs, "dns_entry[0].hosted_zone_id"),
            },
          ],
          name: "sqs.eu-west-1.amazonaws.com",
          type: "A",
          zone_id: ref("module.endpoints.module.dns.aws_route53_zone.private", "zone_id"),
        },
      ),
      resource(
        "module.endpoints.module.dns.aws_route53_zone.private",
        "module.endpoints.module.dns.aws_route53_zone.private",
        { force_destroy: false, name: "sqs.eu-west-1.amazonaws.com", vpc: [{ vpc_id: vpc }] },
      ),
    ]);
  });

  it("names what it could not recover, and what it recovered only in part", () => {
    expect(model.warnings).toEqual([
      {
        message:
          "aws_vpc_endpoint.s3: route_table_ids is unknown until apply and cannot be recovered from the configuration (cannot follow local.private_route_table_ids)",
        address: "aws_vpc_endpoint.s3",
      },
      {
        message: `${sqs}: security_group_ids is recovered only in part from the configuration (cannot follow local.shared_security_group_ids)`,
        address: sqs,
      },
    ]);
  });

  it("takes each provider configuration's region: a constant, or a root variable's value", () => {
    expect(model.providers).toEqual({
      aws: { region: "eu-west-1" },
      "aws.consumer": { region: "eu-central-1" },
    });
    expect(readPlan(planFixture("endpoints-plan.json"), { region: "us-east-1" }).providers).toEqual(
      model.providers,
    );
  });

  it("leaves the input untouched", () => {
    const json = planFixture("endpoints-plan.json");
    const before = JSON.stringify(json);
    readPlan(json);
    expect(JSON.stringify(json)).toBe(before);
  });
});
