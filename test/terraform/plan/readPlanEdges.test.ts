import { describe, expect, it } from "vitest";
import { readPlan } from "../../../src/terraform/plan/readPlan.js";
import { ref } from "./planFixture.js";

interface Planned {
  address: string;
  mode?: "data";
  type: string;
  name: string;
  index?: string | number;
  after: Record<string, unknown>;
  after_unknown: Record<string, unknown>;
}

const provider_name = "registry.terraform.io/hashicorp/aws";

/** A plan JSON: instances by module address ("" for the root), and the configuration. */
function planOf(modules: Record<string, Planned[]>, configuration: object): unknown {
  const toValues = (module: string) =>
    (modules[module] ?? []).map(({ after, after_unknown: _, ...r }) => ({
      mode: "managed",
      ...r,
      provider_name,
      values: Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null)),
    }));
  return {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: toValues(""),
        child_modules: Object.keys(modules)
          .filter((m) => m !== "")
          .map((address) => ({ address, resources: toValues(address) })),
      },
    },
    resource_changes: Object.values(modules)
      .flat()
      .map(({ after, after_unknown, ...r }) => ({
        mode: "managed",
        ...r,
        provider_name,
        change: { actions: ["create"], before: null, after, after_unknown },
      })),
    configuration,
  };
}

const resourceConfig = (address: string, expressions: object, provider_config_key = "aws") => {
  const [type, name] = address.split(".");
  return { address, mode: "managed", type, name, provider_config_key, expressions };
};

