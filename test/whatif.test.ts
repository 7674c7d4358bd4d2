import { describe, expect, it } from "vitest";
import { compare } from "../src/compare/compare.js";
import { formatMoney, type Money } from "../src/core/money.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology, parseTopologyDoc } from "../src/topology/parseTopology.js";
import type {
  EndpointDoc,
  InterfaceEndpointDoc,
  TopologyDoc,
  VpcDoc,
} from "../src/topology/topologySchema.js";
import { centralizeEndpoints } from "../src/whatif/centralizeEndpoints.js";
import { consolidateAzs } from "../src/whatif/consolidateAzs.js";
import { natToEndpoints } from "../src/whatif/natToEndpoints.js";
import { applyWhatIf, WhatIfSchema } from "../src/whatif/whatIf.js";
import { caught } from "./helpers/caught.js";
import { docOf, exampleDoc } from "./helpers/examples.js";
import { times, usd } from "./helpers/money.js";

const catalog = bundledCatalog();

const monthly = (doc: TopologyDoc): Money => estimate(parseTopology(doc), catalog).totals.monthly;

function vpcOf(doc: TopologyDoc, id: string): VpcDoc {
  const vpc = doc.accounts.flatMap((a) => a.vpcs).find((v) => v.id === id);
  if (!vpc) throw new Error(`no VPC ${id}`);
  return vpc;
}
function endpointOf(doc: TopologyDoc, vpc: string, id: string): EndpointDoc {
  const endpoint = vpcOf(doc, vpc).endpoints.find((e) => e.id === id);
  if (!endpoint) throw new Error(`no endpoint ${vpc}/${id}`);
  return endpoint;
}
function interfaceOf(doc: TopologyDoc, vpc: string, id: string): InterfaceEndpointDoc {
  const endpoint = endpointOf(doc, vpc, id);
  if (endpoint.type !== "interface") throw new Error(`${vpc}/${id} is ${endpoint.type}`);
  return endpoint;
}

/** Run a transform and check that it left its input alone. */
function unmutated<T>(doc: TopologyDoc, transform: (d: TopologyDoc) => T): T {
  const before = structuredClone(doc);
  const result = transform(doc);
  expect(doc).toEqual(before);
  return result;
}

// ---------------------------------------------------------------------------------------
// consolidateAzs (us-east-1: ENI 0.01/h, endpoint data 0.01/GB, inter-AZ 0.01/GB each way)
// ---------------------------------------------------------------------------------------

const THREE_AZS = `
name: three
accounts:
  - id: acct
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-1c]
        subnets:
          - { id: private-a, az: us-east-1a }
          - { id: private-b, az: us-east-1b }
          - { id: private-c, az: us-east-1c }
        endpoints:
          - { id: sts, type: interface, service: sts, gbPerMonth: 90 }
          - { id: s3, type: gateway, service: s3, gbPerMonth: 500 }
      - id: other
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints:
          - { id: logs, type: interface, service: logs, gbPerMonth: 10 }
`;

