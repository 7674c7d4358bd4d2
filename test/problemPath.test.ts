import { describe, expect, it } from "vitest";
import { formatPath } from "../src/core/linkplanError.js";
import { ProblemList } from "../src/core/problemList.js";
import { below, keysOf } from "../src/core/problemPath.js";

describe("problem paths", () => {
  it("spell out links below links as the keys from the root", () => {
    const vpc = below(["accounts", 0], "vpcs", 2);
    expect(keysOf(vpc)).toEqual(["accounts", 0, "vpcs", 2]);
    expect(keysOf(below(vpc, "natGateways", 1, "destinations", 0, "service"))).toEqual([
      "accounts",
      0,
      "vpcs",
      2,
      "natGateways",
      1,
      "destinations",
      0,
      "service",
    ]);
    expect(keysOf(["name"])).toEqual(["name"]);
  });

  it("keep index 0 and the empty key (only absent keys end a link)", () => {
    expect(keysOf(below([], 0, "", 0))).toEqual([0, "", 0]);
  });

  it("spell out ten thousand links without recursion", () => {
    let path = below([], "a");
    for (let i = 0; i < 10_000; i++) path = below(path, i);
    const keys = keysOf(path);
    expect(keys).toHaveLength(10_001);
    expect(keys[10_000]).toBe(9_999);
  });

  it("are what a problem list reports", () => {
    const problems = new ProblemList();
    problems.add(below(below(["accounts", 1], "vpcs", 0), "azs", 2), "bad AZ");
    problems.duplicates(
      [{ id: "x" }, { id: "x" }],
      (i) => below(["accounts", 0], "vpcs", i),
      "VPC",
    );
    expect(problems.problems).toEqual([
      { path: "accounts[1].vpcs[0].azs[2]", message: "bad AZ" },
      {
        path: "accounts[0].vpcs[1].id",
        message: `duplicate VPC id "x" (first defined at ${formatPath(["accounts", 0, "vpcs", 0])})`,
      },
    ]);
  });
});
