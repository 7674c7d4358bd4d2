import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cost, formatMoney, QUANTITY_UNIT, quantityFromNumber, sum } from "../src/core/money.js";
import { parseDocument } from "../src/document/parseDocument.js";
import type { LineItem } from "../src/estimate/cost/lineItem.js";
import { type Estimate, type EstimateOptions, estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { PriceCatalog } from "../src/pricing/catalogSchema.js";
import { EstimateJsonSchema, estimateToJson } from "../src/report/estimateJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { caught } from "./helpers/caught.js";
import { monthlyOf, usd } from "./helpers/money.js";
import { topologyArb } from "./helpers/randomTopology.js";
import { vpcYaml } from "./helpers/topologies.js";

const catalog = bundledCatalog();

function run(yaml: string, options?: EstimateOptions, prices: PriceCatalog = catalog): Estimate {
  return estimate(parseTopology(parseDocument(yaml)), prices, options);
}

function line(e: Estimate, id: string): LineItem {
  const found = e.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}; lines: ${e.lines.map((l) => l.id).join(", ")}`);
  return found;
}

const linesOf = (e: Estimate, pred: (l: LineItem) => boolean) => e.lines.filter(pred);

const THIRTEEN = [
  "ecr.api",
  "ecr.dkr",
  "sts",
  "logs",
  "monitoring",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "kms",
  "secretsmanager",
  "sqs",
  "sns",
  "ec2",
];

function thirteenEndpoints(azs?: string[]): string {
  const placement = azs ? `, azs: [${azs.join(", ")}]` : "";
  return `endpoints:\n${THIRTEEN.map(
    (s) => `  - { id: ${s.replace(".", "-")}, type: interface, service: ${s}${placement} }`,
  ).join("\n")}`;
}

describe("interface endpoint hours (worked check)", () => {
  it("13 interface endpoints × 3 AZs in us-east-1 cost 284.70 a month, 0.39 an hour", () => {
    const e = run(vpcYaml(thirteenEndpoints()));
    // 13 endpoints × 3 AZs × 730 h × 0.01 USD
    expect(e.totals.monthly).toBe(usd("0.01") * 13n * 3n * 730n);
    expect(formatMoney(e.totals.monthly)).toBe("284.70");
    // 39 ENIs × 0.01 USD per hour
    expect(e.totals.hourly).toBe(usd("0.01") * 39n);
    expect(formatMoney(e.totals.hourly)).toBe("0.39");

    const hours = linesOf(e, (l) => l.component === "hours");
    expect(hours).toHaveLength(39);
    for (const h of hours) {
      expect(formatMoney(h.monthly)).toBe("7.30");
      expect(h.hourly).toBe(usd("0.01"));
      expect(h.kind).toBe("interface-endpoint");
      expect(h.price).toMatchObject({ item: "interfaceEndpointHour", region: "us-east-1" });
    }
    expect(new Set(hours.map((h) => h.az))).toEqual(
      new Set(["us-east-1a", "us-east-1b", "us-east-1c"]),
    );
    // no traffic modelled: no data lines, only the 39 ENI-hour lines
    expect(linesOf(e, (l) => l.component === "data")).toEqual([]);
    expect(e.lines).toHaveLength(39);
    expect(line(e, "shared/main/interface-endpoint/ecr-api/hours/us-east-1b").description).toBe(
      "ecr.api: ENI in us-east-1b",
    );
  });

  it("the same 13 endpoints in 1 AZ cost 94.90", () => {
    const e = run(vpcYaml(thirteenEndpoints(["us-east-1a"])));
    // 13 × 1 × 730 × 0.01
    expect(e.totals.monthly).toBe(usd("0.01") * 13n * 730n);
    expect(formatMoney(e.totals.monthly)).toBe("94.90");
    expect(formatMoney(e.totals.hourly)).toBe("0.13");
  });

  it("S3 and DynamoDB gateway endpoints add 0.00 lines", () => {
    const without = run(vpcYaml(thirteenEndpoints()));
    const e = run(
      vpcYaml(
        `${thirteenEndpoints()}
  - { id: s3, type: gateway, service: s3, gbPerMonth: 5000 }
  - { id: dynamodb, type: gateway, service: dynamodb }`,
      ),
    );
    expect(e.totals).toEqual(without.totals);
    expect(formatMoney(e.totals.monthly)).toBe("284.70");
    const gateways = linesOf(e, (l) => l.kind === "gateway-endpoint");
    expect(gateways.map((l) => l.resource)).toEqual(["s3", "dynamodb"]);
    for (const g of gateways) {
      expect(formatMoney(g.monthly)).toBe("0.00");
      expect([g.hourly, g.rate, g.price]).toEqual([null, 0n, null]);
    }
    const json = estimateToJson(e).lines.filter((l) => l.kind === "gateway-endpoint");
    expect(json.map((l) => [l.id, l.monthly, l.quantity])).toEqual([
      ["shared/main/gateway-endpoint/s3/service", "0.00", "5000"],
      ["shared/main/gateway-endpoint/dynamodb/service", "0.00", "0"],
    ]);
  });
});

describe("interface endpoint data tiers (per account and region)", () => {
  const twoEndpoints = `endpoints:
  - { id: big, type: interface, service: s3, azs: [us-east-1a], gbPerMonth: 1000000 }
  - { id: more, type: interface, service: sts, azs: [us-east-1a], gbPerMonth: 500000 }`;

  it("1,500,000 GB across two endpoints of one account/region cost 13,194.304 of data", () => {
    const e = run(vpcYaml(twoEndpoints));
    const data = linesOf(e, (l) => l.component === "data");
    expect(data.map((l) => [l.id, formatMoney(l.quantity * 10n ** 12n), l.tier])).toEqual([
      ["shared/main/interface-endpoint/big/data/tier1", "1000000.00", "first 1 PB"],
      ["shared/main/interface-endpoint/more/data/tier1", "48576.00", "first 1 PB"],
      ["shared/main/interface-endpoint/more/data/tier2", "451424.00", "next 4 PB"],
    ]);
    // 1,048,576 × 0.01 + 451,424 × 0.006 = 10,485.76 + 2,708.544
    expect(monthlyOf(data)).toBe(usd("0.01") * 1_048_576n + usd("0.006") * 451_424n);
    expect(formatMoney(monthlyOf(data))).toBe("13194.304");
    expect(data.map((l) => formatMoney(l.monthly))).toEqual(["10000.00", "485.76", "2708.544"]);
    // plus 2 ENIs × 730 × 0.01 = 14.60
    expect(formatMoney(e.totals.monthly)).toBe("13208.904");
  });

  it("pools VPCs of one account in one region", () => {
    const e = run(`
name: test
accounts:
  - id: shared
    vpcs:
      - id: one
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 1000000 }]
      - id: two
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 500000 }]
`);
    const data = linesOf(e, (l) => l.component === "data");
    expect(data.map((l) => l.id)).toEqual([
      "shared/one/interface-endpoint/e/data/tier1",
      "shared/two/interface-endpoint/e/data/tier1",
      "shared/two/interface-endpoint/e/data/tier2",
    ]);
    expect(formatMoney(monthlyOf(data))).toBe("13194.304");
  });

  it("keeps separate pools for two accounts (each 1,000,000 GB stays in tier 1)", () => {
    const e = run(`
