import { describe, expect, it } from "vitest";
import { findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "endpoint-quota";

const SERVICES = ["sts", "logs", "kms", "sqs", "sns", "ssm", "ec2", "ecs", "lambda", "events"];

/** VPC "main" with `n` interface endpoints, to the services above in turn. */
const interfaces = (n: number) =>
  vpcTopology(
    `endpoints:\n${Array.from(
      { length: n },
      (_, i) =>
        `  - { id: einterface${i}, type: interface, service: ${SERVICES[i % SERVICES.length]} }`,
    ).join("\n")}`,
  );

describe(ID, () => {
  it("finds 51 interface endpoints in one VPC", () => {
    expect(findingsOf(ID, interfaces(51)).map((f) => f.message)).toEqual([
      'VPC "main" has 51 interface and GWLB endpoints; the AWS quota "Interface and Gateway Load Balancer endpoints per VPC" is 50',
    ]);
  });

  it("finds 22 gateway endpoints of one account in a Region", () => {
    const vpcs = Array.from(
      { length: 11 },
      (_, v) =>
        `      - { id: v${v}, region: eu-west-1, azs: [eu-west-1a], endpoints: [{ id: s3, type: gateway, service: s3 }, { id: ddb, type: gateway, service: dynamodb }] }`,
    ).join("\n");
    const gateways = `name: gw\naccounts:\n  - id: a\n    vpcs:\n${vpcs}\n`;
    expect(findingsOf(ID, gateways).map((f) => f.message)).toEqual([
      'account "a" has 22 gateway endpoints in eu-west-1; the AWS quota "Gateway VPC endpoints per Region" is 20',
    ]);
  });

  it("finds nothing for 50 interface endpoints in one VPC", () => {
    expect(findingsOf(ID, interfaces(50))).toEqual([]);
  });
});