describe("readPlan: edges of recovery", () => {
  const json = planOf(
    {
      "": [
        {
          address: "aws_subnet.a",
          type: "aws_subnet",
          name: "a",
          after: { cidr_block: "10.0.1.0/24" },
          after_unknown: { id: true },
        },
        {
          address: "data.aws_vpc.shared",
          mode: "data",
          type: "aws_vpc",
          name: "shared",
          after: { tags: { Name: "shared" } },
          after_unknown: { id: true, cidr_block: true },
        },
        {
          address: "aws_route53_zone.internal",
          type: "aws_route53_zone",
          name: "internal",
          after: { name: "internal.example", tags: null, vpc: [{ vpc_region: null }] },
          after_unknown: { id: true, tags: true, vpc: [{ vpc_id: true, vpc_region: true }] },
        },
        {
          address: "aws_vpc_endpoint.shared",
          type: "aws_vpc_endpoint",
          name: "shared",
          after: { service_name: "com.amazonaws.ap-southeast-2.ssm", subnet_ids: null },
          after_unknown: { id: true, subnet_ids: true, vpc_id: true, route_table_ids: true },
        },
        {
          address: "aws_route53_record.b",
          type: "aws_route53_record",
          name: "b",
          after: { name: "b.internal.example" },
          after_unknown: { zone_id: true },
        },
      ],
      "module.zones[0]": [],
      "module.zones[1]": [
        {
          address: "module.zones[1].aws_route53_zone.this",
          type: "aws_route53_zone",
          name: "this",
          after: { name: "one.example" },
          after_unknown: { zone_id: true },
        },
      ],
      "module.legacy": [
        {
          address: "module.legacy.aws_vpc_endpoint.this",
          type: "aws_vpc_endpoint",
          name: "this",
          after: { service_name: "com.amazonaws.ap-southeast-2.sqs", subnet_ids: null },
          after_unknown: { subnet_ids: true },
        },
      ],
    },
    {
      provider_config: {
        aws: { name: "aws", full_name: provider_name },
        "module.legacy:aws": {
          name: "aws",
          full_name: provider_name,
          module_address: "module.legacy",
          expressions: { region: { constant_value: "ap-southeast-2" } },
        },
      },
      root_module: {
        resources: [
          resourceConfig("aws_subnet.a", { cidr_block: { constant_value: "10.0.1.0/24" } }),
          {
            ...resourceConfig("aws_vpc.shared", { tags: { constant_value: { Name: "shared" } } }),
            address: "data.aws_vpc.shared",
            mode: "data",
          },
          resourceConfig("aws_route53_zone.internal", {
            name: { constant_value: "internal.example" },
            tags: {},
            vpc: [{ vpc_id: { references: ["local.vpc_id"] } }],
          }),
          resourceConfig("aws_vpc_endpoint.shared", {
            subnet_ids: { references: ["aws_subnet.a[5].id", "aws_subnet.a[5]", "aws_subnet.a"] },
            vpc_id: { references: ["data.aws_vpc.shared.id", "data.aws_vpc.shared"] },
            route_table_ids: { references: ["path.module"] },
          }),
          resourceConfig("aws_route53_record.b", {
            zone_id: { references: ["module.zones[1].zone_id", "module.zones[1]", "module.zones"] },
          }),
        ],
        module_calls: {
          zones: {
            source: "./zones",
            count_expression: { constant_value: 2 },
            module: {
              outputs: {
                zone_id: {
                  expression: {
                    references: ["aws_route53_zone.this.zone_id", "aws_route53_zone.this"],
                  },
                },
              },
              resources: [resourceConfig("aws_route53_zone.this", {})],
            },
          },
          legacy: {
            source: "./legacy",
            expressions: { subnet_id: { references: ["aws_subnet.a.id", "aws_subnet.a"] } },
            module: {
              resources: [
                resourceConfig(
                  "aws_vpc_endpoint.this",
                  { subnet_ids: { references: ["var.extra", "var.subnet_id"] } },
                  "module.legacy:aws",
                ),
              ],
              variables: { extra: { default: ["subnet-0default"] } },
            },
          },
        },
      },
    },
  );
  const model = readPlan(json, { region: "eu-west-1" });
  const at = (address: string) => model.resources.find((r) => r.address === address);

  it("a nested block keeps what is known; its unknown argument is named by path", () => {
    expect(at("aws_route53_zone.internal")).toMatchObject({
      values: { name: "internal.example", vpc: [{}] },
      unknown: ["tags", "vpc[0].vpc_id"],
    });
  });

  it("a key not planned, path.*: unknown; a data source: a reference to its instance", () => {
    expect(at("aws_vpc_endpoint.shared")).toMatchObject({
      values: {
        service_name: "com.amazonaws.ap-southeast-2.ssm",
        vpc_id: ref("data.aws_vpc.shared"),
      },
      unknown: ["subnet_ids", "route_table_ids"],
    });
  });

  it("an output of one instance of a counted module", () => {
    expect(at("aws_route53_record.b")?.values.zone_id).toEqual(
      ref("module.zones[1].aws_route53_zone.this", "zone_id"),
    );
  });

  it("a module input left to its default; a provider block of the module keeps its own region", () => {
    expect(at("module.legacy.aws_vpc_endpoint.this")).toMatchObject({
      values: { subnet_ids: ["subnet-0default", ref("aws_subnet.a")] },
      unknown: [],
      provider: "module.legacy:aws",
    });
    expect(model.providers).toEqual({
      aws: { region: "eu-west-1" },
      "module.legacy:aws": { region: "ap-southeast-2" },
    });
  });

  it("every warning names the address and what could not be followed", () => {
    const unknown = "is unknown until apply and cannot be recovered from the configuration";
    expect(model.warnings).toEqual([
      {
        message: `aws_route53_zone.internal: tags ${unknown}`,
        address: "aws_route53_zone.internal",
      },
      {
        message: `aws_route53_zone.internal: vpc[0].vpc_id ${unknown} (cannot follow local.vpc_id)`,
        address: "aws_route53_zone.internal",
      },
      {
        message: `aws_vpc_endpoint.shared: subnet_ids ${unknown} (cannot follow aws_subnet.a[5].id)`,
        address: "aws_vpc_endpoint.shared",
      },
      {
        message: `aws_vpc_endpoint.shared: route_table_ids ${unknown} (cannot follow path.module)`,
        address: "aws_vpc_endpoint.shared",
      },
    ]);
  });
});
