import { describe, expect, it } from "vitest";
import { readHcl } from "../../../src/terraform/hcl/readHcl.js";
import type { TerraformResource } from "../../../src/terraform/terraformModel.js";
import { readFixture } from "./readFixture.js";

const ref = ($ref: string, attribute = "id") => ({ $ref, attribute });

function byAddress(resources: TerraformResource[]): Map<string, TerraformResource> {
  return new Map(resources.map((r) => [r.address, r]));
}

describe("readHcl: endpoints with count and for_each over locals", () => {
  it("reads every instance, in file and line order, with its values", async () => {
    const model = await readHcl({ files: readFixture("endpoints") });
    expect(model.providers).toEqual({ aws: { region: "eu-central-1" } });
    expect(model.resources.map((r) => [r.address, r.key, r.source?.file, r.source?.line])).toEqual([
      ["aws_security_group.endpoints", undefined, "endpoints.tf", 2],
      ['aws_vpc_endpoint.interface["ecr.api"]', "ecr.api", "endpoints.tf", 15],
      ['aws_vpc_endpoint.interface["ecr.dkr"]', "ecr.dkr", "endpoints.tf", 15],
      ['aws_vpc_endpoint.interface["logs"]', "logs", "endpoints.tf", 15],
      ['aws_vpc_endpoint.interface["sts"]', "sts", "endpoints.tf", 15],
      ["aws_vpc_endpoint.gateway[0]", 0, "endpoints.tf", 30],
      ["aws_vpc_endpoint.gateway[1]", 1, "endpoints.tf", 30],
      ["data.aws_availability_zones.available", undefined, "main.tf", 14],
      ["aws_vpc.main", undefined, "network.tf", 1],
      ["aws_subnet.private[0]", 0, "network.tf", 9],
      ["aws_subnet.private[1]", 1, "network.tf", 9],
      ["aws_route_table.private[0]", 0, "network.tf", 16],
      ["aws_route_table.private[1]", 1, "network.tf", 16],
    ]);
    const all = byAddress(model.resources);
    expect(all.get('aws_vpc_endpoint.interface["ecr.api"]')).toEqual({
      address: 'aws_vpc_endpoint.interface["ecr.api"]',
      baseAddress: "aws_vpc_endpoint.interface",
      mode: "managed",
      type: "aws_vpc_endpoint",
      name: "interface",
      key: "ecr.api",
      values: {
        vpc_id: ref("aws_vpc.main"),
        service_name: "com.amazonaws.eu-central-1.ecr.api",
        vpc_endpoint_type: "Interface",
        subnet_ids: [ref("aws_subnet.private[0]"), ref("aws_subnet.private[1]")],
        security_group_ids: [ref("aws_security_group.endpoints")],
        private_dns_enabled: true,
        tags: { Name: "ecr-api-vpce" },
      },
      unknown: [],
      provider: "aws",
      source: { file: "endpoints.tf", line: 15 },
    });
    expect(all.get("aws_vpc_endpoint.gateway[0]")?.values).toEqual({
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.eu-central-1.s3",
      vpc_endpoint_type: "Gateway",
      route_table_ids: [ref("aws_route_table.private[0]"), ref("aws_route_table.private[1]")],
      policy:
        '{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Effect":"Allow","Principal":"*","Resource":["arn:aws:s3:::reports-bucket","arn:aws:s3:::reports-bucket/*"]}],"Version":"2012-10-17"}',
    });
    // policy = … ? … : null: a null argument is not set
    expect(all.get("aws_vpc_endpoint.gateway[1]")?.values).toEqual({
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.eu-central-1.dynamodb",
      vpc_endpoint_type: "Gateway",
      route_table_ids: [ref("aws_route_table.private[0]"), ref("aws_route_table.private[1]")],
    });
    expect(all.get("aws_security_group.endpoints")?.values).toEqual({
      name_prefix: "endpoints-",
      vpc_id: ref("aws_vpc.main"),
      ingress: [
        {
          description: "HTTPS from the VPC",
          from_port: 443,
          to_port: 443,
          protocol: "tcp",
          cidr_blocks: ["10.20.0.0/16"],
        },
      ],
    });
    expect(all.get("aws_subnet.private[1]")?.values).toEqual({
      vpc_id: ref("aws_vpc.main"),
      cidr_block: "10.20.16.0/20",
      availability_zone: "eu-central-1b",
    });
    expect(all.get("aws_vpc.main")?.values).toEqual({
      cidr_block: "10.20.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Team: "platform", Env: "prod", Name: "prod-vpc" },
    });
    expect(all.get("data.aws_availability_zones.available")).toMatchObject({
      mode: "data",
      values: {
        state: "available",
        names: ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
        zone_ids: ["euc1-az1", "euc1-az2", "euc1-az3"],
      },
    });
    expect(model.warnings).toEqual([
      {
        message:
          "main.tf:14: data.aws_availability_zones.available: AZ names assumed from the bundled list for eu-central-1: eu-central-1a, eu-central-1b, eu-central-1c",
        address: "data.aws_availability_zones.available",
        file: "main.tf",
        line: 14,
      },
    ]);
  });

  it("var files override defaults in the order given, then vars", async () => {
    const model = await readHcl({
      files: readFixture("endpoints"),
      varFiles: {
        "a.tfvars": 'region = "us-east-1"\nenvironment = "stage"\n',
        "b.tfvars.json": '{ "region": "eu-west-1" }',
      },
      vars: { environment: "dev" },
    });
    expect(model.providers).toEqual({ aws: { region: "eu-west-1" } });
    const all = byAddress(model.resources);
    expect(all.get('aws_vpc_endpoint.interface["sts"]')?.values.service_name).toBe(
      "com.amazonaws.eu-west-1.sts",
    );
    expect(all.get("aws_vpc.main")?.values.tags).toEqual({
      Team: "platform",
      Env: "dev",
      Name: "dev-vpc",
    });
    expect(all.get("aws_subnet.private[0]")?.values.availability_zone).toBe("eu-west-1a");
  });
});

