import { describe, expect, it } from "vitest";
import { readPlan } from "../../../src/terraform/plan/readPlan.js";
import { fastest } from "../../helpers/linearGrowth.js";
import { generatedPlan } from "./generatedPlan.js";
import { ref } from "./planFixture.js";

describe("readPlan at scale", () => {
  const plan = generatedPlan(50, 10);

  it("reads 500 aws_vpc_endpoint instances with unknown subnets, in far under a second", () => {
    const model = readPlan(plan);
    const endpoints = model.resources.filter((r) => r.type === "aws_vpc_endpoint");
    expect(endpoints).toHaveLength(500);
    expect(model.warnings).toEqual([]);
    for (const endpoint of endpoints) {
      expect(endpoint.values.subnet_ids).toEqual(
        [0, 1, 2].map((i) => ref(`aws_subnet.private[${i}]`)),
      );
      expect(endpoint.values.security_group_ids).toEqual([ref("aws_security_group.endpoints")]);
      expect(endpoint.values.vpc_id).toEqual(ref("aws_vpc.main"));
    }
    expect(endpoints[1]?.address).toBe('aws_vpc_endpoint.ep_0["svc1"]');
    expect(endpoints.at(-1)?.address).toBe('module.endpoints.aws_vpc_endpoint.ep_49["svc9"]');

    const ms = fastest(() => readPlan(plan), 5);
    console.log(`readPlan: 500 aws_vpc_endpoint instances in ${ms.toFixed(1)} ms (fastest of 5)`);
    expect(ms).toBeLessThan(250);
  });

  it("grows linearly: 10× the instances take well under 30× the time", () => {
    const large = generatedPlan(500, 10);
    const small = fastest(() => readPlan(plan), 5);
    const big = fastest(() => readPlan(large), 3);
    console.log(
      `readPlan: 5000 instances in ${big.toFixed(1)} ms (${(big / small).toFixed(1)}× 500)`,
    );
    expect(big / small).toBeLessThan(30);
  });
});
