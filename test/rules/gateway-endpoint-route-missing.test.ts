import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "gateway-endpoint-route-missing";

/** A two-AZ VPC with a route table per AZ (both to one NAT gateway) and an s3 gateway endpoint. */
const VPC = (endpoint: string, workloads: string, more = "") =>
  vpcTopology(`
subnets:
  - { id: pub-a, az: us-east-1a, tier: public, routeTable: rt-pub }
  - { id: app-a, az: us-east-1a, routeTable: rt-a }
  - { id: app-b, az: us-east-1b, routeTable: rt-b }
${more}
routeTables:
  - { id: rt-pub, routes: [{ destination: 0.0.0.0/0, target: igw }] }
  - { id: rt-a, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }
  - { id: rt-b, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }
  - { id: rt-none }
natGateways: [{ id: nat-a, az: us-east-1a, subnet: pub-a }]
endpoints:
  - ${endpoint}
workloads:
${workloads}
`);

const WORKLOADS = `  - { id: app, az: us-east-1a, uses: [s3] }
  - { id: batch, az: us-east-1b, uses: [s3] }
  - { id: etl, subnet: app-b, uses: [main/s3] }`;

const AT = { path: "accounts[0].vpcs[0].endpoints[0].routeTables", resource: "a/main/s3" };

