import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Comparison,
  compare,
  compareEstimates,
  percentChange,
} from "../src/compare/compare.js";
import { formatMoney, sum } from "../src/core/money.js";
import type { LineItem } from "../src/estimate/cost/lineItem.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { ComparisonJsonSchema, comparisonToJson } from "../src/report/comparisonJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { caught } from "./helpers/caught.js";
import { exampleTopology } from "./helpers/examples.js";
import { monthlyOf, times, usd } from "./helpers/money.js";
import { topologyArb } from "./helpers/randomTopology.js";

const catalog = bundledCatalog();

const changeOf = (c: Comparison, id: string) => {
  const found = c.changes.find((change) => change.id === id);
  if (!found) throw new Error(`no change ${id}; changes: ${c.changes.map((x) => x.id).join(", ")}`);
  return found;
};
const count = (c: Comparison, kind: "added" | "removed" | "changed") =>
  c.changes.filter((change) => change.change === kind).length;

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe("compare properties (random topologies)", () => {
  it("a topology compared with itself: no change, every line unchanged, zero deltas", () => {
    fc.assert(
      fc.property(topologyArb, (doc) => {
        const topology = parseTopology(doc);
        const c = compare(topology, topology, catalog);
        expect(c.pairs).toEqual([]);
        expect(c.delta.hourly).toBe(0n);
        expect(c.delta.monthly).toBe(0n);
        expect(c.delta.percent).toBe(c.before.totals.monthly === 0n ? null : "0.0");
        expect(c.changes).toEqual([]);
        expect(c.unchanged).toBe(c.after.lines.length);
        expect(c.before.lines).toEqual(c.after.lines);
        for (const [family, rows] of Object.entries(c.rollups)) {
          for (const row of rows) {
            expect(row.delta, `${family} ${row.key}`).toBe(0n);
            expect(row.before, `${family} ${row.key}`).toBe(row.after);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("two random topologies: the deltas are exact differences and add up", () => {
    fc.assert(
      fc.property(
        topologyArb,
        topologyArb,
        fc.option(fc.constantFrom(730, 720, 1), { nil: undefined }),
        fc.boolean(),
        (docA, docB, hoursPerMonth, rename) => {
          // renaming b's only account makes a one-account a pair with it automatically
          const [onlyB] = docB.accounts;
          if (rename && onlyB && docB.accounts.length === 1) onlyB.id = "renamed";
          const a = parseTopology(docA);
          const b = parseTopology(docB);
          const options = hoursPerMonth === undefined ? {} : { hoursPerMonth };
          const c = compare(a, b, catalog, options);
          const ea = estimate(a, catalog, options);
          const eb = estimate(b, catalog, options);
          const paired = docA.accounts.length === 1 && b.accounts[0]?.id === "renamed";
          expect(c.pairs).toEqual(paired ? [{ before: "account-0", after: "renamed" }] : []);
          if (paired) expect(c.before.lines.every((l) => l.account === "renamed")).toBe(true);

          // total deltas are the exact differences of the two estimates
          expect(c.delta.monthly).toBe(eb.totals.monthly - ea.totals.monthly);
          expect(c.delta.hourly).toBe(eb.totals.hourly - ea.totals.hourly);
          expect(c.delta.percent).toBe(percentChange(ea.totals.monthly, c.delta.monthly));

          // the line changes add up to the total delta
          expect(sum(c.changes.map((x) => x.delta.monthly))).toBe(c.delta.monthly);
          expect(sum(c.changes.map((x) => x.delta.hourly))).toBe(c.delta.hourly);

          // every line of each side is accounted for exactly once
          expect(c.unchanged + count(c, "changed") + count(c, "removed")).toBe(ea.lines.length);
          expect(c.unchanged + count(c, "changed") + count(c, "added")).toBe(eb.lines.length);
          for (const change of c.changes) {
            const before = change.before?.monthly ?? 0n;
            const after = change.after?.monthly ?? 0n;
            expect(change.delta.monthly, change.id).toBe(after - before);
            expect(change.before === null, change.id).toBe(change.change === "added");
            expect(change.after === null, change.id).toBe(change.change === "removed");
          }

          // rollups covering every line add up to the total delta; by VPC and by AZ, to the
          // delta of the lines that have a VPC / an AZ
          for (const family of ["byAccount", "byRegion", "byKind"] as const) {
            expect(sum(c.rollups[family].map((r) => r.delta)), family).toBe(c.delta.monthly);
          }
          const partial = (pick: (l: LineItem) => boolean) =>
            monthlyOf(eb.lines.filter(pick)) - monthlyOf(ea.lines.filter(pick));
          expect(sum(c.rollups.byVpc.map((r) => r.delta))).toBe(partial((l) => l.vpc !== null));
          expect(sum(c.rollups.byAz.map((r) => r.delta))).toBe(partial((l) => l.az !== null));
          for (const rows of Object.values(c.rollups)) {
            for (const row of rows) expect(row.delta, row.key).toBe(row.after - row.before);
          }

          // the JSON form is valid and says the same
          const json = ComparisonJsonSchema.parse(comparisonToJson(c));
          expect(json.delta.monthly).toBe(formatMoney(c.delta.monthly));
          expect(json.changes).toHaveLength(c.changes.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// dev → prod, by hand (eu-west-2: ENI 0.011/h, endpoint data 0.01/GB, NAT 0.05/h and
// 0.05/GB, public IPv4 0.005/h, 730 hours)
// ---------------------------------------------------------------------------------------

describe("compare dev.yaml → prod.yaml", () => {
  const dev = exampleTopology("dev");
  const prod = exampleTopology("prod");
  const c = compare(dev, prod, catalog);
  const id = (rest: string) => `app-prod/app-vpc/${rest}`;

  // dev: 5 interface endpoints × 1 AZ × 730 h × 0.011 = 40.15
  const devHours = 5n * 730n * usd("0.011");
  // dev endpoint data: (2 + 20 + 10 + 0.5 + 0.2) = 32.7 GB × 0.01 = 0.327
  const devData = times("32.7", "0.01");
  // dev NAT: 730 × 0.05 = 36.50 hours + 30 GB × 0.05 = 1.50 + 730 × 0.005 = 3.65 IPv4
  const devNat = 730n * usd("0.05") + times("30", "0.05") + 730n * usd("0.005");
  // prod: 5 interface endpoints × 3 AZs × 730 × 0.011 = 120.45
  const prodHours = 5n * 3n * 730n * usd("0.011");
  // prod endpoint data: (15 + 300 + 250 + 5 + 2) = 572 GB × 0.01 = 5.72
  const prodData = times("572", "0.01");
  // prod NAT: 3 × (36.50 + 3.65) + (120 + 100 + 80) GB × 0.05 = 120.45 + 15.00
  const prodNat = 3n * (730n * usd("0.05") + 730n * usd("0.005")) + times("300", "0.05");

  it("the hand-computed totals", () => {
    expect(formatMoney(devHours)).toBe("40.15");
    expect(formatMoney(prodHours)).toBe("120.45");
    expect(formatMoney(devHours + devData + devNat)).toBe("82.127");
    expect(formatMoney(prodHours + prodData + prodNat)).toBe("261.62");
    expect(c.before.totals.monthly).toBe(devHours + devData + devNat);
    expect(c.after.totals.monthly).toBe(prodHours + prodData + prodNat);
    // 261.62 − 82.127 = 179.493; 179.493 / 82.127 = 2.18556… → 218.6 %
    expect(formatMoney(c.delta.monthly)).toBe("179.493");
    expect(c.delta.percent).toBe("218.6");
    // per hour: dev 5 × 0.011 + 0.05 + 0.005 = 0.11, prod 3 × that = 0.33
    expect(formatMoney(c.before.totals.hourly)).toBe("0.11");
    expect(formatMoney(c.after.totals.hourly)).toBe("0.33");
    expect(formatMoney(c.delta.hourly)).toBe("0.22");
  });

  it("pairs the single accounts app-dev → app-prod", () => {
    expect(c.pairs).toEqual([{ before: "app-dev", after: "app-prod" }]);
    expect(c.before.lines.every((l) => l.account === "app-prod")).toBe(true);
    expect(c.before.name).toBe("app-dev");
    expect(c.after.name).toBe("app-prod");
  });

  it("counts lines: 16 added, 7 changed, 0 removed, 7 unchanged", () => {
    // dev has 14 lines, prod 30. Unchanged: the 5 ENI-hours in eu-west-2a, nat-a hours and
    // nat-a public IPv4. Changed: 5 endpoint data lines, the S3 gateway line (50 → 1500 GB
    // at 0.00) and nat-a data. Added: 10 ENI-hours in b and c, 6 lines of nat-b and nat-c.
    expect(c.before.lines).toHaveLength(14);
    expect(c.after.lines).toHaveLength(30);
    expect(count(c, "added")).toBe(16);
    expect(count(c, "changed")).toBe(7);
    expect(count(c, "removed")).toBe(0);
    expect(c.unchanged).toBe(7);
    expect(c.changes.map((x) => x.id)).not.toContain(
      id("interface-endpoint/ecr-api/hours/eu-west-2a"),
    );
    expect(c.changes.map((x) => x.id)).not.toContain(id("nat-gateway/nat-a/hours/eu-west-2a"));
  });

  it("specific lines", () => {
    const added = changeOf(c, id("interface-endpoint/ecr-api/hours/eu-west-2b"));
    expect(added.change).toBe("added");
    expect(added.before).toBeNull();
    expect(added.delta).toEqual({ hourly: usd("0.011"), monthly: 730n * usd("0.011") });

    // ecr.dkr data: 20 GB → 300 GB at 0.01: 0.20 → 3.00
    const dkr = changeOf(c, id("interface-endpoint/ecr-dkr/data/tier1"));
    expect(dkr.change).toBe("changed");
    expect(dkr.before?.monthly).toBe(times("20", "0.01"));
    expect(dkr.after?.monthly).toBe(times("300", "0.01"));
    expect(formatMoney(dkr.delta.monthly)).toBe("2.80");
    expect(dkr.delta.hourly).toBe(0n);

    // S3 gateway: more GB, still free: changed, with a zero delta
    const s3 = changeOf(c, id("gateway-endpoint/s3/service"));
    expect(s3.change).toBe("changed");
    expect(s3.delta.monthly).toBe(0n);

    // nat-a data: 30 → 120 GB × 0.05 = 1.50 → 6.00
    const natA = changeOf(c, id("nat-gateway/nat-a/data/eu-west-2a"));
    expect(natA.change).toBe("changed");
    expect(formatMoney(natA.delta.monthly)).toBe("4.50");

    const natC = changeOf(c, id("nat-gateway/nat-c/hours/eu-west-2c"));
    expect(natC.change).toBe("added");
    expect(formatMoney(natC.delta.monthly)).toBe("36.50");
    expect(formatMoney(natC.delta.hourly)).toBe("0.05");

    // changes come in prod's line order (nothing is removed)
    expect(c.changes.map((x) => x.id)).toEqual(
      c.after.lines.map((l) => l.id).filter((lineId) => c.changes.some((x) => x.id === lineId)),
    );
  });

  it("rollups", () => {
    const rows = (family: keyof Comparison["rollups"]) =>
      c.rollups[family].map((r) => [r.key, formatMoney(r.before), formatMoney(r.after)]);
    expect(rows("byAccount")).toEqual([["app-prod", "82.127", "261.62"]]);
    expect(rows("byVpc")).toEqual([["app-prod/app-vpc", "82.127", "261.62"]]);
    expect(rows("byRegion")).toEqual([["eu-west-2", "82.127", "261.62"]]);
    // interface: 40.15 + 0.327 = 40.477 → 120.45 + 5.72 = 126.17; NAT 41.65 → 135.45
    expect(rows("byKind")).toEqual([
      ["interface-endpoint", "40.477", "126.17"],
      ["gateway-endpoint", "0.00", "0.00"],
      ["nat-gateway", "41.65", "135.45"],
    ]);
    // by AZ (lines with an AZ: ENI-hours and NAT lines): dev eu-west-2a 40.15 + 36.50 + 1.50
    // + 3.65 = 81.80; prod eu-west-2a 40.15 + 36.50 + 6.00 + 3.65 = 86.30, b with 5.00 of
    // NAT data 85.30, c with 4.00 84.30
    expect(rows("byAz")).toEqual([
      ["eu-west-2a", "81.80", "86.30"],
      ["eu-west-2b", "0.00", "85.30"],
      ["eu-west-2c", "0.00", "84.30"],
    ]);
    expect(c.rollups.byKind.map((r) => formatMoney(r.delta))).toEqual(["85.693", "0.00", "93.80"]);
  });

  it("prod → dev is the mirror image", () => {
    const back = compare(prod, dev, catalog);
    expect(back.pairs).toEqual([{ before: "app-prod", after: "app-dev" }]);
    expect(back.delta.monthly).toBe(-c.delta.monthly);
    // −179.493 / 261.62 = −0.68608… → −68.6 %
    expect(back.delta.percent).toBe("-68.6");
    expect(count(back, "removed")).toBe(16);
    expect(count(back, "changed")).toBe(7);
    expect(count(back, "added")).toBe(0);
    expect(back.unchanged).toBe(7);
    // removed lines come last
    expect(back.changes.slice(-16).every((x) => x.change === "removed")).toBe(true);
  });

  it("hoursPerMonth applies to both sides", () => {
    const c720 = compare(dev, prod, catalog, { hoursPerMonth: 720 });
    expect(c720.before.hoursPerMonth).toBe(720);
    expect(c720.after.hoursPerMonth).toBe(720);
    // 10 hours fewer on each of prod's hour-billed items: 0.33 × 10 = 3.30 off prod's total;
    // dev's 0.11 × 10 = 1.10: the delta shrinks by 2.20
    expect(c720.after.totals.monthly).toBe(c.after.totals.monthly - usd("3.30"));
    expect(c720.delta.monthly).toBe(c.delta.monthly - usd("2.20"));
  });

  it("compareEstimates on two estimates gives the same lines (ids differ without pairing)", () => {
    const direct = compareEstimates(estimate(dev, catalog), estimate(prod, catalog));
    expect(direct.pairs).toEqual([]);
    expect(direct.delta.monthly).toBe(c.delta.monthly);
    expect(count(direct, "added")).toBe(30);
    expect(count(direct, "removed")).toBe(14);
    expect(direct.unchanged).toBe(0);
  });
});

describe("account pairing", () => {
  const dev = exampleTopology("dev");
  const prod = exampleTopology("prod");

  it("explicit pairs give the same result as the automatic pairing", () => {
    const auto = compare(dev, prod, catalog);
    const explicit = compare(dev, prod, catalog, {
      pairs: [{ before: "app-dev", after: "app-prod" }],
    });
    expect(explicit.pairs).toEqual(auto.pairs);
    expect(comparisonToJson(explicit)).toEqual(comparisonToJson(auto));
  });

  it("an unknown account in a pair is an invalid_request naming the pair", () => {
    const error = caught(() =>
      compare(dev, prod, catalog, { pairs: [{ before: "app-staging", after: "app-prod" }] }),
    );
    expect(error.code).toBe("invalid_request");
    expect(error.problems).toEqual([
      { path: "pairs[0].before", message: 'no account "app-staging" in the first topology' },
    ]);

    const both = caught(() =>
      compare(dev, prod, catalog, {
        pairs: [
          { before: "app-dev", after: "app-prod" },
          { before: "nope", after: "app-dev" },
        ],
      }),
    );
    expect(both.code).toBe("invalid_request");
    expect(both.problems.map((p) => p.path)).toEqual(["pairs[1].before", "pairs[1].after"]);
  });

  const twoAccounts = (suffix: string) =>
    parseTopology({
      name: `two-${suffix}`,
      accounts: ["alpha", "beta"].map((name, i) => ({
        id: `${name}-${suffix}`,
        vpcs: [
          {
            id: `vpc-${i}`,
            region: "us-east-1",
            azs: ["us-east-1a"],
            endpoints: [{ id: "sts", type: "interface", service: "sts", gbPerMonth: 1 }],
          },
        ],
      })),
    });

  it("several accounts with different ids are not paired: every line added or removed", () => {
    const a = twoAccounts("dev");
    const b = twoAccounts("prod");
    const c = compare(a, b, catalog);
    expect(c.pairs).toEqual([]);
    // each side: 2 × (1 ENI-hour line + 1 data line)
    expect(count(c, "added")).toBe(4);
    expect(count(c, "removed")).toBe(4);
    expect(count(c, "changed")).toBe(0);
    expect(c.unchanged).toBe(0);
    expect(c.delta.monthly).toBe(0n);
    expect(c.rollups.byAccount.map((r) => [r.key, formatMoney(r.delta)])).toEqual([
      // 730 × 0.01 + 1 GB × 0.01 = 7.31 each
      ["alpha-prod", "7.31"],
      ["beta-prod", "7.31"],
      ["alpha-dev", "-7.31"],
      ["beta-dev", "-7.31"],
    ]);

    // explicit pairs match them up
    const paired = compare(a, b, catalog, {
      pairs: [
        { before: "alpha-dev", after: "alpha-prod" },
        { before: "beta-dev", after: "beta-prod" },
      ],
    });
    expect(paired.changes).toEqual([]);
    expect(paired.unchanged).toBe(4);
  });

  it("percent is null from a zero total", () => {
    const free = parseTopology({
      name: "free",
      accounts: [
        {
          id: "app-dev",
          vpcs: [
            {
              id: "app-vpc",
              region: "eu-west-2",
              azs: ["eu-west-2a"],
              endpoints: [{ id: "s3", type: "gateway", service: "s3" }],
            },
          ],
        },
      ],
    });
    const c = compare(free, prod, catalog);
    expect(c.before.totals.monthly).toBe(0n);
    expect(c.delta.percent).toBeNull();
    expect(percentChange(0n, 0n)).toBeNull();
    // a small negative change rounds to one decimal, away from zero at .05
    expect(percentChange(usd("100"), usd("-0.05"))).toBe("-0.1");
    expect(percentChange(usd("100"), usd("-0.04"))).toBe("0.0");
  });
});
