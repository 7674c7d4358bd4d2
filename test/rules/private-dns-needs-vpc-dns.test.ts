import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, POLICY, vpcTopology } from "../helpers/ruleCase.js";

const ID = "private-dns-needs-vpc-dns";

const STS = `endpoints:\n  - { id: sts, type: interface, service: sts, privateDns: true, ${POLICY} }`;

describe(ID, () => {
  it("finds an endpoint with private DNS in a VPC with enableDnsHostnames off", () => {
    expectFindings(ID, vpcTopology(STS), [
      {
        path: "accounts[0].vpcs[0].endpoints[0].privateDns",
        resource: "a/main/sts",
        message:
          'endpoint "sts" enables private DNS, but VPC "main" has enableDnsHostnames off (the AWS default): the service\'s name keeps resolving to its public addresses',
        fix: 'set enableDnsHostnames: true on VPC "main"',
      },
    ]);
  });

  it("finds nothing once the VPC enables DNS hostnames", () => {
    expect(findingsOf(ID, vpcTopology(`enableDnsHostnames: true\n${STS}`))).toEqual([]);
  });
});
