import { describe, expect, it } from "vitest";
import { idSlug, moduleNames, terraformIds } from "../../../src/terraform/mapping/terraformIds.js";
import { IdSchema } from "../../../src/topology/idSchema.js";
import { res } from "./terraformFixtures.js";

const idsOf = (...addresses: string[]) => {
  const ids = terraformIds(addresses.map((a) => res(a, {})));
  return addresses.map((a) => ids.get(a));
};

describe("terraformIds", () => {
  it("slugs names; keys join informative names and replace uninformative ones", () => {
    expect(
      idsOf(
        "aws_vpc_endpoint.ecr_api",
        'module.vpc_endpoints.aws_vpc_endpoint.interface["logs"]',
        'module.vpc_endpoints.aws_vpc_endpoint.this["ecr.api"]',
        "aws_subnet.private[0]",
        "module.vpc.aws_vpc.this",
        "module.vpc.aws_subnet.this[1]",
        "aws_vpc.main",
      ),
    ).toEqual([
      "ecr-api",
      "interface-logs",
      "vpc-endpoints-ecr-api", // equal to aws_vpc_endpoint.ecr_api's id: prefixed by its module
      "private-0",
      "vpc",
      "vpc-1",
      "main",
    ]);
  });

  it("disambiguates equal ids of a type by module names, then by number, in address order", () => {
    expect(
      idsOf(
        'module.a.aws_vpc_endpoint.this["logs"]',
        'module.b.aws_vpc_endpoint.this["logs"]',
        "aws_vpc_endpoint.logs",
        "aws_subnet.logs",
      ),
    ).toEqual(["a-logs", "b-logs", "logs", "logs"]);
    expect(idsOf('aws_vpc_endpoint.x["A_B"]', 'aws_vpc_endpoint.x["a-b"]')).toEqual([
      "x-a-b",
      "x-a-b-2",
    ]);
  });

  it("every id is a valid IdSchema id, and stable", () => {
    const addresses = [
      'aws_vpc_endpoint.this["__"]',
      'module.m["k"].aws_vpc_endpoint.this["ÉCR"]',
      "aws_vpc_endpoint.this",
      'aws_vpc_endpoint.this["-x-"]',
    ];
    const ids = idsOf(...addresses);
    for (const id of ids) expect(IdSchema.safeParse(id).success).toBe(true);
    expect(idsOf(...[...addresses].reverse())).toEqual([...ids].reverse());
  });

  it("helpers", () => {
    expect(idSlug("ECR_api.x")).toBe("ecr-api-x");
    expect(moduleNames('module.a["k"].module.b.aws_lb.x')).toEqual(["a", "b"]);
  });
});
