import { describe, expect, it, vi } from "vitest";
import { importTerraform } from "../../../src/terraform/importTerraform.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
import { model, network } from "./terraformFixtures.js";

const calls = vi.hoisted(() => ({ plan: [] as unknown[], hcl: [] as unknown[] }));

vi.mock("../../../src/terraform/plan/readPlan.js", () => ({
  readPlan: (json: unknown, options: unknown) => {
    calls.plan.push([json, options]);
    return model(network("main", "eu-west-1", "10.0.0.0/16"), {});
  },
}));
vi.mock("../../../src/terraform/hcl/readHcl.js", () => ({
  readHcl: async (input: unknown) => {
    calls.hcl.push(input);
    return model(network("main", "eu-west-1", "10.0.0.0/16"), {});
  },
}));

describe("importTerraform (readers mocked)", () => {
  it("a plan: readPlan with the region, then the mapping", async () => {
    const plan = { format_version: "1.2" };
    const { topology, sources } = await importTerraform({
      plan,
      region: "eu-west-1",
      account: "prod",
      usage: { version: 1 },
    });
    expect(calls.plan).toEqual([[plan, { region: "eu-west-1" }]]);
    expect(topology.accounts[0]?.id).toBe("prod");
    expect(sources["accounts[0].vpcs[0]"]).toEqual({ terraform: "aws_vpc.main" });
    parseTopology(topology);
  });

  it("files: readHcl with vars and var files", async () => {
    await importTerraform({
      files: { "main.tf": "" },
      vars: { a: 1 },
      varFiles: { "x.tfvars": "" },
    });
    expect(calls.hcl).toEqual([
      { files: { "main.tf": "" }, vars: { a: 1 }, varFiles: { "x.tfvars": "" }, region: undefined },
    ]);
  });

  it("neither, or an invalid usage file: an error before reading", async () => {
    await expect(importTerraform({})).rejects.toMatchObject({ code: "invalid_request" });
    await expect(
      importTerraform({ plan: {}, usage: { version: 1, defualts: {} } }),
    ).rejects.toThrow(/did you mean "defaults"/);
  });
});
