import { describe, expect, it } from "vitest";
import { readPlan } from "../../../src/terraform/plan/readPlan.js";
import { planFixture, ref } from "./planFixture.js";

describe("readPlan: following references to values unknown at plan time", () => {
  const model = readPlan(planFixture("modules-plan.json"), { region: "us-east-1" });
  const byAddress = new Map(model.resources.map((r) => [r.address, r]));
  const at = (address: string) => byAddress.get(address);

  it("indexing by count.index picks the instance of the same index", () => {
    expect(at("aws_route_table_association.app[0]")?.values).toEqual({
      route_table_id: "rtb-0existing",
      subnet_id: ref("aws_subnet.app[0]"),
    });
    expect(at("aws_route_table_association.app[1]")?.values.subnet_id).toEqual(
      ref("aws_subnet.app[1]"),
    );
  });

  it("a module output follows the output's expression inside the module (a splat, an id)", () => {
    expect(at("aws_vpc_endpoint.logs")).toMatchObject({
      values: {
        service_name: "com.amazonaws.us-east-1.logs",
        subnet_ids: [
          ref("module.vpc.aws_subnet.private[0]"),
          ref("module.vpc.aws_subnet.private[1]"),
        ],
        vpc_endpoint_type: "Interface",
        vpc_id: ref("module.vpc.aws_vpc.this"),
      },
      unknown: [],
    });
  });

  it("a list partly known keeps its known elements and fills the unknown ones in order", () => {
    expect(at("aws_vpc_endpoint.mixed")?.values.subnet_ids).toEqual([
      "subnet-0existing",
      ref("aws_subnet.app[0]"),
    ]);
  });

  it("a module input of a for_each module indexed by each.key follows that module instance's key", () => {
    for (const key of ["a", "b"]) {
      expect(at(`module.spoke["${key}"].aws_vpc_endpoint.this`)).toEqual({
        address: `module.spoke["${key}"].aws_vpc_endpoint.this`,
        baseAddress: `module.spoke["${key}"].aws_vpc_endpoint.this`,
        mode: "managed",
        type: "aws_vpc_endpoint",
        name: "this",
        values: {
          service_name: "com.amazonaws.us-east-1.ssm",
          vpc_id: ref(`aws_vpc.spoke["${key}"]`),
        },
        unknown: ["subnet_ids"],
        provider: "aws",
      });
    }
  });

  it("warns, naming the address, for each value it cannot recover", () => {
    expect(model.warnings).toEqual([
      {
        message:
          "aws_vpc_endpoint.orphan: not found in the plan's configuration; unknown until apply: id, vpc_id",
        address: "aws_vpc_endpoint.orphan",
      },
      ...["a", "b"].map((key) => ({
        message: `module.spoke["${key}"].aws_vpc_endpoint.this: subnet_ids is unknown until apply and cannot be recovered from the configuration (cannot follow var.subnet_ids)`,
        address: `module.spoke["${key}"].aws_vpc_endpoint.this`,
      })),
    ]);
    expect(at("aws_vpc_endpoint.orphan")).toMatchObject({
      values: { service_name: "com.amazonaws.us-east-1.sns" },
      unknown: ["id", "vpc_id"],
    });
  });

  it("a deposed object's change is not the instance's; module-qualified provider keys name the provider", () => {
    expect(model.resources.map((r) => r.address)).toEqual([
      'aws_vpc.spoke["a"]',
      'aws_vpc.spoke["b"]',
      "aws_subnet.app[0]",
      "aws_subnet.app[1]",
      "aws_route_table_association.app[0]",
      "aws_route_table_association.app[1]",
      "aws_vpc_endpoint.logs",
      "aws_vpc_endpoint.mixed",
      "aws_vpc_endpoint.orphan",
      'module.spoke["a"].aws_vpc_endpoint.this',
      'module.spoke["b"].aws_vpc_endpoint.this',
      "module.vpc.aws_subnet.private[0]",
      "module.vpc.aws_subnet.private[1]",
      "module.vpc.aws_vpc.this",
    ]);
    expect(new Set(model.resources.map((r) => r.provider))).toEqual(new Set(["aws"]));
  });

  it("a provider configuration without a region takes options.region", () => {
    expect(model.providers).toEqual({ aws: { region: "us-east-1" } });
    expect(readPlan(planFixture("modules-plan.json")).providers).toEqual({ aws: {} });
  });
});