describe("readHcl: an endpoint service behind an NLB", () => {
  it("keeps ARNs as references, evaluates for expressions, warns about unset variables", async () => {
    const model = await readHcl({ files: readFixture("provider-service") });
    expect(model.resources.map((r) => r.address)).toEqual([
      "aws_lb.orders",
      "aws_lb_target_group.orders",
      "aws_lb_listener.orders",
      "aws_vpc_endpoint_service.orders",
    ]);
    const all = byAddress(model.resources);
    expect(all.get("aws_lb.orders")).toMatchObject({
      values: {
        name: "orders-nlb",
        internal: true,
        load_balancer_type: "network",
        enable_cross_zone_load_balancing: false,
      },
      unknown: ["subnets"],
    });
    expect(all.get("aws_lb.orders")?.values).not.toHaveProperty("subnets");
    expect(all.get("aws_lb_listener.orders")?.values).toEqual({
      load_balancer_arn: ref("aws_lb.orders", "arn"),
      port: 443,
      protocol: "TCP",
      default_action: [
        { type: "forward", target_group_arn: ref("aws_lb_target_group.orders", "arn") },
      ],
    });
    expect(all.get("aws_vpc_endpoint_service.orders")?.values).toEqual({
      acceptance_required: true,
      network_load_balancer_arns: [ref("aws_lb.orders", "arn")],
      allowed_principals: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"],
      supported_regions: ["eu-west-2"],
      tags: { Name: "orders-endpoint-service" },
    });
    expect(model.warnings).toEqual([
      {
        message:
          "main.tf:23: aws_lb.orders: subnets is not known statically (variable subnet_ids has no value: give it with --var or --var-file)",
        address: "aws_lb.orders",
        file: "main.tf",
        line: 23,
      },
      {
        message:
          "main.tf:32: aws_lb_target_group.orders: vpc_id is not known statically (variable vpc_id has no value: give it with --var or --var-file)",
        address: "aws_lb_target_group.orders",
        file: "main.tf",
        line: 32,
      },
    ]);
    const given = await readHcl({
      files: readFixture("provider-service"),
      vars: { vpc_id: "vpc-0123", subnet_ids: ["subnet-a", "subnet-b"] },
    });
    expect(given.warnings).toEqual([]);
    expect(byAddress(given.resources).get("aws_lb.orders")?.values.subnets).toEqual([
      "subnet-a",
      "subnet-b",
    ]);
  });
});