describe(ID, () => {
  it("finds the route table of a workload's subnet missing from the endpoint's routeTables", () => {
    // app runs in us-east-1a (private subnet app-a, rt-a: listed); batch in us-east-1b
    // (app-b, rt-b) and etl in subnet app-b: rt-b is not listed, one finding for it
    expectFindings(
      ID,
      VPC("{ id: s3, type: gateway, service: s3, routeTables: [rt-a] }", WORKLOADS),
      [
        {
          ...AT,
          message:
            'gateway endpoint "s3" (s3) is used by workloads "batch", "etl" in subnet "app-b", whose route table "rt-b" is not among the endpoint\'s routeTables: s3 traffic from there goes through NAT gateway "nat-a" instead, billed per GB',
          fix: 'add "rt-b" to routeTables of endpoint "s3"',
        },
      ],
    );
  });

  it("finds nothing once every workload's route table is listed", () => {
    const fixed = VPC(
      "{ id: s3, type: gateway, service: s3, routeTables: [rt-a, rt-b] }",
      WORKLOADS,
    );
    expect(findingsOf(ID, fixed)).toEqual([]);
  });

  it("gives one finding on an endpoint with routeTables: [] that workloads use", () => {
    expectFindings(ID, VPC("{ id: s3, type: gateway, service: s3 }", WORKLOADS), [
      {
        ...AT,
        message:
          'gateway endpoint "s3" (s3) has no route tables (routeTables: []), but workloads "app", "batch", "etl" use it: no subnet routes s3 traffic through it',
        fix: "list the route tables of the workloads' subnets in routeTables (routeTables: [rt-a, rt-b])",
      },
    ]);
  });

  it("ignores an endpoint no workload uses, and workloads with neither az nor subnet", () => {
    const unused = VPC("{ id: s3, type: gateway, service: s3 }", "  - { id: app, az: us-east-1a }");
    expect(findingsOf(ID, unused)).toEqual([]);
    const roaming = (tables: string) =>
      VPC(
        `{ id: s3, type: gateway, service: s3, routeTables: [${tables}] }`,
        "  - { id: roaming, uses: [s3] }",
      );
    expect(findingsOf(ID, roaming("rt-a"))).toEqual([]);
    // with routeTables: [] it is still found, with no table to name
    expect(findingsOf(ID, roaming("")).map((f) => f.fix)).toEqual([
      "give the workloads' subnets route tables (subnets[].routeTable) and list them in the endpoint's routeTables",
    ]);
  });

  it("names the main route table for a subnet without one, and what other tables do instead", () => {
    const more = [
      "  - { id: db-b, az: us-east-1b }",
      "  - { id: iso-a, az: us-east-1a, routeTable: rt-none }",
      "  - { id: web-a, az: us-east-1a, tier: public, routeTable: rt-pub }",
    ].join("\n");
    const workloads = [
      "  - { id: db, subnet: db-b, uses: [s3] }",
      "  - { id: iso, subnet: iso-a, uses: [s3] }",
      "  - { id: web, subnet: web-a, uses: [s3] }",
    ].join("\n");
    const yaml = VPC(
      "{ id: s3, type: gateway, service: s3, routeTables: [rt-a] }",
      workloads,
      more,
    );
    expectFindings(ID, yaml, [
      {
        ...AT,
        message:
          'gateway endpoint "s3" (s3) is used by workload "db" in subnet "db-b", which uses the VPC\'s main route table (not modelled, so not among the endpoint\'s routeTables): s3 traffic from there does not go through the endpoint',
        fix: 'give subnet "db-b" a route table (routeTable: …) and add it to routeTables of endpoint "s3"',
      },
      {
        ...AT,
        message:
          'gateway endpoint "s3" (s3) is used by workload "iso" in subnet "iso-a", whose route table "rt-none" is not among the endpoint\'s routeTables: the table has no route to s3: requests from there fail',
        fix: 'add "rt-none" to routeTables of endpoint "s3"',
      },
      {
        ...AT,
        message:
          'gateway endpoint "s3" (s3) is used by workload "web" in subnet "web-a", whose route table "rt-pub" is not among the endpoint\'s routeTables: s3 traffic from there goes over the internet gateway instead of the endpoint',
        fix: 'add "rt-pub" to routeTables of endpoint "s3"',
      },
    ]);
  });

  it("covers a workload's AZ through every private subnet there (default subnets: the main table)", () => {
    const yaml = `name: gw
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints: [{ id: ddb, type: gateway, service: dynamodb, routeTables: [] }]
        workloads: [{ id: app, az: us-east-1b, uses: [ddb] }]
      - id: other
        region: us-east-1
        azs: [us-east-1a]
        routeTables: [{ id: rt }]
        endpoints: [{ id: s3, type: gateway, service: s3, routeTables: [rt] }]
`;
    expectFindings(ID, yaml, [
      {
        path: "accounts[0].vpcs[0].endpoints[0].routeTables",
        resource: "a/main/ddb",
        message:
          'gateway endpoint "ddb" (dynamodb) has no route tables (routeTables: []), but workload "app" uses it: no subnet routes dynamodb traffic through it',
        fix: "give the workloads' subnets route tables (subnets[].routeTable) and list them in the endpoint's routeTables",
      },
    ]);
  });

  it("gives one finding per (endpoint, route table), in the order workloads name them", () => {
    const yaml = VPC(
      "{ id: s3, type: gateway, service: s3, routeTables: [rt-pub] }\n  - { id: ddb, type: gateway, service: dynamodb, routeTables: [rt-a, rt-b] }",
      "  - { id: app, az: us-east-1b, uses: [s3, ddb] }\n  - { id: batch, subnet: app-a, uses: [s3] }",
    );
    expect(findingsOf(ID, yaml).map((f) => [f.resource, f.fix])).toEqual([
      ["a/main/s3", 'add "rt-b" to routeTables of endpoint "s3"'],
      ["a/main/s3", 'add "rt-a" to routeTables of endpoint "s3"'],
    ]);
  });

  it("finds workloads of another VPC using the endpoint, which only its own VPC can", () => {
    const yaml = `name: gw
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a]
        routeTables: [{ id: rt }]
        endpoints: [{ id: s3, type: gateway, service: s3, routeTables: [rt] }]
      - id: other
        region: us-east-1
        azs: [us-east-1a]
        subnets: [{ id: o-a, az: us-east-1a, routeTable: ort }]
        routeTables: [{ id: ort }]
        workloads:
          - { id: app, subnet: o-a, uses: [main/s3] }
          - { id: cli, uses: [main/s3, main/s3] }
`;
    expectFindings(ID, yaml, [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/s3",
        message:
          'gateway endpoint "s3" (s3) of VPC "main" is used by workloads "app", "cli" of VPC "other": a gateway endpoint serves only its own VPC, so s3 traffic from there does not reach it',
        fix: 'add a gateway endpoint for s3 to VPC "other" (gateway endpoints are free), with the route tables of its workloads\' subnets',
      },
    ]);
  });
});
