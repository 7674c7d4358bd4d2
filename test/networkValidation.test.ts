import { describe, expect, it } from "vitest";
import { problemsOf } from "./helpers/topologyProblems.js";

const topology = (account: string, vpc: string, extra = "") => `name: net
accounts:
  - id: a
${account}
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
${vpc}
${extra}`;

describe("routes, AZ IDs, workloads, attachments and load balancers", () => {
  it("checks route destinations and targets", () => {
    const yaml = topology(
      "",
      `        natGateways: [{ id: nat-a, az: us-east-1a }]
        routeTables:
          - id: rt
            routes:
              - { destination: 0.0.0.0/0, target: nat:nat-b }
              - { destination: 0.0.0.0/0, target: igw }
              - { destination: 10.0.0.1/8, target: tgw:hub }
              - { destination: pl-63a5400a, target: tgw:tgw }`,
      `    transitGateways: [{ id: tgw, region: us-east-1 }]`,
    );
    expect(problemsOf(yaml)).toEqual([
      {
        path: "accounts[0].vpcs[0].routeTables[0].routes[0].target",
        message: 'unknown NAT gateway "nat-b" in VPC "main" (did you mean "nat-a"?)',
      },
      {
        path: "accounts[0].vpcs[0].routeTables[0].routes[1].destination",
        message: 'route table "rt" has two routes for 0.0.0.0/0',
      },
      {
        path: "accounts[0].vpcs[0].routeTables[0].routes[2].destination",
        message: '"10.0.0.1/8" has host bits set; the network is 10.0.0.0/8',
      },
      {
        path: "accounts[0].vpcs[0].routeTables[0].routes[2].target",
        message: 'unknown transit gateway "hub"',
      },
      {
        path: "accounts[0].vpcs[0].routeTables[0].routes[3].target",
        message: 'VPC "main" is not attached to transit gateway "tgw"; add it to its attachments',
      },
    ]);
  });

  it("checks AZ IDs against the Region's and refuses two names on one ID", () => {
    const yaml = topology(
      "    azIds: { us-east-1a: use1-az6, us-east-1b: use1-az6, us-east-1c: euw2-az1 }",
      "",
    );
    expect(problemsOf(yaml)).toEqual([
      {
        path: 'accounts[0].azIds["us-east-1b"]',
        message: "us-east-1a and us-east-1b both map to use1-az6",
      },
      {
        path: 'accounts[0].azIds["us-east-1c"]',
        message:
          '"euw2-az1" is not an AZ ID of us-east-1 (it has use1-az1, use1-az2, use1-az3, use1-az4, use1-az5, use1-az6)',
      },
    ]);
  });

  it("checks workloads' security groups, subnets and cross-VPC endpoints", () => {
    const yaml = topology(
      "",
      `        subnets: [{ id: s-a, az: us-east-1a }]
        securityGroups: [{ id: app }]
        workloads:
          - { id: w, az: us-east-1b, subnet: s-a, securityGroups: [apps], uses: [hub/ssm, hub/sts] }
      - id: hub
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: ssm, type: interface, service: ssm }]`,
    );
    expect(problemsOf(yaml)).toEqual([
      {
        path: "accounts[0].vpcs[0].workloads[0].subnet",
        message: 'subnet "s-a" is in us-east-1a, not us-east-1b',
      },
      {
        path: "accounts[0].vpcs[0].workloads[0].securityGroups[0]",
        message: 'unknown security group "apps" in VPC "main" (did you mean "app"?)',
      },
      {
        path: "accounts[0].vpcs[0].workloads[0].uses[1]",
        message: 'unknown endpoint "hub/sts" (did you mean "hub/ssm"?)',
      },
    ]);
  });

  it("checks attachment subnets and load balancer target AZs", () => {
    const yaml = topology(
      "",
      `        subnets: [{ id: s-a, az: us-east-1a }, { id: s-a2, az: us-east-1a }]
        loadBalancers: [{ id: nlb, azs: [us-east-1a], targetAzs: [us-east-1b] }]`,
      `    transitGateways: [{ id: tgw, region: us-east-1, attachments: [{ vpc: main, subnets: [s-a, s-a2, s-b] }] }]`,
    );
    expect(problemsOf(yaml)).toEqual([
      {
        path: "accounts[0].vpcs[0].loadBalancers[0].targetAzs[0]",
        message: '"us-east-1b" is not an AZ of load balancer "nlb" (us-east-1a)',
      },
      {
        path: "accounts[0].transitGateways[0].attachments[0].subnets[1]",
        message:
          'subnets "s-a" and "s-a2" are both in us-east-1a; a transit gateway attachment takes at most one subnet per AZ',
      },
      {
        path: "accounts[0].transitGateways[0].attachments[0].subnets[2]",
        message: 'unknown subnet "s-b" in VPC "main" (did you mean "s-a"?)',
      },
    ]);
  });
});