name: test
accounts:
  - id: one
    vpcs:
      - id: vpc-one
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 1000000 }]
  - id: two
    vpcs:
      - id: vpc-two
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 1000000 }]
`);
    const data = linesOf(e, (l) => l.component === "data");
    expect(data.map((l) => [l.id, l.tier, formatMoney(l.monthly)])).toEqual([
      ["one/vpc-one/interface-endpoint/e/data/tier1", "first 1 PB", "10000.00"],
      ["two/vpc-two/interface-endpoint/e/data/tier1", "first 1 PB", "10000.00"],
    ]);
    // 2 × 1,000,000 × 0.01
    expect(formatMoney(monthlyOf(data))).toBe("20000.00");
  });

  it("keeps separate pools for two regions of one account", () => {
    const e = run(`
name: test
accounts:
  - id: shared
    vpcs:
      - id: east
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 1000000 }]
      - id: west
        region: us-west-2
        azs: [us-west-2a]
        endpoints: [{ id: e, type: interface, service: s3, gbPerMonth: 1000000 }]
`);
    const data = linesOf(e, (l) => l.component === "data");
    expect(data.map((l) => l.tier)).toEqual(["first 1 PB", "first 1 PB"]);
    expect(formatMoney(monthlyOf(data))).toBe("20000.00");
  });

  it("prices fractional GB exactly (0.1 + 0.2 GB = 0.003 USD)", () => {
    const e = run(
      vpcYaml(`endpoints:
  - { id: a, type: interface, service: s3, azs: [us-east-1a], gbPerMonth: 0.1 }
  - { id: b, type: interface, service: sts, azs: [us-east-1a], gbPerMonth: 0.2 }`),
    );
    const data = linesOf(e, (l) => l.component === "data");
    // (0.1 + 0.2) × 0.01
    expect(formatMoney(monthlyOf(data))).toBe("0.003");
    expect(data.map((l) => formatMoney(l.monthly))).toEqual(["0.001", "0.002"]);
  });
});

describe("Network Load Balancer", () => {
  const nlb = (traffic: string) => vpcYaml(`loadBalancers:\n  - { id: nlb, traffic: ${traffic} }`);

  it("bills 0.0225 × 730 = 16.425 for hours, 0.0225 an hour", () => {
    const e = run(nlb("{}"));
    const hours = line(e, "shared/main/network-load-balancer/nlb/hours");
    expect(hours.monthly).toBe(usd("0.0225") * 730n);
    expect(formatMoney(hours.monthly)).toBe("16.425");
    expect(formatMoney(hours.hourly ?? -1n)).toBe("0.0225");
    expect(hours.kind).toBe("network-load-balancer");
    // no traffic: a zero NLCU line
    expect(line(e, "shared/main/network-load-balancer/nlb/lcu").monthly).toBe(0n);
    expect(formatMoney(e.totals.monthly)).toBe("16.425");
  });

  it("tcp: 1600 new connections/s = 2 NLCU → 2 × 730 × 0.006 = 8.76", () => {
    const e = run(nlb("{ protocol: tcp, newConnectionsPerSecond: 1600, activeConnections: 1000 }"));
    const lcu = line(e, "shared/main/network-load-balancer/nlb/lcu");
    expect(lcu.quantity).toBe(2n * 730n * QUANTITY_UNIT);
    expect(lcu.monthly).toBe(usd("0.006") * 2n * 730n);
    expect(formatMoney(lcu.monthly)).toBe("8.76");
    expect(lcu.hourly).toBeNull();
    expect(lcu.description).toBe("NLB nlb: 1460 NLCU-hours (new connections dimension)");
    // 16.425 + 8.76
    expect(formatMoney(e.totals.monthly)).toBe("25.185");
  });

  it("tls: 3000 active connections = 1 NLCU an hour → 730 × 0.006 = 4.38", () => {
    const e = run(nlb("{ protocol: tls, activeConnections: 3000, newConnectionsPerSecond: 25 }"));
    const lcu = line(e, "shared/main/network-load-balancer/nlb/lcu");
    expect(lcu.quantity).toBe(730n * QUANTITY_UNIT);
    expect(formatMoney(lcu.monthly)).toBe("4.38");
    expect(lcu.description).toContain("(active connections dimension)");
  });

  it("uses the largest dimension: 200,000 active tcp connections beat 800 new/s and 365 GB", () => {
    const e = run(
      nlb(
        "{ protocol: tcp, newConnectionsPerSecond: 800, activeConnections: 200000, gbPerMonth: 365 }",
      ),
    );
    // max(800/800, 200000/100000, 365 GB / 730 h) = 2 NLCU per hour
    expect(formatMoney(line(e, "shared/main/network-load-balancer/nlb/lcu").monthly)).toBe("8.76");
  });

  it("processed bytes: 1460 GB in a month = 1460 NLCU-hours", () => {
    const e = run(nlb("{ gbPerMonth: 1460 }"));
    const lcu = line(e, "shared/main/network-load-balancer/nlb/lcu");
    expect(lcu.description).toContain("(processed bytes dimension)");
    expect(formatMoney(lcu.monthly)).toBe("8.76");
  });

  it("udp: 400 new flows/s = 1 NLCU", () => {
    const e = run(nlb("{ protocol: udp, newConnectionsPerSecond: 400 }"));
    expect(formatMoney(line(e, "shared/main/network-load-balancer/nlb/lcu").monthly)).toBe("4.38");
  });
});

describe("NAT gateway", () => {
  it("us-east-1 public: 0.045 × 730 + 0.045 × GB + public IPv4 0.005 × 730", () => {
    const e = run(vpcYaml("natGateways:\n  - { id: nat, az: us-east-1a, gbPerMonth: 1000 }"));
    expect(e.lines.map((l) => [l.id, formatMoney(l.monthly)])).toEqual([
      ["shared/main/nat-gateway/nat/hours/us-east-1a", "32.85"], // 0.045 × 730
      ["shared/main/nat-gateway/nat/data/us-east-1a", "45.00"], // 0.045 × 1000
      ["shared/main/nat-gateway/nat/public-ipv4/us-east-1a", "3.65"], // 0.005 × 730
    ]);
    expect(e.totals.monthly).toBe(usd("0.045") * 730n + usd("0.045") * 1000n + usd("0.005") * 730n);
    expect(formatMoney(e.totals.monthly)).toBe("81.50");
    // 0.045 + 0.005 an hour
    expect(formatMoney(e.totals.hourly)).toBe("0.05");
    expect(line(e, "shared/main/nat-gateway/nat/public-ipv4/us-east-1a").price?.item).toBe(
      "publicIpv4Hour",
    );
  });

  it("a NAT gateway with no traffic has no data line", () => {
    const e = run(vpcYaml("natGateways:\n  - { id: nat, az: us-east-1a }"));
    expect(e.lines.map((l) => l.component)).toEqual(["hours", "public-ipv4"]);
    expect(formatMoney(e.totals.monthly)).toBe("36.50"); // 32.85 + 3.65
  });

  it("private connectivity has no IPv4 line", () => {
    const e = run(
      vpcYaml(
        "natGateways:\n  - { id: nat, az: us-east-1b, connectivity: private, gbPerMonth: 1000 }",
      ),
    );
    expect(e.lines.map((l) => l.component)).toEqual(["hours", "data"]);
    expect(formatMoney(e.totals.monthly)).toBe("77.85"); // 32.85 + 45.00
    expect(formatMoney(e.totals.hourly)).toBe("0.045");
  });

  it("uses the regional rate (eu-west-2: 0.05)", () => {
    const e = run(
      vpcYaml(
        "natGateways:\n  - { id: nat, az: eu-west-2a, connectivity: private, gbPerMonth: 100 }",
        { region: "eu-west-2" },
      ),
    );
    // 0.05 × 730 + 0.05 × 100 = 36.50 + 5.00
    expect(formatMoney(e.totals.monthly)).toBe("41.50");
  });
});

describe("Route 53", () => {
  function zones(count: number, extra = ""): string {
    const list = Array.from(
      { length: count },
      (_, i) => `      - { id: z${i}, name: z${i}.internal, vpcs: [main]${extra} }`,
    );
    return `