describe("readHcl: a consumer endpoint, a private zone, alias records", () => {
  it("resolves provider aliases, for_each over a map of references, alias targets", async () => {
    const model = await readHcl({ files: readFixture("consumer") });
    expect(model.providers).toEqual({
      aws: { region: "eu-west-2" },
      "aws.consumer": { region: "eu-west-2" },
    });
    expect(model.resources.map((r) => `${r.address} ${r.provider}`)).toEqual([
      "data.aws_caller_identity.consumer aws.consumer",
      "aws_vpc.consumer aws.consumer",
      'aws_subnet.private["a"] aws.consumer',
      'aws_subnet.private["b"] aws.consumer',
      "aws_security_group.partner aws.consumer",
      "aws_vpc_endpoint.partner_api aws.consumer",
      "aws_route53_zone.partner aws.consumer",
      "aws_route53_record.partner_api aws.consumer",
      "aws_vpc_endpoint.metrics_vendor aws.consumer",
      "aws_route53_zone.metrics_vendor aws.consumer",
      'aws_route53_record.metrics_vendor["api"] aws.consumer',
      'aws_route53_record.metrics_vendor["intake.logs"] aws.consumer',
    ]);
    const all = byAddress(model.resources);
    const subnets = [ref('aws_subnet.private["a"]'), ref('aws_subnet.private["b"]')];
    expect(all.get('aws_subnet.private["b"]')?.values).toEqual({
      vpc_id: ref("aws_vpc.consumer"),
      availability_zone: "eu-west-2b",
      cidr_block: "10.50.2.0/24",
    });
    expect(all.get("aws_vpc_endpoint.partner_api")?.values.subnet_ids).toEqual(subnets);
    expect(all.get("aws_vpc_endpoint.metrics_vendor")?.values.subnet_ids).toEqual(subnets);
    expect(all.get("aws_route53_zone.partner")?.values).toEqual({
      name: "partner.internal",
      vpc: [{ vpc_id: ref("aws_vpc.consumer") }],
    });
    expect(all.get("aws_route53_record.partner_api")?.values).toEqual({
      zone_id: ref("aws_route53_zone.partner", "zone_id"),
      name: "api.partner.internal",
      type: "A",
      alias: [
        {
          name: ref("aws_vpc_endpoint.partner_api", "dns_entry[0].dns_name"),
          zone_id: ref("aws_vpc_endpoint.partner_api", "dns_entry[0].hosted_zone_id"),
          evaluate_target_health: false,
        },
      ],
    });
    expect(all.get('aws_route53_record.metrics_vendor["intake.logs"]')).toMatchObject({
      key: "intake.logs",
      baseAddress: "aws_route53_record.metrics_vendor",
      source: { file: "saas.tf", line: 21 },
      values: {
        name: "intake.logs.metrics-vendor.example",
        alias: [
          {
            name: ref("aws_vpc_endpoint.metrics_vendor", "dns_entry[0].dns_name"),
            zone_id: ref("aws_vpc_endpoint.metrics_vendor", "dns_entry[0].hosted_zone_id"),
            evaluate_target_health: true,
          },
        ],
      },
    });
    expect(all.get("data.aws_caller_identity.consumer")?.values).toEqual({
      account_id: "000000000000",
    });
    expect(model.warnings.map((w) => w.message)).toEqual([
      "main.tf:10: data.aws_caller_identity.consumer: account_id is a placeholder (000000000000): give the account with --account",
    ]);
  });
});