describe("consolidateAzs", () => {
  it("3 AZs → 1: keeps us-east-1a, the other AZs' share becomes cross-AZ traffic", () => {
    const doc = docOf(THREE_AZS);
    const after = unmutated(doc, (d) => consolidateAzs(d, { azs: 1, vpc: "main" }));
    const sts = interfaceOf(after, "main", "sts");
    expect(sts.azs).toEqual(["us-east-1a"]);
    expect(sts.gbPerMonth).toBe(90);
    // 90 GB originate evenly in the 3 AZs: 30 from b and 30 from c now cross to a
    expect(sts.trafficSources).toEqual([
      { az: "us-east-1b", gbPerMonth: 30 },
      { az: "us-east-1c", gbPerMonth: 30 },
    ]);
    // gateway endpoints have no AZs: untouched
    expect(endpointOf(after, "main", "s3")).toEqual(endpointOf(doc, "main", "s3"));

    // before: 3 × 730 × 0.01 = 21.90 hours + 90 × 0.01 = 0.90 data, plus other's logs
    // (2 × 7.30 + 0.10 = 14.70)
    const otherVpc = 2n * 730n * usd("0.01") + times("10", "0.01");
    const before = 3n * 730n * usd("0.01") + times("90", "0.01");
    expect(monthly(doc)).toBe(before + otherVpc);
    // after: 730 × 0.01 + 90 × 0.01 + cross-AZ 60 GB × 2 × 0.01 = 7.30 + 0.90 + 1.20 = 9.40
    const expected = 730n * usd("0.01") + times("90", "0.01") + times("60", "0.01") * 2n;
    expect(formatMoney(expected)).toBe("9.40");
    expect(monthly(after)).toBe(expected + otherVpc);

    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    // 9.40 − 22.80 = −13.40
    expect(c.delta.monthly).toBe(expected - before);
    expect(formatMoney(c.delta.monthly)).toBe("-13.40");
    const byId = new Map(c.changes.map((x) => [x.id, x]));
    expect(byId.get("acct/main/interface-endpoint/sts/hours/us-east-1b")?.change).toBe("removed");
    const crossB = byId.get("acct/main/data-transfer/sts/cross-az/us-east-1b");
    expect(crossB?.change).toBe("added");
    expect(crossB?.after?.monthly).toBe(times("30", "0.01") * 2n);
  });

  it("without vpc, every VPC's interface endpoints are consolidated", () => {
    const after = consolidateAzs(docOf(THREE_AZS), { azs: 1 });
    expect(interfaceOf(after, "main", "sts").azs).toEqual(["us-east-1a"]);
    const logs = interfaceOf(after, "other", "logs");
    expect(logs.azs).toEqual(["us-east-1a"]);
    expect(logs.trafficSources).toEqual([{ az: "us-east-1b", gbPerMonth: 5 }]);
  });

  it("the vpc option leaves the other VPCs exactly as they were", () => {
    const doc = docOf(THREE_AZS);
    const after = consolidateAzs(doc, { azs: 1, vpc: "main" });
    expect(vpcOf(after, "other")).toEqual(vpcOf(doc, "other"));
  });

  it("an uneven split gives the micro-GB remainder to the first AZs; shares add up exactly", () => {
    // 10 GB over 3 AZs: 10,000,000 micro-GB = 3 × 3,333,333 + 1 → a 3.333334, b and c 3.333333
    const doc = docOf(THREE_AZS.replace("gbPerMonth: 90", "gbPerMonth: 10"));
    const keepC = interfaceOf(consolidateAzs(doc, { azs: ["us-east-1c"] }), "main", "sts");
    expect(keepC.azs).toEqual(["us-east-1c"]);
    expect(keepC.trafficSources).toEqual([
      { az: "us-east-1a", gbPerMonth: 3.333334 },
      { az: "us-east-1b", gbPerMonth: 3.333333 },
    ]);
    // 3.333334 + 3.333333 + c's own 3.333333 = 10 exactly (in micro-GB)
    expect(3_333_334 + 3_333_333 + 3_333_333).toBe(10_000_000);

    // 11 GB: 11,000,000 = 3 × 3,666,666 + 2 → a and b 3.666667, c 3.666666
    const eleven = docOf(THREE_AZS.replace("gbPerMonth: 90", "gbPerMonth: 11"));
    const keepA = interfaceOf(consolidateAzs(eleven, { azs: 1 }), "main", "sts");
    expect(keepA.trafficSources).toEqual([
      { az: "us-east-1b", gbPerMonth: 3.666667 },
      { az: "us-east-1c", gbPerMonth: 3.666666 },
    ]);
    // cross-AZ: (3.666667 + 3.666666) × 2 × 0.01 = 0.14666666
    const after = estimate(parseTopology(consolidateAzs(eleven, { azs: 1 })), catalog);
    const cross = after.lines.filter((l) => l.component === "cross-az" && l.resource === "sts");
    expect(cross.map((l) => formatMoney(l.monthly))).toEqual(["0.07333334", "0.07333332"]);
  });

  it("an explicit list of AZs", () => {
    const after = consolidateAzs(docOf(THREE_AZS), { azs: ["us-east-1a", "us-east-1c"] });
    const sts = interfaceOf(after, "main", "sts");
    expect(sts.azs).toEqual(["us-east-1a", "us-east-1c"]);
    expect(sts.trafficSources).toEqual([{ az: "us-east-1b", gbPerMonth: 30 }]);
    // "other" has a and b; only a is listed
    expect(interfaceOf(after, "other", "logs").azs).toEqual(["us-east-1a"]);
    // sts: 2 × 7.30 + 0.90 + 30 × 2 × 0.01 = 16.10
    const mainVpc = estimate(parseTopology(after), catalog)
      .lines.filter((l) => l.vpc === "main")
      .reduce((total, l) => total + l.monthly, 0n);
    expect(formatMoney(mainVpc)).toBe("16.10");

    // a VPC with none of the listed AZs is left alone ("other" has a and b)
    const onlyC = consolidateAzs(docOf(THREE_AZS), { azs: ["us-east-1c"] });
    expect(interfaceOf(onlyC, "other", "logs")).toEqual(
      interfaceOf(docOf(THREE_AZS), "other", "logs"),
    );
    expect(interfaceOf(onlyC, "main", "sts").azs).toEqual(["us-east-1c"]);

    // an endpoint with no ENI in the listed AZs moves to the first of them, and all of its
    // traffic crosses: sts only in b (90 GB) → c
    const inB = docOf(
      THREE_AZS.replace(
        "{ id: sts, type: interface, service: sts, gbPerMonth: 90 }",
        "{ id: sts, type: interface, service: sts, azs: [us-east-1b], gbPerMonth: 90 }",
      ),
    );
    const moved = interfaceOf(
      consolidateAzs(inB, { azs: ["us-east-1c"], vpc: "main" }),
      "main",
      "sts",
    );
    expect(moved.azs).toEqual(["us-east-1c"]);
    expect(moved.trafficSources).toEqual([{ az: "us-east-1b", gbPerMonth: 90 }]);
  });

  it("an endpoint placed by subnets keeps the subnets of the kept AZs", () => {
    const doc = docOf(
      THREE_AZS.replace(
        "{ id: sts, type: interface, service: sts, gbPerMonth: 90 }",
        "{ id: sts, type: interface, service: sts, subnets: [private-a, private-b, private-c], gbPerMonth: 90 }",
      ),
    );
    const after = unmutated(doc, (d) => consolidateAzs(d, { azs: 1, vpc: "main" }));
    const sts = interfaceOf(after, "main", "sts");
    expect(sts.subnets).toEqual(["private-a"]);
    expect(sts.azs).toBeUndefined();
    expect(sts.trafficSources).toEqual([
      { az: "us-east-1b", gbPerMonth: 30 },
      { az: "us-east-1c", gbPerMonth: 30 },
    ]);
    expect(monthly(after)).toBe(monthly(consolidateAzs(docOf(THREE_AZS), { azs: 1, vpc: "main" })));
  });

  it("existing sources: an AZ source in a removed AZ grows, region sources stay", () => {
    // 90 GB: 12 from us-east-1c (which has an ENI: no crossing yet), 6 from us-east-2; the
    // remaining 72 originate evenly in a, b, c: 24 each
    const doc = docOf(
      THREE_AZS.replace(
        "{ id: sts, type: interface, service: sts, gbPerMonth: 90 }",
        `{ id: sts, type: interface, service: sts, gbPerMonth: 90,
             trafficSources: [{ az: us-east-1c, gbPerMonth: 12 }, { region: us-east-2, gbPerMonth: 6 }] }`,
      ),
    );
    const after = unmutated(doc, (d) => consolidateAzs(d, { azs: 1, vpc: "main" }));
    const sts = interfaceOf(after, "main", "sts");
    expect(sts.trafficSources).toEqual([
      { az: "us-east-1c", gbPerMonth: 36 },
      { region: "us-east-2", gbPerMonth: 6 },
      { az: "us-east-1b", gbPerMonth: 24 },
    ]);
    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    // −2 ENIs (2 × 7.30) + cross-AZ (36 + 24) × 2 × 0.01 = −14.60 + 1.20 = −13.40;
    // the inter-region line (6 GB from us-east-2) is unchanged
    expect(formatMoney(c.delta.monthly)).toBe("-13.40");
    expect(c.changes.map((x) => x.id)).not.toContain(
      "acct/main/data-transfer/sts/inter-region-from-us-east-2",
    );
    expect(
      c.after.lines.some((l) => l.id.startsWith("acct/main/data-transfer/sts/inter-region")),
    ).toBe(true);
  });

  it("an endpoint already in as few AZs is left as it was", () => {
    const doc = docOf(THREE_AZS);
    const after = consolidateAzs(doc, { azs: 3 });
    expect(after.accounts).toEqual(doc.accounts);
  });

  it("errors: azs 0, unknown VPC, AZ not in the VPC", () => {
    const doc = docOf(THREE_AZS);
    const zero = caught(() => consolidateAzs(doc, { azs: 0 }));
    expect(zero.code).toBe("invalid_request");
    expect(zero.problems.map((p) => p.path)).toEqual(["azs"]);
    expect(caught(() => consolidateAzs(doc, { azs: 1.5 })).problems[0]?.path).toBe("azs");
    expect(caught(() => consolidateAzs(doc, { azs: [] })).problems[0]?.path).toBe("azs");

    const unknown = caught(() => consolidateAzs(doc, { azs: 1, vpc: "mian" }));
    expect(unknown.code).toBe("invalid_request");
    expect(unknown.problems).toEqual([
      { path: "vpc", message: 'no VPC "mian" in the topology (VPCs: "main", "other")' },
    ]);

    const notAz = caught(() => consolidateAzs(doc, { azs: ["us-east-1a", "us-east-1d"] }));
    expect(notAz.code).toBe("invalid_request");
    expect(notAz.problems).toEqual([
      { path: "azs[1]", message: "us-east-1d is not an AZ of any VPC" },
    ]);
    // us-east-1c is an AZ of main but not of other
    const notInOther = caught(() => consolidateAzs(doc, { azs: ["us-east-1c"], vpc: "other" }));
    expect(notInOther.problems).toEqual([
      { path: "azs[0]", message: 'us-east-1c is not an AZ of VPC "other"' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// natToEndpoints (us-east-1: NAT 0.045/GB)
// ---------------------------------------------------------------------------------------

const NAT = `
name: nat
accounts:
  - id: acct
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        subnets:
          - { id: public-a, az: us-east-1a, tier: public, routeTable: rt-public }
          - { id: private-a, az: us-east-1a, routeTable: rt-a }
          - { id: private-b, az: us-east-1b, routeTable: rt-b }
        routeTables: [{ id: rt-public }, { id: rt-a }, { id: rt-b }]
        natGateways:
          - id: nat-a
            az: us-east-1a
            subnet: public-a
            gbPerMonth: 100
            destinations: [{ service: s3, gbPerMonth: 40 }, { service: sqs, gbPerMonth: 10 }]
`;

describe("natToEndpoints", () => {
  it("s3 → free gateway endpoint on the private route tables, sqs → interface endpoint", () => {
    const doc = docOf(NAT);
    const after = unmutated(doc, (d) => natToEndpoints(d));
    const vpc = vpcOf(after, "main");
    expect(vpc.endpoints).toEqual([
      {
        id: "s3",
        type: "gateway",
        service: "s3",
        gbPerMonth: 40,
        trafficSources: [],
        routeTables: ["rt-a", "rt-b"],
      },
      {
        id: "sqs",
        type: "interface",
        service: "sqs",
        gbPerMonth: 10,
        trafficSources: [],
        securityGroups: [],
        privateDns: true,
      },
    ]);
    // the NAT keeps its internet traffic: 100 − 40 − 10 = 50
    expect(vpc.natGateways[0]).toMatchObject({ id: "nat-a", gbPerMonth: 50, destinations: [] });

    // before: NAT 730 × 0.045 = 32.85 + 100 × 0.045 = 4.50 + IPv4 730 × 0.005 = 3.65 → 41.00
    const before = 730n * usd("0.045") + times("100", "0.045") + 730n * usd("0.005");
    expect(formatMoney(before)).toBe("41.00");
    expect(monthly(doc)).toBe(before);
    // delta: NAT −50 GB × 0.045 = −2.25; sqs 2 ENIs × 7.30 = +14.60, 10 GB × 0.01 = +0.10;
    // s3 gateway 0.00 → +12.45
    const delta = -times("50", "0.045") + 2n * 730n * usd("0.01") + times("10", "0.01");
    expect(formatMoney(delta)).toBe("12.45");
    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    expect(c.delta.monthly).toBe(delta);
    expect(formatMoney(c.after.totals.monthly)).toBe("53.45");
  });

  it("an existing endpoint takes the traffic, with a cross-AZ source when it has no ENI there", () => {
    const doc = docOf(
      `${NAT}        endpoints:
          - { id: s3-gw, type: gateway, service: s3, routeTables: [rt-a], gbPerMonth: 5 }
          - { id: queue, type: interface, service: sqs, azs: [us-east-1b], gbPerMonth: 5 }
`,
    );
    const after = unmutated(doc, (d) => natToEndpoints(d));
    const vpc = vpcOf(after, "main");
    expect(vpc.endpoints.map((e) => e.id)).toEqual(["s3-gw", "queue"]);
    expect(endpointOf(after, "main", "s3-gw").gbPerMonth).toBe(45);
    const queue = interfaceOf(after, "main", "queue");
    expect(queue.gbPerMonth).toBe(15);
    // the NAT is in us-east-1a, the sqs endpoint only in us-east-1b: 10 GB cross AZs
    expect(queue.trafficSources).toEqual([{ az: "us-east-1a", gbPerMonth: 10 }]);
    expect(queue.azs).toEqual(["us-east-1b"]);
    // delta: −50 × 0.045 = −2.25; sqs data +10 × 0.01 = +0.10; cross-AZ 10 × 2 × 0.01 = +0.20
    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    expect(c.delta.monthly).toBe(-times("50", "0.045") + times("10", "0.01") + times("20", "0.01"));
    expect(formatMoney(c.delta.monthly)).toBe("-1.95");
  });

  it("new endpoint ids do not clash with existing ones", () => {
    const doc = docOf(
      `${NAT}        endpoints:
          - { id: s3, type: interface, serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 }
`,
    );
    const after = natToEndpoints(doc);
    expect(vpcOf(after, "main").endpoints.map((e) => [e.id, e.type])).toEqual([
      ["s3", "interface"],
      ["s3-2", "gateway"],
      ["sqs", "interface"],
    ]);
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("two NAT gateways sending to one service share one endpoint in every AZ", () => {
    const doc = docOf(
      `${NAT}          - id: nat-b
            az: us-east-1b
            gbPerMonth: 30
            destinations: [{ service: sqs, gbPerMonth: 20 }]
`,
    );
    const after = natToEndpoints(doc, { services: ["sqs"] });
    const sqs = interfaceOf(after, "main", "sqs");
    expect(sqs.gbPerMonth).toBe(30);
    expect(sqs.azs).toBeUndefined(); // every AZ of the VPC
    expect(sqs.trafficSources).toEqual([]);
    expect(vpcOf(after, "main").natGateways.map((n) => [n.id, n.gbPerMonth])).toEqual([
      ["nat-a", 90],
      ["nat-b", 10],
    ]);
  });

  it("services filter: only the listed destinations move", () => {
    const doc = docOf(NAT);
    const after = natToEndpoints(doc, { services: ["sqs"] });
    const vpc = vpcOf(after, "main");
    expect(vpc.endpoints.map((e) => e.id)).toEqual(["sqs"]);
    expect(vpc.natGateways[0]?.gbPerMonth).toBe(90);
    expect(vpc.natGateways[0]?.destinations).toEqual([{ service: "s3", gbPerMonth: 40 }]);
    // −10 × 0.045 + 14.60 + 0.10 = 14.25
    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    expect(formatMoney(c.delta.monthly)).toBe("14.25");
  });

  it("the vpc option moves only that VPC's NAT traffic", () => {
    const doc = docOf(
      `${NAT}      - id: second
        region: us-east-1
        azs: [us-east-1a]
        natGateways:
          - { id: nat, az: us-east-1a, gbPerMonth: 10, destinations: [{ service: dynamodb, gbPerMonth: 4 }] }
`,
    );
    const after = natToEndpoints(doc, { vpc: "second" });
    expect(vpcOf(after, "main")).toEqual(vpcOf(doc, "main"));
    expect(vpcOf(after, "second").endpoints).toEqual([
      {
        id: "dynamodb",
        type: "gateway",
        service: "dynamodb",
        gbPerMonth: 4,
        trafficSources: [],
        routeTables: [],
      },
    ]);
    expect(vpcOf(after, "second").natGateways[0]?.gbPerMonth).toBe(6);
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("errors: no destinations, a service no NAT sends to, an unknown VPC", () => {
    const none = caught(() => natToEndpoints(docOf(NAT.replace(/\n\s+destinations:.*\n/, "\n"))));
    expect(none.code).toBe("invalid_request");
    expect(none.problems.map((p) => p.path)).toEqual(["natGateways"]);
    expect(none.problems[0]?.message).toContain("destinations");

    const doc = docOf(NAT);
    const kinesis = caught(() => natToEndpoints(doc, { services: ["kinesis"] }));
    expect(kinesis.code).toBe("invalid_request");
    expect(kinesis.problems).toEqual([
      { path: "services", message: "no NAT gateway sends traffic to kinesis" },
    ]);
    const partly = caught(() => natToEndpoints(doc, { services: ["sqs", "kinesis"] }));
    expect(partly.problems).toEqual([
      { path: "services[1]", message: 'no NAT gateway lists a destination "kinesis"' },
    ]);
    const vpc = caught(() => natToEndpoints(doc, { vpc: "nope" }));
    expect(vpc.problems.map((p) => p.path)).toEqual(["vpc"]);
  });

  it("GB with 6 decimals move exactly; more decimals are refused, not rounded", () => {
    const withSqs = (gb: string) =>
      NAT.replace("gbPerMonth: 100", "gbPerMonth: 300").replace(
        "destinations: [{ service: s3, gbPerMonth: 40 }, { service: sqs, gbPerMonth: 10 }]",
        `destinations: [{ service: sqs, gbPerMonth: ${gb} }]`,
      );
    const after = estimate(parseTopology(natToEndpoints(docOf(withSqs("129.565658")))), catalog);
    const quantity = (id: string) => after.lines.find((l) => l.id === id)?.quantity;
    // 300 − 129.565658 = 170.434342 left on the NAT gateway: no micro-GB appears or vanishes
    expect(quantity("acct/main/interface-endpoint/sqs/data/tier1")).toBe(129_565_658n);
    expect(quantity("acct/main/nat-gateway/nat-a/data/us-east-1a")).toBe(170_434_342n);
    // a seventh decimal used to be rounded half-up by the estimate; it is refused now
    expect(caught(() => docOf(withSqs("129.5656575"))).problems).toEqual([
      {
        path: "accounts[0].vpcs[0].natGateways[0].destinations[0].gbPerMonth",
        message: "129.5656575 has more than 6 decimals; linkplan keeps quantities to 0.000001",
      },
    ]);
  });

  it("prod.yaml in eu-west-2: +15.69 a month", () => {
    const doc = exampleDoc("prod");
    const after = natToEndpoints(doc);
    // dynamodb: gateway on the 3 private route tables; sqs: (25 + 20 + 15) = 60 GB
    expect(endpointOf(after, "app-vpc", "dynamodb")).toMatchObject({
      type: "gateway",
      gbPerMonth: 120,
      routeTables: ["private-a", "private-b", "private-c"],
    });
    expect(interfaceOf(after, "app-vpc", "sqs").gbPerMonth).toBe(60);
    // NAT: −(75 + 60 + 45) = −180 GB × 0.05 = −9.00; sqs 3 × 730 × 0.011 = +24.09,
    // 60 GB × 0.01 = +0.60 → +15.69
    const delta = -times("180", "0.05") + 3n * 730n * usd("0.011") + times("60", "0.01");
    const c = compare(parseTopology(doc), parseTopology(after), catalog);
    expect(c.delta.monthly).toBe(delta);
    expect(formatMoney(delta)).toBe("15.69");
  });
});

// ---------------------------------------------------------------------------------------
// centralizeEndpoints (spokes.yaml, us-east-1: ENI 0.01/h, TGW 0.05/attachment-hour and
// 0.02/GB, private zone 0.50/month)
// ---------------------------------------------------------------------------------------

describe("centralizeEndpoints", () => {
  const spokes = exampleDoc("spokes");
  const SPOKES = ["payments-vpc", "catalog-vpc", "search-vpc"];

  it("moves the spokes' endpoints into the hub with summed traffic", () => {
    const after = unmutated(spokes, (d) => centralizeEndpoints(d, { hubVpc: "hub-vpc" }));
    const hub = vpcOf(after, "hub-vpc");
    // ecr-api 5 + 3 + 2 = 10; ecr-dkr 120 + 80 + 60 = 260; logs 40 + 25 + 15 = 80; sts 3 × 1
    expect(hub.endpoints.map((e) => [e.id, e.type, e.gbPerMonth])).toEqual([
      ["ecr-api", "interface", 10],
      ["ecr-dkr", "interface", 260],
      ["logs", "interface", 80],
      ["sts", "interface", 3],
    ]);
    for (const e of hub.endpoints) {
      // in every hub AZ, private DNS off (the shared zone answers for the name)
      expect(e).toMatchObject({ privateDns: false, trafficSources: [] });
      expect((e as InterfaceEndpointDoc).azs).toBeUndefined();
    }
    for (const spoke of SPOKES) expect(vpcOf(after, spoke).endpoints).toEqual([]);
  });

  it("adds a transit gateway with an attachment per VPC carrying each spoke's traffic", () => {
    const after = centralizeEndpoints(spokes, { hubVpc: "hub-vpc" });
    const network = after.accounts.find((a) => a.id === "network");
    // payments 5 + 120 + 40 + 1 = 166; catalog 3 + 80 + 25 + 1 = 109; search 2 + 60 + 15 + 1 = 78
    expect(network?.transitGateways).toEqual([
      {
        id: "hub-vpc-tgw",
        region: "us-east-1",
        attachments: [
          { vpc: "hub-vpc", gbPerMonth: 0 },
          { vpc: "payments-vpc", gbPerMonth: 166 },
          { vpc: "catalog-vpc", gbPerMonth: 109 },
          { vpc: "search-vpc", gbPerMonth: 78 },
        ],
      },
    ]);
    // one private zone per service, on the hub and every spoke, aliasing the hub endpoint
    expect(network?.hostedZones.map((z) => [z.id, z.name, z.records[0]?.aliasToEndpoint])).toEqual([
      ["ecr-api-shared", "api.ecr.us-east-1.amazonaws.com", "hub-vpc/ecr-api"],
      ["ecr-dkr-shared", "dkr.ecr.us-east-1.amazonaws.com", "hub-vpc/ecr-dkr"],
      ["logs-shared", "logs.us-east-1.amazonaws.com", "hub-vpc/logs"],
      ["sts-shared", "sts.us-east-1.amazonaws.com", "hub-vpc/sts"],
    ]);
    for (const zone of network?.hostedZones ?? []) {
      expect(zone.private).toBe(true);
      expect(zone.vpcs).toEqual(["hub-vpc", ...SPOKES]);
    }
    // workloads no longer use the removed endpoints
    expect(vpcOf(after, "payments-vpc").workloads[0]?.uses).toEqual([]);
  });

  it("266.33 → 246.19 a month, by hand; the result re-validates", () => {
    const after = centralizeEndpoints(spokes, { hubVpc: "hub-vpc" });
    const eniMonth = 730n * usd("0.01"); // 7.30
    // before: 3 spokes × 4 services × 3 AZs × 7.30 = 262.80 + 353 GB × 0.01 = 3.53
    const before = 3n * 4n * 3n * eniMonth + times("353", "0.01");
    expect(formatMoney(before)).toBe("266.33");
    // after: hub 4 × 3 × 7.30 = 87.60 + data 3.53; 4 attachments × 730 × 0.05 = 146.00;
    // TGW data 353 × 0.02 = 7.06; 4 zones × 0.50 = 2.00
    const hub = 4n * 3n * eniMonth + times("353", "0.01");
    const tgw = 4n * 730n * usd("0.05") + times("353", "0.02");
    const zones = 4n * usd("0.50");
    expect(formatMoney(hub + tgw + zones)).toBe("246.19");

    const c = compare(parseTopology(spokes), parseTopology(after), catalog);
    expect(c.before.totals.monthly).toBe(before);
    expect(c.after.totals.monthly).toBe(hub + tgw + zones);
    expect(formatMoney(c.delta.monthly)).toBe("-20.14");
    expect(c.rollups.byKind.map((r) => [r.key, formatMoney(r.after)])).toEqual([
      ["interface-endpoint", "91.13"],
      ["hosted-zone", "2.00"],
      ["transit-gateway", "153.06"],
    ]);
    // attachment lines belong to the attached VPC's account
    const payments = c.after.lines.filter((l) => l.account === "payments");
    expect(payments.map((l) => [l.id, formatMoney(l.monthly)])).toEqual([
      ["payments/payments-vpc/transit-gateway/hub-vpc-tgw/attachment-hours", "36.50"],
      ["payments/payments-vpc/transit-gateway/hub-vpc-tgw/data", "3.32"],
    ]);
  });

  it("services filter: only those services move", () => {
    const after = centralizeEndpoints(spokes, { hubVpc: "hub-vpc", services: ["ecr.dkr"] });
    expect(vpcOf(after, "hub-vpc").endpoints.map((e) => [e.id, e.gbPerMonth])).toEqual([
      ["ecr-dkr", 260],
    ]);
    for (const spoke of SPOKES) {
      expect(vpcOf(after, spoke).endpoints.map((e) => e.id)).toEqual(["ecr-api", "logs", "sts"]);
    }
    expect(vpcOf(after, "payments-vpc").workloads[0]?.uses).toEqual(["ecr-api", "logs", "sts"]);
    const tgw = after.accounts.flatMap((a) => a.transitGateways)[0];
    expect(tgw?.attachments.map((a) => a.gbPerMonth)).toEqual([0, 120, 80, 60]);
    expect(after.accounts.flatMap((a) => a.hostedZones).map((z) => z.id)).toEqual([
      "ecr-dkr-shared",
    ]);
    // −3 spokes × 3 × 7.30 + hub 3 × 7.30 + 4 × 36.50 + 260 × 0.02 + 0.50 = −65.70 + 21.90
    // + 146.00 + 5.20 + 0.50 = +107.90 (endpoint data is the same 260 GB at 0.01)
    const c = compare(parseTopology(spokes), parseTopology(after), catalog);
    expect(formatMoney(c.delta.monthly)).toBe("107.90");
  });

  it("a spoke in another region is left alone", () => {
    const doc = structuredClone(spokes);
    const west: VpcDoc = {
      ...structuredClone(vpcOf(spokes, "search-vpc")),
      id: "west-vpc",
      region: "us-west-2",
      azs: ["us-west-2a", "us-west-2b"],
    };
    doc.accounts[2]?.vpcs.push(west);
    const valid = parseTopologyDoc(doc);
    const after = centralizeEndpoints(valid, { hubVpc: "hub-vpc" });
    expect(vpcOf(after, "west-vpc")).toEqual(vpcOf(valid, "west-vpc"));
    const attached = after.accounts.flatMap((a) =>
      a.transitGateways.flatMap((g) => g.attachments.map((x) => x.vpc)),
    );
    expect(attached).not.toContain("west-vpc");
    expect(vpcOf(after, "hub-vpc").endpoints.find((e) => e.id === "ecr-api")?.gbPerMonth).toBe(10);
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("an endpoint the hub already has takes the spokes' traffic; region sources follow", () => {
    const doc = structuredClone(spokes);
    const hub = vpcOf(doc, "hub-vpc");
    hub.endpoints.push({
      id: "my-sts",
      type: "interface",
      service: "sts",
      gbPerMonth: 2,
      trafficSources: [],
      securityGroups: [],
      privateDns: true,
    });
    const payments = vpcOf(doc, "payments-vpc");
    const logs = payments.endpoints.find((e) => e.id === "logs");
    if (!logs) throw new Error("no logs");
    logs.trafficSources = [
      { region: "us-east-2", gbPerMonth: 4 },
      { az: "us-east-1a", gbPerMonth: 3 },
    ];
    const after = centralizeEndpoints(parseTopologyDoc(doc), { hubVpc: "hub-vpc" });
    const hubAfter = vpcOf(after, "hub-vpc");
    expect(hubAfter.endpoints.map((e) => [e.id, e.gbPerMonth])).toEqual([
      ["my-sts", 5],
      ["ecr-api", 10],
      ["ecr-dkr", 260],
      ["logs", 80],
    ]);
    expect(interfaceOf(after, "hub-vpc", "my-sts").privateDns).toBe(false);
    // the other-region source keeps paying inter-region transfer; AZ sources stay in-AZ
    expect(interfaceOf(after, "hub-vpc", "logs").trafficSources).toEqual([
      { region: "us-east-2", gbPerMonth: 4 },
    ]);
    const zone = after.accounts
      .flatMap((a) => a.hostedZones)
      .find((z) => z.name === "sts.us-east-1.amazonaws.com");
    expect(zone?.records[0]?.aliasToEndpoint).toBe("hub-vpc/my-sts");
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("errors: nothing to centralise, unknown hub", () => {
    const nothing = caught(() =>
      centralizeEndpoints(spokes, { hubVpc: "hub-vpc", services: ["kms"] }),
    );
    expect(nothing.code).toBe("invalid_request");
    expect(nothing.problems).toEqual([
      {
        path: "services",
        message: "no other VPC in us-east-1 has an interface endpoint to kms",
      },
    ]);
    const alone = docOf(`
name: alone
accounts:
  - id: a
    vpcs:
      - { id: hub, region: us-east-1, azs: [us-east-1a] }
      - id: spoke
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: s3, type: gateway, service: s3 }]
`);
    const empty = caught(() => centralizeEndpoints(alone, { hubVpc: "hub" }));
    expect(empty.problems.map((p) => p.path)).toEqual(["hubVpc"]);
    const unknown = caught(() => centralizeEndpoints(spokes, { hubVpc: "hub" }));
    expect(unknown.code).toBe("invalid_request");
    expect(unknown.problems.map((p) => p.path)).toEqual(["hubVpc"]);
    expect(unknown.problems[0]?.message).toContain('no VPC "hub"');
  });
});

describe("applyWhatIf", () => {
  it("names the result after the transform", () => {
    const prod = exampleDoc("prod");
    const cases = [
      [{ kind: "consolidateAzs", azs: 1 }, "app-prod (what-if: interface endpoints in 1 AZ)"],
      [
        { kind: "consolidateAzs", azs: ["eu-west-2a", "eu-west-2b"], vpc: "app-vpc" },
        "app-prod (what-if: interface endpoints in eu-west-2a, eu-west-2b (VPC app-vpc))",
      ],
      [
        { kind: "natToEndpoints", services: ["sqs"] },
        "app-prod (what-if: NAT traffic to sqs through endpoints)",
      ],
      [
        { kind: "natToEndpoints" },
        "app-prod (what-if: NAT traffic to AWS services through endpoints)",
      ],
    ] as const;
    for (const [whatIf, name] of cases) {
      const parsed = WhatIfSchema.parse(whatIf);
      const after = unmutated(prod, (d) => applyWhatIf(d, parsed));
      expect(after.name).toBe(name);
      expect(() => parseTopology(after)).not.toThrow();
    }
    const hub = applyWhatIf(exampleDoc("spokes"), {
      kind: "centralizeEndpoints",
      hubVpc: "hub-vpc",
    });
    expect(hub.name).toBe("spokes (what-if: endpoints centralised in hub VPC hub-vpc)");
  });

  it("the same transform as calling it directly", () => {
    const prod = exampleDoc("prod");
    const viaApply = applyWhatIf(prod, { kind: "consolidateAzs", azs: 1 });
    expect({ ...viaApply, name: prod.name }).toEqual(consolidateAzs(prod, { azs: 1 }));
  });

  it("WhatIfSchema rejects bad options", () => {
    expect(WhatIfSchema.safeParse({ kind: "consolidateAzs", azs: 0 }).success).toBe(false);
    expect(WhatIfSchema.safeParse({ kind: "consolidateAzs", azs: [] }).success).toBe(false);
    expect(WhatIfSchema.safeParse({ kind: "natToEndpoints", services: ["S3!"] }).success).toBe(
      false,
    );
    expect(WhatIfSchema.safeParse({ kind: "centralizeEndpoints" }).success).toBe(false);
    expect(
      WhatIfSchema.safeParse({ kind: "natToEndpoints", extra: true }).success,
      "strict objects",
    ).toBe(false);
  });
});