name: test
accounts:
  - id: shared
    vpcs:
      - { id: main, region: us-east-1, azs: [us-east-1a] }
    hostedZones:
${list.join("\n")}
`;
  }

  it("26 private zones in one account: 25 × 0.50 + 1 × 0.10 = 12.60", () => {
    const e = run(zones(26));
    expect(e.totals.monthly).toBe(usd("0.50") * 25n + usd("0.10"));
    expect(formatMoney(e.totals.monthly)).toBe("12.60");
    expect(e.totals.hourly).toBe(0n);
    const last = line(e, "shared/-/hosted-zone/z25/zone/tier2");
    expect([last.tier, formatMoney(last.monthly), last.region, last.vpc]).toEqual([
      "over 25 zones",
      "0.10",
      "global",
      null,
    ]);
    expect(line(e, "shared/-/hosted-zone/z24/zone/tier1").tier).toBe("first 25 zones");
  });

  it("zones are monthly charges: 720 hours per month does not change them", () => {
    expect(formatMoney(run(zones(26), { hoursPerMonth: 720 }).totals.monthly)).toBe("12.60");
  });

  it("2,000,000,000 queries: 1000 × 0.40 + 1000 × 0.20 = 600.00 (plus the zone)", () => {
    const e = run(zones(1, ", queriesPerMonth: 2000000000"));
    const queries = linesOf(e, (l) => l.component === "queries");
    expect(queries.map((l) => [l.tier, formatMoney(l.quantity * 10n ** 12n)])).toEqual([
      ["first 1,000 million queries", "1000.00"],
      ["over 1,000 million queries", "1000.00"],
    ]);
    expect(monthlyOf(queries)).toBe(usd("0.40") * 1000n + usd("0.20") * 1000n);
    expect(formatMoney(monthlyOf(queries))).toBe("600.00");
    expect(formatMoney(e.totals.monthly)).toBe("600.50");
  });

  it("pools queries over the zones of an account", () => {
    // 600 M + 600 M: 600 × 0.40, then 400 × 0.40 + 200 × 0.20 = 240 + 160 + 40
    const e = run(zones(2, ", queriesPerMonth: 600000000"));
    expect(formatMoney(monthlyOf(linesOf(e, (l) => l.component === "queries")))).toBe("440.00");
  });

  it("alias queries are free: a line with monthly 0.00", () => {
    const e = run(zones(1, ", aliasQueriesPerMonth: 5000000"));
    const alias = line(e, "shared/-/hosted-zone/z0/alias-queries");
    expect(formatMoney(alias.monthly)).toBe("0.00");
    expect([alias.quantity, alias.unit, alias.price]).toEqual([
      5n * QUANTITY_UNIT,
      "million queries",
      null,
    ]);
    expect(formatMoney(e.totals.monthly)).toBe("0.50");
  });
});

describe("data transfer to interface endpoints", () => {
  const endpoint = (sources: string) =>
    vpcYaml(
      `endpoints:\n  - { id: e, type: interface, service: sts, azs: [us-east-1a], gbPerMonth: 100, trafficSources: [${sources}] }`,
      { azs: ["a", "b"] },
    );

  it("traffic from an AZ without an ENI pays 100 GB × 2 directions × 0.01 = 2.00", () => {
    const e = run(endpoint("{ az: us-east-1b, gbPerMonth: 100 }"));
    const transfer = line(e, "shared/main/data-transfer/e/cross-az/us-east-1b");
    expect(transfer.kind).toBe("data-transfer");
    expect(transfer.quantity).toBe(200n * QUANTITY_UNIT);
    expect(transfer.monthly).toBe(usd("0.01") * 100n * 2n);
    expect(formatMoney(transfer.monthly)).toBe("2.00");
    expect(transfer.price).toMatchObject({ item: "interAzGb", region: "us-east-1" });
    // 730 × 0.01 + 100 × 0.01 + 2.00
    expect(formatMoney(e.totals.monthly)).toBe("10.30");
  });

  it("traffic from the endpoint's own AZ adds nothing", () => {
    const e = run(endpoint("{ az: us-east-1a, gbPerMonth: 100 }"));
    expect(linesOf(e, (l) => l.kind === "data-transfer")).toEqual([]);
    expect(formatMoney(e.totals.monthly)).toBe("8.30");
  });

  it("traffic from us-east-2 pays us-east-2's rate to us-east-1 (byDestination 0.01)", () => {
    const e = run(endpoint("{ region: us-east-2, gbPerMonth: 100 }"));
    const transfer = line(e, "shared/main/data-transfer/e/inter-region-from-us-east-2");
    expect(transfer.kind).toBe("data-transfer");
    expect(transfer.price).toMatchObject({ item: "interRegionGb", region: "us-east-2" });
    // 100 GB × 0.01 (not the default 0.02)
    expect(formatMoney(transfer.monthly)).toBe("1.00");
  });

  it("traffic from another region without a byDestination rate pays its default (eu-west-1: 0.02)", () => {
    const e = run(endpoint("{ region: eu-west-1, gbPerMonth: 100 }"));
    expect(
      formatMoney(line(e, "shared/main/data-transfer/e/inter-region-from-eu-west-1").monthly),
    ).toBe("2.00");
  });

  it("adds up several sources", () => {
    const e = run(
      endpoint("{ az: us-east-1b, gbPerMonth: 30 }, { region: ap-southeast-1, gbPerMonth: 50 }"),
    );
    // 30 × 2 × 0.01 + 50 × 0.09 = 0.60 + 4.50
    expect(formatMoney(monthlyOf(linesOf(e, (l) => l.kind === "data-transfer")))).toBe("5.10");
  });
});

describe("line ids", () => {
  // ids carry the resource kind, so a NAT gateway and an endpoint named alike, or a
  // gateway endpoint and an endpoint service named alike, do not collide
  it("are unique within an estimate", () => {
    const e = run(`