describe("readHcl: modules", () => {
  it("expands local modules, the vpc-endpoints registry module, and skips other remote modules", async () => {
    const model = await readHcl({ files: readFixture("modules") });
    expect(model.resources.map((r) => r.address)).toEqual([
      "module.network.data.aws_availability_zones.this",
      "module.network.aws_vpc.this",
      "module.network.aws_subnet.private[0]",
      "module.network.aws_subnet.private[1]",
      "module.network.aws_subnet.private[2]",
      "module.network.aws_route_table.private[0]",
      "module.network.aws_route_table.private[1]",
      "module.network.aws_route_table.private[2]",
      "module.endpoints.data.aws_region.current",
      "module.endpoints.aws_security_group.this",
      'module.endpoints.aws_vpc_endpoint.this["ec2messages"]',
      'module.endpoints.aws_vpc_endpoint.this["ssm"]',
      'module.endpoints.aws_vpc_endpoint.this["ssmmessages"]',
      'module.shared_endpoints.aws_vpc_endpoint.this["kms"]',
      'module.shared_endpoints.aws_vpc_endpoint.this["logs"]',
      'module.shared_endpoints.aws_vpc_endpoint.this["s3"]',
    ]);
    const all = byAddress(model.resources);
    const subnets = [0, 1, 2].map((i) => ref(`module.network.aws_subnet.private[${i}]`));
    const vpc = ref("module.network.aws_vpc.this");
    expect(all.get("module.network.aws_subnet.private[2]")?.values).toEqual({
      vpc_id: vpc,
      availability_zone: "us-east-1c",
      cidr_block: "10.30.12.0/24",
    });
    expect(all.get('module.endpoints.aws_vpc_endpoint.this["ssm"]')).toMatchObject({
      baseAddress: "module.endpoints.aws_vpc_endpoint.this",
      key: "ssm",
      source: { file: "modules/endpoints/main.tf", line: 15 },
      values: {
        vpc_id: vpc,
        service_name: "com.amazonaws.us-east-1.ssm",
        subnet_ids: subnets,
        security_group_ids: [ref("module.endpoints.aws_security_group.this")],
      },
    });
    expect(all.get("module.endpoints.aws_security_group.this")?.values.ingress).toEqual([
      { from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.30.0.0/16"] },
    ]);
    const sg = [ref("module.endpoints.aws_security_group.this")];
    expect(all.get('module.shared_endpoints.aws_vpc_endpoint.this["logs"]')).toEqual({
      address: 'module.shared_endpoints.aws_vpc_endpoint.this["logs"]',
      baseAddress: "module.shared_endpoints.aws_vpc_endpoint.this",
      mode: "managed",
      type: "aws_vpc_endpoint",
      name: "this",
      key: "logs",
      values: {
        vpc_id: vpc,
        service_name: "com.amazonaws.us-east-1.logs",
        vpc_endpoint_type: "Interface",
        security_group_ids: sg,
        subnet_ids: subnets,
        private_dns_enabled: true,
      },
      unknown: [],
      provider: "aws",
      source: { file: "main.tf", line: 21 },
    });
    expect(all.get('module.shared_endpoints.aws_vpc_endpoint.this["s3"]')?.values).toEqual({
      vpc_id: vpc,
      service_name: "com.amazonaws.us-east-1.s3",
      vpc_endpoint_type: "Gateway",
      route_table_ids: [0, 1, 2].map((i) => ref(`module.network.aws_route_table.private[${i}]`)),
    });
    expect(model.warnings.map((w) => w.message)).toEqual([
      "modules/network/main.tf:10: module.network.data.aws_availability_zones.this: AZ names assumed from the bundled list for us-east-1: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f",
      'main.tf:47: module.transit: module source "git::https://git.example.com/network/transit.git?ref=v1.4.0" is not read (only local modules and terraform-aws-modules/vpc/aws//modules/vpc-endpoints are): its resources are skipped',
    ]);
  });
});

describe("readHcl: an endpoint policy written with jsonencode", () => {
  it("encodes the policy with sorted keys, comments and trailing commas allowed", async () => {
    const model = await readHcl({ files: readFixture("s3-policy") });
    expect(model.warnings).toEqual([]);
    const values = model.resources[0]?.values ?? {};
    expect(JSON.parse(values.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: ["arn:aws:s3:::data-bucket", "arn:aws:s3:::data-bucket/*"],
        },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:PrincipalAccount": "123456789012" } },
        },
      ],
    });
    expect((values.policy as string).startsWith('{"Statement":[{"Action":')).toBe(true);
    expect(values.tags).toEqual({
      "kubernetes.io/cluster/main": "owned",
      note: "made by 123456789012\n",
    });
  });
});
