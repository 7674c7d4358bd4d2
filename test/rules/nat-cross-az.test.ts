import { describe, expect, it } from "vitest";
import { check } from "../../src/check/check.js";
import { bundledCatalog } from "../../src/pricing/bundledCatalog.js";
import { expectFindings, findingsOf, topologyOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "nat-cross-az";

/** A two-AZ VPC whose private subnets share one route table to the NAT gateway in us-east-1a. */
const SHARED = (nat: string, extra = "") =>
  `${extra}${vpcTopology(`
subnets:
  - { id: pub-a, az: us-east-1a, tier: public, routeTable: rt-pub }
  - { id: app-a, az: us-east-1a, routeTable: rt-private }
  - { id: app-b, az: us-east-1b, routeTable: rt-private }
routeTables:
  - { id: rt-pub, routes: [{ destination: 0.0.0.0/0, target: igw }] }
  - { id: rt-private, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }
natGateways:
  - ${nat}
`)}`;

const MESSAGE = (cost: string) =>
  `subnet "app-b" in us-east-1b routes 0.0.0.0/0 to NAT gateway "nat-a" in us-east-1a (route table "rt-private"): its traffic crosses AZs and pays inter-AZ transfer both ways${cost}, and an outage of us-east-1a cuts its internet access`;
const AT = { path: "accounts[0].vpcs[0].subnets[2].routeTable", resource: "a/main/app-b" };

describe(ID, () => {
  it("finds a subnet routed to a NAT gateway in another AZ, pricing its share of the NAT's traffic", () => {
    // nat-a processes 300 GB a month for the 2 subnets routed to it (app-a, app-b): app-b's
    // share is 150 GB, billed out and in at 0.01 USD per GB: 150 × 2 × 0.01 = 3.00.
    // A NAT gateway in us-east-1b: 730 h × 0.045 = 32.85, its public IPv4 730 h × 0.005 = 3.65
    expectFindings(ID, SHARED("{ id: nat-a, az: us-east-1a, subnet: pub-a, gbPerMonth: 300 }"), [
      {
        ...AT,
        message: MESSAGE(
          ' (about 3.00 USD a month, assuming "nat-a"\'s 300 GB a month split evenly over the 2 subnets routed to it)',
        ),
        fix: "add a NAT gateway in us-east-1b (36.50 USD a month before data) and give each AZ a route table whose routes go to its own AZ's NAT gateway",
        savingMonthly: "3.00",
      },
    ]);
  });

  it("finds nothing with a NAT gateway and a route table per AZ", () => {
    const fixed = vpcTopology(`
subnets:
  - { id: pub-a, az: us-east-1a, tier: public, routeTable: rt-pub }
  - { id: pub-b, az: us-east-1b, tier: public, routeTable: rt-pub }
  - { id: app-a, az: us-east-1a, routeTable: rt-a }
  - { id: app-b, az: us-east-1b, routeTable: rt-b }
routeTables:
  - { id: rt-pub, routes: [{ destination: 0.0.0.0/0, target: igw }] }
  - { id: rt-a, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }
  - { id: rt-b, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-b" }] }
natGateways:
  - { id: nat-a, az: us-east-1a, subnet: pub-a, gbPerMonth: 150 }
  - { id: nat-b, az: us-east-1b, subnet: pub-b, gbPerMonth: 150 }
`);
    expect(findingsOf(ID, fixed)).toEqual([]);
  });

  it("points at the NAT gateway already in the subnet's AZ; a private one has no IPv4 charge", () => {
    // 100 GB over 3 subnets (app-a, app-b, app-b2): 33.333333 GB each (6 decimals, as every
    // quantity), × 2 × 0.01 = 0.66666666 USD
    const yaml = SHARED(
      "{ id: nat-a, az: us-east-1a, subnet: pub-a, gbPerMonth: 100 }\n  - { id: nat-b, az: us-east-1b }",
    ).replace(
      "          - { id: app-b, az: us-east-1b, routeTable: rt-private }",
      "          - { id: app-b, az: us-east-1b, routeTable: rt-private }\n          - { id: app-b2, az: us-east-1b, routeTable: rt-private }",
    );
    const found = findingsOf(ID, yaml);
    expect(found.map((f) => [f.resource, f.savingMonthly, f.fix])).toEqual([
      [
        "a/main/app-b",
        "0.66666666",
        'give subnet "app-b" a route table of its own AZ whose routes go to NAT gateway "nat-b" in us-east-1b (a route table per AZ)',
      ],
      [
        "a/main/app-b2",
        "0.66666666",
        'give subnet "app-b2" a route table of its own AZ whose routes go to NAT gateway "nat-b" in us-east-1b (a route table per AZ)',
      ],
    ]);
    expect(found[0]?.message).toContain("over the 3 subnets routed to it");
    // a private NAT gateway to copy: hours only, at the topology's hoursPerMonth (720 × 0.045)
    const privateNat = SHARED(
      "{ id: nat-a, az: us-east-1a, connectivity: private, gbPerMonth: 10 }",
      "hoursPerMonth: 720\n",
    );
    const [privateFinding] = findingsOf(ID, privateNat);
    expect(privateFinding?.message).toMatch(
      /an outage of us-east-1a cuts its access through the NAT gateway$/,
    );
    expect(findingsOf(ID, privateNat).map((f) => [f.fix, f.savingMonthly])).toEqual([
      [
        "add a NAT gateway in us-east-1b (32.40 USD a month before data) and give each AZ a route table whose routes go to its own AZ's NAT gateway",
        "0.10",
      ],
    ]);
  });

  it("leaves the money out when the NAT gateway models no traffic or the catalog lacks the rate", () => {
    expectFindings(ID, SHARED("{ id: nat-a, az: us-east-1a, subnet: pub-a }"), [
      {
        ...AT,
        message: MESSAGE(""),
        fix: "add a NAT gateway in us-east-1b (36.50 USD a month before data) and give each AZ a route table whose routes go to its own AZ's NAT gateway",
      },
    ]);
    const catalog = structuredClone(bundledCatalog());
    delete catalog.regions["us-east-1"]?.interAzGb;
    const yaml = SHARED("{ id: nat-a, az: us-east-1a, subnet: pub-a, gbPerMonth: 300 }");
    const [finding, ...rest] = check(topologyOf(yaml), { rules: [ID], catalog });
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(MESSAGE(""));
    expect(finding?.savingMonthly).toBeUndefined();
    // the estimate needs no inter-AZ rate here, so the NAT gateway is still priced
    expect(finding?.fix).toBe(
      "add a NAT gateway in us-east-1b (36.50 USD a month before data) and give each AZ a route table whose routes go to its own AZ's NAT gateway",
    );
    // without NAT gateway prices the estimate fails: no cost in the fix either (a new
    // catalog object: prices are converted once per catalog)
    const noNat = structuredClone(catalog);
    delete noNat.regions["us-east-1"]?.natGatewayHour;
    expect(check(topologyOf(yaml), { rules: [ID], catalog: noNat })[0]?.fix).toBe(
      "add a NAT gateway in us-east-1b and give each AZ a route table whose routes go to its own AZ's NAT gateway",
    );
  });

  it("ignores subnets on the main route table and routes to the subnet's own AZ", () => {
    const yaml = vpcTopology(`
subnets:
  - { id: app-a, az: us-east-1a, routeTable: rt-a }
  - { id: app-b, az: us-east-1b }
routeTables:
  - { id: rt-a, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }
natGateways: [{ id: nat-a, az: us-east-1a, gbPerMonth: 50 }]
`);
    expect(findingsOf(ID, yaml)).toEqual([]);
  });

  it("names every destination and NAT gateway of another AZ, adding their shares", () => {
    // nat-a: 40 GB over 2 subnets (app-a, app-b) = 20; nat-c: 30 GB over app-b alone = 30;
    // (20 + 30) × 2 × 0.01 = 1.00
    const yaml = SHARED(
      "{ id: nat-a, az: us-east-1a, subnet: pub-a, gbPerMonth: 40 }\n  - { id: nat-c, az: us-east-1a, gbPerMonth: 30 }",
    )
      .replace(
        "azs: [us-east-1a, us-east-1b]",
        "azs: [us-east-1a, us-east-1b]\n        cidr: 10.0.0.0/16",
      )
      .replace(
        "          - { id: app-b, az: us-east-1b, routeTable: rt-private }",
        "          - { id: app-b, az: us-east-1b, routeTable: rt-b }",
      )
      .replace(
        '          - { id: rt-private, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }',
        '          - { id: rt-private, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }] }\n          - { id: rt-b, routes: [{ destination: 0.0.0.0/0, target: "nat:nat-a" }, { destination: 192.168.0.0/16, target: "nat:nat-c" }, { destination: pl-63a5400a, target: "nat:nat-c" }] }',
      );
    const found = findingsOf(ID, yaml);
    expect(found.map((f) => [f.resource, f.path, f.savingMonthly])).toEqual([
      ["a/main/app-b", "accounts[0].vpcs[0].subnets[2].routeTable", "1.00"],
    ]);
    expect(found[0]?.message).toBe(
      `subnet "app-b" in us-east-1b routes 0.0.0.0/0 to NAT gateway "nat-a" in us-east-1a and 192.168.0.0/16, pl-63a5400a to NAT gateway "nat-c" in us-east-1a (route table "rt-b"): its traffic crosses AZs and pays inter-AZ transfer both ways (about 1.00 USD a month, assuming "nat-a"'s 40 GB a month split evenly over the 2 subnets routed to it, "nat-c"'s 30 GB a month split evenly over the 1 subnet routed to it), and an outage of us-east-1a cuts its internet access`,
    );
  });
});