name: test
accounts:
  - id: shared
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints:
          - id: x
            type: interface
            service: sts
            azs: [us-east-1a]
            gbPerMonth: 100
            trafficSources:
              - { az: us-east-1b, gbPerMonth: 10 }
              - { region: us-west-2, gbPerMonth: 5 }
          - { id: api, type: gateway, service: s3 }
        natGateways:
          - { id: x, az: us-east-1a }
        loadBalancers:
          - { id: nlb }
    endpointServices:
      - { id: api, vpc: main, loadBalancer: nlb }
`);
    const ids = e.lines.map((l) => l.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("hours per month", () => {
  it("720 hours changes hour-billed lines only", () => {
    const yaml = vpcYaml(
      `${thirteenEndpoints()}
natGateways:
  - { id: nat, az: us-east-1a, gbPerMonth: 10 }`,
    );
    const e = run(yaml, { hoursPerMonth: 720 });
    expect(e.hoursPerMonth).toBe(720);
    // 39 × 720 × 0.01 + 0.045 × 720 + 0.045 × 10 + 0.005 × 720 = 280.80 + 32.40 + 0.45 + 3.60
    expect(formatMoney(e.totals.monthly)).toBe("317.25");
    // the hourly total does not depend on the month: 39 × 0.01 + 0.045 + 0.005
    expect(e.totals.hourly).toBe(run(yaml).totals.hourly);
    expect(formatMoney(e.totals.hourly)).toBe("0.44");
    // at 730 h: 284.70 + 32.85 + 0.45 + 3.65
    expect(formatMoney(run(yaml).totals.monthly)).toBe("321.65");
    // the per-GB line is the same in both
    expect(line(e, "shared/main/nat-gateway/nat/data/us-east-1a").monthly).toBe(usd("0.045") * 10n);
  });

  it("the topology's hoursPerMonth is used unless the option overrides it", () => {
    const yaml = vpcYaml(thirteenEndpoints()).replace(
      "name: test",
      "name: test\nhoursPerMonth: 744",
    );
    expect(formatMoney(run(yaml).totals.monthly)).toBe("290.16"); // 39 × 744 × 0.01
    expect(run(yaml).hoursPerMonth).toBe(744);
    expect(formatMoney(run(yaml, { hoursPerMonth: 730 }).totals.monthly)).toBe("284.70");
  });

  it("prices a fractional month exactly (730.5 h)", () => {
    const e = run(vpcYaml(thirteenEndpoints(["us-east-1a"])), { hoursPerMonth: 730.5 });
    expect(formatMoney(e.totals.monthly)).toBe("94.965"); // 13 × 730.5 × 0.01
  });

  it("rejects 0, negative, NaN and more than 744 hours", () => {
    const topology = parseTopology(parseDocument(vpcYaml(thirteenEndpoints())));
    for (const hoursPerMonth of [0, -1, Number.NaN, 745, Number.POSITIVE_INFINITY]) {
      const error = caught(() => estimate(topology, catalog, { hoursPerMonth }));
      expect(error.code).toBe("invalid_request");
      expect(error.problems[0]?.path).toBe("hoursPerMonth");
    }
  });
});

describe("missing prices", () => {
  it("a region the catalog lacks (sa-east-1) throws missing_price, never prices at 0", () => {
    const error = caught(() =>
      run(
        vpcYaml("endpoints:\n  - { id: sts, type: interface, service: sts, gbPerMonth: 10 }", {
          region: "sa-east-1",
        }),
      ),
    );
    expect(error.code).toBe("missing_price");
    expect(error.message).toContain("sa-east-1");
    expect(error.message).toContain("interfaceEndpointHour");
    expect(error.problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: "region sa-east-1 is not in the catalog (no price for interfaceEndpointHour)",
      },
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: "region sa-east-1 is not in the catalog (no price for interfaceEndpointGb)",
      },
    ]);
  });

  it("a deleted natGatewayGb for us-east-1 names the item and the region", () => {
    const copy = structuredClone(catalog);
    const east = copy.regions["us-east-1"];
    if (!east) throw new Error("us-east-1 missing from the bundled catalog");
    delete east.natGatewayGb;
    const yaml = vpcYaml(`natGateways:
  - { id: nat-a, az: us-east-1a, gbPerMonth: 0 }
  - { id: nat-b, az: us-east-1b, gbPerMonth: 10 }`);
    const error = caught(() => run(yaml, {}, copy));
    expect(error.code).toBe("missing_price");
    expect(error.message).toContain("natGatewayGb");
    expect(error.message).toContain("us-east-1");
    // once per region and item, at the first resource that needs it
    expect(error.problems).toEqual([
      {
        path: "accounts[0].vpcs[0].natGateways[0]",
        message: "no price for natGatewayGb in region us-east-1",
      },
    ]);
    // the bundled catalog is untouched
    expect(run(yaml).lines.some((l) => l.price?.item === "natGatewayGb")).toBe(true);
  });

  it("a missing global price names it", () => {
    const copy = structuredClone(catalog);
    delete copy.global.route53HostedZone;
    const error = caught(() =>
      run(
        "name: t\naccounts:\n  - { id: a, hostedZones: [{ id: z, name: x.example, private: false }] }",
        {},
        copy,
      ),
    );
    expect(error.code).toBe("missing_price");
    expect(error.problems).toEqual([
      { path: "accounts[0].hostedZones[0]", message: "no price for route53HostedZone" },
    ]);
  });
});

/** Parse a decimal string to atto-dollars without the project's money module. */
function attoOf(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2,18})$/.exec(text);
  if (!m) throw new Error(`not a money string: ${text}`);
  const value = BigInt(m[2] ?? "0") * 10n ** 18n + BigInt((m[3] ?? "").padEnd(18, "0"));
  return m[1] === "-" ? -value : value;
}

/** Print atto-dollars as the shortest decimal with at least 2 places, independently. */
function decimalOf(atto: bigint): string {
  const negative = atto < 0n;
  const abs = negative ? -atto : atto;
  let fraction = (abs % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${negative ? "-" : ""}${abs / 10n ** 18n}.${fraction}`;
}

