import { describe, expect, it } from "vitest";
import { maximalReferences, parseReference } from "../../../src/terraform/plan/parseReference.js";
import { splitModulePath } from "../../../src/terraform/plan/splitModulePath.js";

describe("parseReference", () => {
  it("reads resources, data sources, module inputs and outputs; the rest is other", () => {
    expect(parseReference("aws_subnet.private[0].id")).toEqual({
      kind: "resource",
      mode: "managed",
      type: "aws_subnet",
      name: "private",
      key: 0,
      attribute: "id",
    });
    expect(parseReference('aws_vpc_endpoint.this["a.b"].dns_entry[0].dns_name')).toEqual({
      kind: "resource",
      mode: "managed",
      type: "aws_vpc_endpoint",
      name: "this",
      key: "a.b",
      attribute: "dns_entry[0].dns_name",
    });
    expect(parseReference("aws_subnet.private")).toEqual({
      kind: "resource",
      mode: "managed",
      type: "aws_subnet",
      name: "private",
    });
    expect(parseReference("data.aws_vpc.shared.id")).toEqual({
      kind: "resource",
      mode: "data",
      type: "aws_vpc",
      name: "shared",
      attribute: "id",
    });
    expect(parseReference("var.subnet_ids")).toEqual({ kind: "variable", name: "subnet_ids" });
    expect(parseReference("module.vpc.private_subnets")).toEqual({
      kind: "module",
      name: "vpc",
      output: "private_subnets",
    });
    expect(parseReference('module.spoke["a"].vpc_id')).toEqual({
      kind: "module",
      name: "spoke",
      key: "a",
      output: "vpc_id",
    });
    for (const other of ["local.ids", "each.value", "count.index", "path.module", "self.id"]) {
      expect(parseReference(other)).toEqual({ kind: "other" });
    }
  });

  it("keeps only the longest of each reference Terraform lists", () => {
    expect(
      maximalReferences([
        "aws_subnet.private[0].id",
        "aws_subnet.private[0]",
        "aws_subnet.private",
        "aws_subnet.private[1].id",
        "aws_subnet.private[1]",
        "aws_security_group.a",
        "var.x",
        "var.x",
      ]),
    ).toEqual([
      "aws_subnet.private[0].id",
      "aws_subnet.private[1].id",
      "aws_security_group.a",
      "var.x",
    ]);
    // a resource whose name starts with another's is not shorter form of it
    expect(maximalReferences(["aws_vpc.main", "aws_vpc.main_b.id", "aws_vpc.main_b"])).toEqual([
      "aws_vpc.main",
      "aws_vpc.main_b.id",
    ]);
  });
});

describe("splitModulePath", () => {
  it("splits a module instance address into its calls", () => {
    expect(splitModulePath("")).toEqual([]);
    expect(splitModulePath('module.net.module.endpoints["a.b"]')).toEqual([
      { name: "net", instance: "module.net", base: "module.net" },
      {
        name: "endpoints",
        instance: 'module.net.module.endpoints["a.b"]',
        base: "module.net.module.endpoints",
        key: "a.b",
      },
    ]);
    expect(splitModulePath("module.zones[2]").at(-1)?.key).toBe(2);
  });
});
