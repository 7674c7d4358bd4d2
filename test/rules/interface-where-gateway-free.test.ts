import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, POLICY, vpcTopology } from "../helpers/ruleCase.js";

const ID = "interface-where-gateway-free";

/** An s3 interface endpoint carrying 100 GB a month, with `more` of its keys. */
const s3 = (more = "") =>
  vpcTopology(
    `endpoints:\n  - { id: s3, type: interface, service: s3, gbPerMonth: 100, ${POLICY}${more} }`,
  );

describe(ID, () => {
  it("finds an s3 interface endpoint used only from its own VPC, pricing it", () => {
    // 2 ENIs × 730 h × 0.01 + 100 GB × 0.01 = 15.60
    expectFindings(ID, s3(), [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/s3",
        message:
          'endpoint "s3" reaches s3 through an interface endpoint (15.60 USD a month), used only from VPC "main": a gateway endpoint for s3 costs nothing',
        fix: "use type: gateway for s3 (with the VPC's private route tables), unless on-premises or other-Region clients need the interface endpoint",
        savingMonthly: "15.60",
      },
    ]);
  });

  it("finds nothing when clients of another Region use it", () => {
    const yaml = s3(", trafficSources: [{ region: us-east-2, gbPerMonth: 10 }]");
    expect(findingsOf(ID, yaml)).toEqual([]);
  });
});