describe("estimateToJson", () => {
  const fixture = readFileSync(new URL("./fixtures/issue-example.yaml", import.meta.url), "utf8");

  it("prices the issue example by hand", () => {
    const e = run(fixture);
    // ecr-api: 2 ENIs × 730 × 0.01 = 14.60, 1000 GB × 0.01 = 10.00; s3 gateway 0.00
    // api-nlb: 730 × 0.0225 = 16.425; NLCU max(100/800, 1000/100000, 730 GB/730 h) = 1 → 4.38
    // nat-a: 32.85 + 500 × 0.045 = 22.50 + IPv4 3.65; zone: 0.50
    expect(formatMoney(e.totals.monthly)).toBe("104.905");
    // 2 × 0.01 + 0.0225 + 0.045 + 0.005
    expect(formatMoney(e.totals.hourly)).toBe("0.0925");
  });

  it("has the documented shape, with money as exact strings", () => {
    const e = run(fixture);
    const json = estimateToJson(e);
    expect(EstimateJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({
      name: "article-endpoints",
      currency: "USD",
      hoursPerMonth: 730,
      catalog: { name: "bundled", retrieved: "2026-11-20" },
      totals: { monthly: "104.905", hourly: "0.0925" },
    });
    expect(json.lines).toHaveLength(e.lines.length);
    for (const l of json.lines) {
      expect(typeof l.monthly).toBe("string");
      expect(l.monthly).toMatch(/^\d+\.\d{2,}$/);
      if (l.hourly !== null) expect(l.hourly).toMatch(/^\d+\.\d{2,}$/);
    }
    expect(
      json.lines.find((l) => l.id === "shared/main/network-load-balancer/api-nlb/hours"),
    ).toMatchObject({
      quantity: "730",
      rate: "0.0225",
      hourly: "0.0225",
      monthly: "16.425",
      unit: "NLB-hour",
      price: { item: "networkLoadBalancerHour", region: "us-east-1", unverified: false },
    });
    // a plain JSON document: it survives JSON.stringify (no bigint)
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("rollups sum to the totals", () => {
    const json = estimateToJson(run(fixture));
    const total = attoOf(json.totals.monthly);
    const totalHourly = attoOf(json.totals.hourly);
    for (const family of ["byAccount", "byRegion", "byKind"] as const) {
      const rows = json.rollups[family];
      expect(sum(rows.map((r) => attoOf(r.monthly))), family).toBe(total);
      expect(sum(rows.map((r) => attoOf(r.hourly))), family).toBe(totalHourly);
      expect(
        rows.reduce((n, r) => n + r.lines, 0),
        family,
      ).toBe(json.lines.length);
    }
    // by VPC covers every line that belongs to a VPC (Route 53 zones are global)
    const inVpcs = json.lines.filter((l) => l.vpc !== null);
    expect(sum(json.rollups.byVpc.map((r) => attoOf(r.monthly)))).toBe(
      sum(inVpcs.map((l) => attoOf(l.monthly))),
    );
    expect(json.rollups.byVpc.map((r) => [r.key, r.monthly])).toEqual([["shared/main", "104.405"]]);
    expect(json.rollups.byKind.map((r) => [r.key, r.monthly])).toEqual([
      ["interface-endpoint", "24.60"],
      ["gateway-endpoint", "0.00"],
      ["network-load-balancer", "20.805"],
      ["nat-gateway", "59.00"],
      ["endpoint-service", "0.00"],
      ["hosted-zone", "0.50"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Property: random topologies price consistently
// ---------------------------------------------------------------------------------------

/** Cost of `quantity` GB at the interface tiers, from scratch (0.01 / 0.006 / 0.004). */
function interfaceTierCost(quantity: bigint): bigint {
  const PB = 1_048_576n * QUANTITY_UNIT;
  const first = quantity < PB ? quantity : PB;
  const rest = quantity - first;
  const second = rest < 4n * PB ? rest : 4n * PB;
  const third = rest - second;
  return first * 10n ** 10n + second * 6n * 10n ** 9n + third * 4n * 10n ** 9n;
}

describe("estimate properties (random topologies)", () => {
  it("totals, rollups and formatted strings are consistent and exact", () => {
    fc.assert(
      fc.property(topologyArb, (doc) => {
        const topology = parseTopology(doc);
        const e = estimate(topology, catalog);
        expect(e.hoursPerMonth).toBe(doc.hoursPerMonth);

        // totals are the exact sums of the lines
        expect(e.totals.monthly).toBe(sum(e.lines.map((l) => l.monthly)));
        expect(e.totals.hourly).toBe(
          sum(e.lines.flatMap((l) => (l.hourly === null ? [] : [l.hourly]))),
        );

        // each line is quantity × rate; hour-billed lines charge one unit per hour
        const hours = quantityFromNumber(doc.hoursPerMonth);
        for (const l of e.lines) {
          expect(l.monthly, l.id).toBe(cost(l.quantity, l.rate));
          expect(l.monthly >= 0n, l.id).toBe(true);
          if (l.hourly !== null) {
            expect(l.hourly, l.id).toBe(cost(QUANTITY_UNIT, l.rate));
            expect(l.quantity, l.id).toBe(hours);
          }
        }
        expect(new Set(e.lines.map((l) => l.id)).size).toBe(e.lines.length);

        // every rollup family sums to the total (VPC and AZ: over the lines that have one)
        for (const family of ["byAccount", "byRegion", "byKind"] as const) {
          const rows = e.rollups[family];
          expect(sum(rows.map((r) => r.monthly)), family).toBe(e.totals.monthly);
          expect(sum(rows.map((r) => r.hourly)), family).toBe(e.totals.hourly);
          expect(
            rows.reduce((n, r) => n + r.lines, 0),
            family,
          ).toBe(e.lines.length);
        }
        const inVpc = e.lines.filter((l) => l.vpc !== null);
        expect(sum(e.rollups.byVpc.map((r) => r.monthly))).toBe(monthlyOf(inVpc));
        const inAz = e.lines.filter((l) => l.az !== null);
        expect(sum(e.rollups.byAz.map((r) => r.monthly))).toBe(monthlyOf(inAz));
        if (doc.accounts.every((a) => a.hostedZones.length === 0)) {
          expect(sum(e.rollups.byVpc.map((r) => r.monthly))).toBe(e.totals.monthly);
        }
        // every row is its lines' sum, grouped the plain way (keys in order of first line)
        const keys = {
          byAccount: (l: LineItem) => l.account,
          byVpc: (l: LineItem) => (l.vpc === null ? null : `${l.account}/${l.vpc}`),
          byRegion: (l: LineItem) => l.region,
          byAz: (l: LineItem) => l.az,
          byKind: (l: LineItem) => l.kind,
        };
        for (const [family, keyOf] of Object.entries(keys)) {
          const rows = new Map<
            string,
            { key: string; hourly: bigint; monthly: bigint; lines: number }
          >();
          for (const l of e.lines) {
            const key = keyOf(l);
            if (key === null) continue;
            const row = rows.get(key) ?? { key, hourly: 0n, monthly: 0n, lines: 0 };
            row.hourly += l.hourly ?? 0n;
            row.monthly += l.monthly;
            row.lines += 1;
            rows.set(key, row);
          }
          expect(e.rollups[family as keyof typeof keys], family).toEqual([...rows.values()]);
        }

        // the formatted total is the decimal sum of the formatted lines, computed independently
        const json = estimateToJson(e);
        const fromStrings = sum(json.lines.map((l) => attoOf(l.monthly)));
        expect(formatMoney(e.totals.monthly)).toBe(decimalOf(fromStrings));
        expect(json.totals.monthly).toBe(decimalOf(fromStrings));
        const hourlyFromStrings = sum(
          json.lines.flatMap((l) => (l.hourly === null ? [] : [attoOf(l.hourly)])),
        );
        expect(json.totals.hourly).toBe(decimalOf(hourlyFromStrings));

        // interface endpoint data: each account/region pool is billed as one tiered quantity
        const pools = new Map<string, { gb: bigint; billed: bigint }>();
        for (const account of doc.accounts) {
          for (const vpc of account.vpcs) {
            for (const endpoint of vpc.endpoints) {
              if (endpoint.type !== "interface") continue;
              const key = `${account.id}/${vpc.region}`;
              const pool = pools.get(key) ?? { gb: 0n, billed: 0n };
              pool.gb += quantityFromNumber(endpoint.gbPerMonth);
              pools.set(key, pool);
            }
          }
        }
        for (const l of e.lines) {
          if (l.kind !== "interface-endpoint" || l.component !== "data") continue;
          const pool = pools.get(`${l.account}/${l.region}`);
          if (!pool) throw new Error(`unexpected data line ${l.id}`);
          pool.billed += l.monthly;
        }
        for (const [key, pool] of pools) {
          expect(pool.billed, key).toBe(interfaceTierCost(pool.gb));
        }
      }),
      { numRuns: 100 },
    );
  });
});
