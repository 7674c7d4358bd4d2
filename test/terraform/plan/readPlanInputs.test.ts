import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../../src/core/errorCodes.js";
import { readPlan } from "../../../src/terraform/plan/readPlan.js";
import { caught } from "../../helpers/caught.js";
import { planFixture } from "./planFixture.js";

const NEITHER =
  'not a Terraform plan or state: expected the output of `terraform show -json`, an object with "format_version" and "planned_values" (a plan) or "values" (a state)';

const tiny = (format_version: unknown) => ({
  format_version,
  planned_values: {
    root_module: {
      resources: [
        {
          address: "aws_vpc.main",
          mode: "managed",
          type: "aws_vpc",
          name: "main",
          provider_name: "registry.terraform.io/hashicorp/aws",
          values: { cidr_block: "10.0.0.0/16" },
        },
      ],
    },
  },
});

describe("readPlan: which JSON it reads", () => {
  it("reads a state (terraform show -json): every value known, ids kept as strings", () => {
    const model = readPlan(planFixture("endpoints-state.json"), { region: "eu-west-1" });
    expect(model.resources.map((r) => [r.address, r.baseAddress, r.key, r.provider])).toEqual([
      ["aws_vpc.main", "aws_vpc.main", undefined, "aws"],
      ["aws_subnet.private[0]", "aws_subnet.private", 0, "aws"],
      ["aws_subnet.private[1]", "aws_subnet.private", 1, "aws"],
      [
        'module.endpoints.aws_vpc_endpoint.this["logs"]',
        "module.endpoints.aws_vpc_endpoint.this",
        "logs",
        "aws",
      ],
    ]);
    expect(model.resources[3]).toEqual({
      address: 'module.endpoints.aws_vpc_endpoint.this["logs"]',
      baseAddress: "module.endpoints.aws_vpc_endpoint.this",
      mode: "managed",
      type: "aws_vpc_endpoint",
      name: "this",
      key: "logs",
      values: {
        arn: "arn:aws:ec2:eu-west-1:111122223333:vpc-endpoint/vpce-0logs",
        dns_entry: [
          {
            dns_name: "vpce-0logs-abcd.logs.eu-west-1.vpce.amazonaws.com",
            hosted_zone_id: "Z7HUB22UULQXV",
          },
        ],
        id: "vpce-0logs",
        private_dns_enabled: true,
        service_name: "com.amazonaws.eu-west-1.logs",
        subnet_ids: ["subnet-0a", "subnet-0b"],
        vpc_endpoint_type: "Interface",
        vpc_id: "vpc-0abc",
      },
      unknown: [],
      provider: "aws",
    });
    expect(model.resources[0]?.values.id).toBe("vpc-0abc");
    expect(model.providers).toEqual({ aws: { region: "eu-west-1" } });
    expect(model.warnings).toEqual([]);
  });

  it("a state without --region: the provider is recorded without one", () => {
    expect(readPlan(planFixture("endpoints-state.json")).providers).toEqual({ aws: {} });
  });

  it("accepts any 1.minor format_version (1.0, 1.2, 1.10)", () => {
    for (const version of ["1.0", "1.2", "1.10"]) {
      expect(readPlan(tiny(version)).resources.map((r) => r.values)).toEqual([
        { cidr_block: "10.0.0.0/16" },
      ]);
    }
  });

  it("refuses another major format_version, naming it", () => {
    for (const [version, shown] of [
      ["2.0", '"2.0"'],
      ["0.2", '"0.2"'],
      ["1", '"1"'],
      [1.2, "1.2"],
    ] as const) {
      const error = caught(() => readPlan(tiny(version)));
      expect(error.code).toBe("invalid_terraform_plan");
      expect(error.message).toBe(
        `unsupported Terraform JSON format_version ${shown}: linkplan reads format 1.x (terraform show -json of Terraform 1.0 or later)`,
      );
    }
    expect(ERROR_CODES.invalid_terraform_plan).toEqual({
      status: 422,
      exit: 1,
      title: "Invalid Terraform plan or state",
    });
  });

  it("refuses a JSON that is neither a plan nor a state", () => {
    const neither: unknown[] = [
      null,
      [],
      "plan",
      42,
      {},
      { format_version: "1.2" },
      { planned_values: { root_module: {} } },
      { format_version: "1.2", values: [] },
      { accounts: [{ id: "111122223333", vpcs: [] }] },
      { resource: { aws_vpc: { main: { cidr_block: "10.0.0.0/16" } } } },
    ];
    for (const json of neither) {
      const error = caught(() => readPlan(json));
      expect(error.code).toBe("invalid_terraform_plan");
      expect(error.message).toBe(NEITHER);
    }
  });

  it("a plan of the wrong shape: each problem at its path", () => {
    const json = tiny("1.2");
    const bad = {
      ...json,
      planned_values: {
        root_module: {
          resources: [{ address: "aws_vpc.main", mode: 1, type: "aws_vpc", name: 3 }],
          child_modules: [{ address: "module.m", resources: {} }],
        },
      },
    };
    const error = caught(() => readPlan(bad));
    expect(error.code).toBe("invalid_terraform_plan");
    expect(error.summary).toBe("invalid Terraform plan JSON");
    expect(error.problems).toEqual([
      {
        path: "planned_values.root_module.resources[0].mode",
        message: "expected a string, got a number (1)",
      },
      {
        path: "planned_values.root_module.resources[0].name",
        message: "expected a string, got a number (3)",
      },
      {
        path: "planned_values.root_module.child_modules[0].resources",
        message: "expected an array, got a mapping",
      },
    ]);
  });

  it("an empty plan (nothing to create) reads as no resources", () => {
    expect(readPlan({ format_version: "1.2", planned_values: {} })).toEqual({
      resources: [],
      providers: {},
      warnings: [],
    });
  });

  it("ignores members it does not know (forward compatible within 1.x)", () => {
    const json = { ...tiny("1.9"), checks: [], relevant_attributes: [], timestamp: "now" };
    expect(readPlan(json).resources.map((r) => r.address)).toEqual(["aws_vpc.main"]);
  });

  it("passes over an instance of a mode it does not know, with a warning", () => {
    const json = tiny("1.12");
    json.planned_values.root_module.resources.push({
      address: "future.aws_thing.x",
      mode: "future",
      type: "aws_thing",
      name: "x",
      provider_name: "registry.terraform.io/hashicorp/aws",
      values: { cidr_block: "" },
    });
    const model = readPlan(json);
    expect(model.resources.map((r) => r.address)).toEqual(["aws_vpc.main"]);
    expect(model.warnings).toEqual([
      {
        message:
          'future.aws_thing.x: mode "future" is not read (only managed resources and data sources)',
        address: "future.aws_thing.x",
      },
    ]);
  });
});
