import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, POLICY, vpcTopology } from "../helpers/ruleCase.js";

const ID = "single-az-endpoint-prod";

/** An sts interface endpoint with `azs` (its other keys) in the two-AZ VPC "main". */
const sts = (azs: string) =>
  vpcTopology(`endpoints:\n  - { id: sts, type: interface, service: sts${azs}, ${POLICY} }`);

describe(ID, () => {
  it("finds an endpoint in one AZ of a VPC spanning more, pricing the ENIs it lacks", () => {
    // one ENI: 730 h × 0.01 = 7.30
    expectFindings(ID, sts(", azs: [us-east-1a]"), [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/sts",
        message:
          'endpoint "sts" has its only ENI in us-east-1a of VPC "main", which spans 2 AZs: an outage of us-east-1a cuts the others off, and their traffic pays inter-AZ transfer',
        fix: "add ENIs in us-east-1b (7.30 USD a month more)",
      },
    ]);
  });

  it("finds nothing for an endpoint in every AZ of its VPC", () => {
    expect(findingsOf(ID, sts(""))).toEqual([]);
  });
});
