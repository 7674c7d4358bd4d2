import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf } from "../helpers/ruleCase.js";

const ID = "tgw-attachment-az-gap";

/** A three-AZ spoke VPC with workloads in every AZ, attached to a transit gateway. */
const SPOKE = (attachment: string, workloads = WORKLOADS) => `name: tgw
accounts:
  - id: net
    transitGateways:
      - id: hub
        region: us-east-1
        attachments:
          - ${attachment}
  - id: app
    vpcs:
      - id: spoke
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-1c]
        subnets:
          - { id: app-a, az: us-east-1a }
          - { id: app-b, az: us-east-1b }
          - { id: pub-c, az: us-east-1c, tier: public }
          - { id: app-c, az: us-east-1c }
        workloads:
${workloads}
`;
const WORKLOADS = `          - { id: api, az: us-east-1a }
          - { id: worker, subnet: app-b }
          - { id: cron, az: us-east-1c }
          - { id: floating }`;

describe(ID, () => {
  it("finds an attachment whose subnets leave out AZs where workloads run", () => {
    // workloads run in us-east-1a (api), us-east-1b (worker, by its subnet) and us-east-1c
    // (cron); floating has no AZ. The attachment has app-a only: 1b and 1c are cut off.
    // The suggested subnets are each AZ's first private one (app-c, not the public pub-c).
    expectFindings(ID, SPOKE("{ vpc: spoke, subnets: [app-a] }"), [
      {
        path: "accounts[0].transitGateways[0].attachments[0].subnets",
        resource: "app/spoke/hub",
        message:
          'the attachment of VPC "spoke" to transit gateway "hub" has subnets in us-east-1a only, but workloads "worker", "cron" run in us-east-1b, us-east-1c: resources there cannot reach the transit gateway',
        fix: 'add subnet "app-b" (us-east-1b) and subnet "app-c" (us-east-1c) to the attachment\'s subnets (one per AZ; the attachment is billed per hour whatever its AZs)',
      },
    ]);
  });

  it("finds nothing once the attachment has a subnet in every AZ with workloads", () => {
    expect(findingsOf(ID, SPOKE("{ vpc: spoke, subnets: [app-a, app-b, pub-c] }"))).toEqual([]);
  });

  it("finds nothing for an attachment without subnets (one in every AZ)", () => {
    expect(findingsOf(ID, SPOKE("{ vpc: spoke }"))).toEqual([]);
  });

  it("counts only the AZs where workloads run, not every AZ of the VPC", () => {
    const onlyA =
      "          - { id: api, az: us-east-1a }\n          - { id: batch, subnet: app-a }";
    expect(findingsOf(ID, SPOKE("{ vpc: spoke, subnets: [app-a] }", onlyA))).toEqual([]);
    expect(
      findingsOf(ID, SPOKE("{ vpc: spoke, subnets: [app-a] }", "          - { id: idle }")),
    ).toEqual([]);
    const onlyC = "          - { id: cron, az: us-east-1c }";
    expect(findingsOf(ID, SPOKE("{ vpc: spoke, subnets: [app-a, app-b] }", onlyC))).toEqual([
      {
        rule: ID,
        severity: "warning",
        docs: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
        path: "accounts[0].transitGateways[0].attachments[0].subnets",
        resource: "app/spoke/hub",
        message:
          'the attachment of VPC "spoke" to transit gateway "hub" has subnets in us-east-1a, us-east-1b only, but workload "cron" runs in us-east-1c: resources there cannot reach the transit gateway',
        fix: 'add subnet "app-c" (us-east-1c) to the attachment\'s subnets (one per AZ; the attachment is billed per hour whatever its AZs)',
      },
    ]);
  });
});
