import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "gwlb-endpoint-one-subnet";

/** A GWLB endpoint with `azs` (its other keys) in the two-AZ VPC "main". */
const fw = (azs: string) =>
  vpcTopology(
    `endpoints:\n  - { id: fw, type: gwlb${azs}, serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 }`,
  );

describe(ID, () => {
  it("finds a GWLB endpoint placed in the VPC's two AZs", () => {
    expectFindings(ID, fw(""), [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/fw",
        message:
          'GWLB endpoint "fw" is placed in 2 subnets (us-east-1a, us-east-1b); AWS creates a Gateway Load Balancer endpoint in one subnet only',
        fix: "create one GWLB endpoint per AZ, each with one subnet (subnets: [one])",
      },
    ]);
  });

  it("finds nothing for a GWLB endpoint in one AZ", () => {
    expect(findingsOf(ID, fw(", azs: [us-east-1a]"))).toEqual([]);
  });
});
