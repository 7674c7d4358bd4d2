import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BreakEvenJsonSchema } from "../src/report/breakEvenJson.js";
import { ComparisonJsonSchema, WhatIfResultSchema } from "../src/report/comparisonJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import {
  exampleData,
  mutate,
  mutation,
  toJsonText,
  toYamlText,
  weirdValue,
} from "./helpers/apiFuzzArbitraries.js";
import { checkClientAnswer, PROBLEM_TYPE, problemOf, useApp, YAML } from "./helpers/apiKit.js";

/**
 * POST /v1/compare, POST /v1/whatif and GET /v1/breakeven: exact answers for the bundled
 * dev/prod pair and spokes example, every error as problem+json with paths into the body,
 * and random bodies that never get a 5xx.
 */

const dev = exampleData("dev");
const prod = exampleData("prod");
const spokes = exampleData("spokes");

const app = useApp({ maxVpcs: 20 });

const post = (url: string, payload: unknown) =>
  app().inject({ method: "POST", url, payload: payload as object });

describe("POST /v1/compare", () => {
  it("dev → prod: totals, delta, pairing and counts", async () => {
    const res = await post("/v1/compare", { a: dev, b: prod });
    expect(res.statusCode).toBe(200);
    const body = ComparisonJsonSchema.parse(res.json());
    // dev: 5 ENIs × 730 h × 0.011 = 40.15 + 32.7 GB × 0.01 = 0.327 → 40.477; NAT 36.50 + 1.50 + 3.65
    // prod: 15 ENIs × 8.03 = 120.45 + 572 GB × 0.01 = 5.72 → 126.17; 3 NATs 3 × (36.50 + 3.65) + 15.00
    expect(body.before.totals).toEqual({ hourly: "0.11", monthly: "82.127" });
    expect(body.after.totals).toEqual({ hourly: "0.33", monthly: "261.62" });
    expect(body.delta).toEqual({ hourly: "0.22", monthly: "179.493", percent: "218.6" });
    expect(body.pairs).toEqual([{ before: "app-dev", after: "app-prod" }]);
    const count = (kind: string) => body.changes.filter((c) => c.change === kind).length;
    expect([count("added"), count("removed"), count("changed"), body.unchanged]).toEqual([
      16, 0, 7, 7,
    ]);
    expect(body.rollups.byKind).toEqual([
      { key: "interface-endpoint", before: "40.477", after: "126.17", delta: "85.693" },
      { key: "gateway-endpoint", before: "0.00", after: "0.00", delta: "0.00" },
      { key: "nat-gateway", before: "41.65", after: "135.45", delta: "93.80" },
    ]);
    expect(
      body.changes.find((c) => c.id === "app-prod/app-vpc/nat-gateway/nat-b/hours/eu-west-2b"),
    ).toMatchObject({ change: "added", before: null, delta: { monthly: "36.50" } });
  });

  it("YAML bodies, markdown and table formats", async () => {
    const yaml = await app().inject({
      method: "POST",
      url: "/v1/compare?format=markdown",
      headers: YAML,
      payload: toYamlText({ a: dev, b: prod }),
    });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(yaml.body.split("\n")[0]).toBe(
      "### linkplan: app-dev → app-prod: +179.493 USD per month (+218.6 %)",
    );
    expect(yaml.body).toContain("<details>");
    const table = await post("/v1/compare?format=table", { a: dev, b: prod });
    expect(table.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(table.body).toContain("total               82.127  261.62  +179.493  +218.6 %");
  });

  it("hoursPerMonth and explicit pairs", async () => {
    const res = await post("/v1/compare?hoursPerMonth=720", {
      a: dev,
      b: prod,
      pairs: [{ before: "app-dev", after: "app-prod" }],
    });
    const body = res.json();
    expect(body.after.hoursPerMonth).toBe(720);
    const bad = await post("/v1/compare", {
      a: dev,
      b: prod,
      pairs: [{ before: "x", after: "app-prod" }],
    });
    expect(problemOf(bad, 422)).toEqual({
      type: `${PROBLEM_TYPE}invalid-request`,
      title: "Invalid request",
      status: 422,
      detail: "account pairs name unknown accounts",
      code: "invalid_request",
      errors: [{ path: "pairs[0].before", message: 'no account "x" in the first topology' }],
    });
    const shape = await post("/v1/compare", { a: dev, b: prod, pairs: "app-dev=app-prod" });
    expect(problemOf(shape, 422).errors).toEqual([
      { path: "pairs", message: "must be a list of { before, after } account ids" },
    ]);
  });

  it("problems name where in the body they are", async () => {
    const missing = await post("/v1/compare", { a: dev });
    expect(problemOf(missing, 422)).toMatchObject({
      code: "invalid_request",
      detail: 'the request body lacks "b"',
      errors: [{ path: "b", message: "required" }],
    });
    const invalid = await post("/v1/compare", {
      a: dev,
      b: { name: "x", accounts: [{ id: "X" }] },
    });
    expect(problemOf(invalid, 422)).toMatchObject({
      code: "invalid_topology",
      detail: "b: invalid topology (1 problem)",
      errors: [{ path: "b.accounts[0].id" }],
    });
    const notObject = await post("/v1/compare", [dev, prod]);
    expect(problemOf(notObject, 422).errors).toEqual([{ path: "a", message: "required" }]);
  });

  it("limits apply to each topology", async () => {
    const many = {
      name: "many",
      accounts: [
        {
          id: "a",
          vpcs: Array.from({ length: 21 }, (_, i) => ({
            id: `v${i}`,
            region: "us-east-1",
            azs: ["us-east-1a"],
          })),
        },
      ],
    };
    const res = await post("/v1/compare", { a: dev, b: many });
    expect(problemOf(res, 422)).toMatchObject({
      code: "limit_exceeded",
      detail:
        "b: the topology is larger than this server accepts: 21 VPCs exceed the limit of 20 (maxVpcs)",
    });
  });
});

describe("POST /v1/whatif", () => {
  it("consolidating prod to one AZ: the transformed topology and the comparison", async () => {
    const res = await post("/v1/whatif", {
      topology: prod,
      transform: { kind: "consolidateAzs", azs: 1 },
    });
    expect(res.statusCode).toBe(200);
    const body = WhatIfResultSchema.parse(res.json());
    // 10 ENIs of 8.03 go: −80.30. The traffic of AZs b and c now crosses to a, billed out and
    // in at 0.01 (micro-GB shares, the remainder to the first AZ):
    //   ecr-api 15 GB → 10 cross → 0.20;  ecr-dkr 300 → 200 → 4.00
    //   logs 250 → 83.333334 + 83.333333 + 83.333333 → 166.666666 × 0.02 = 3.33333332
    //   sts 5 → 3.333333 × 0.02 = 0.06666666;  secretsmanager 2 → 1.333333 × 0.02 = 0.02666666
    //   cross-AZ 7.62666664 → delta −80.30 + 7.62666664 = −72.67333336
    expect(body.comparison.delta.monthly).toBe("-72.67333336");
    expect(body.topology.name).toBe("app-prod (what-if: interface endpoints in 1 AZ)");
    // the answer is a valid topology again
    expect(() => parseTopology(body.topology)).not.toThrow();
  });

  it("NAT traffic to endpoints, and centralising spokes in a hub", async () => {
    const nat = await post("/v1/whatif", {
      topology: prod,
      transform: { kind: "natToEndpoints", services: ["dynamodb"] },
    });
    // 120 GB of NAT processing at 0.05 move to a free gateway endpoint
    expect(nat.json().comparison.delta.monthly).toBe("-6.00");
    const hub = await post("/v1/whatif?format=markdown", {
      topology: spokes,
      transform: { kind: "centralizeEndpoints", hubVpc: "hub-vpc" },
    });
    expect(hub.body.split("\n")[0]).toBe(
      "### linkplan: spokes → spokes (what-if: endpoints centralised in hub VPC hub-vpc): -20.14 USD per month (-7.6 %)",
    );
  });

  it("invalid transforms are 422 with paths under transform", async () => {
    const zero = await post("/v1/whatif", {
      topology: prod,
      transform: { kind: "consolidateAzs", azs: 0 },
    });
    expect(problemOf(zero, 422)).toMatchObject({
      code: "invalid_request",
      errors: [{ path: "transform.azs" }],
    });
    const hub = await post("/v1/whatif", {
      topology: prod,
      transform: { kind: "centralizeEndpoints", hubVpc: "nope" },
    });
    expect(problemOf(hub, 422)).toEqual({
      type: `${PROBLEM_TYPE}invalid-request`,
      title: "Invalid request",
      status: 422,
      detail: 'transform: unknown VPC "nope"',
      code: "invalid_request",
      errors: [
        { path: "transform.hubVpc", message: 'no VPC "nope" in the topology (VPCs: "app-vpc")' },
      ],
    });
    const kind = await post("/v1/whatif", { topology: prod, transform: { kind: "magic" } });
    expect(problemOf(kind, 422).errors?.[0]?.path).toBe("transform.kind");
    const none = await post("/v1/whatif", {
      topology: dev,
      transform: { kind: "natToEndpoints", services: ["kms"] },
    });
    expect(problemOf(none, 422).errors).toEqual([
      { path: "transform.services", message: "no NAT gateway sends traffic to kms" },
    ]);
  });
});

describe("GET /v1/breakeven", () => {
  it("us-east-1: the worked figure of 7.30 / 0.035 GB per AZ", async () => {
    const res = await app().inject({
      method: "GET",
      url: "/v1/breakeven?region=us-east-1&services=ecr.api,s3&spokes=2,3",
    });
    expect(res.statusCode).toBe(200);
    const body = BreakEvenJsonSchema.parse(res.json());
    expect(body.services).toEqual([
      {
        service: "ecr.api",
        endpoint: "interface",
        fixedMonthly: "21.90",
        savingPerGb: "0.035",
        gbPerMonth: "625.714286",
        gbPerMonthPerAz: "208.571429",
      },
      {
        service: "s3",
        endpoint: "gateway",
        fixedMonthly: "0.00",
        savingPerGb: "0.045",
        gbPerMonth: "0",
        gbPerMonthPerAz: null,
      },
    ]);
    // one shared service × 3 AZs × 7.30 = 21.90 per VPC; hub: 21.90 + (N + 1) × 36.50 + 0.50
    expect(body.hub.rows).toEqual([
      {
        spokes: 2,
        perVpcMonthly: "43.80",
        hubMonthly: "131.90",
        hubExtraPerGb: "0.02",
        hubCheaper: "never",
        hubCheaperBelowGb: null,
      },
      {
        spokes: 3,
        perVpcMonthly: "65.70",
        hubMonthly: "168.40",
        hubExtraPerGb: "0.02",
        hubCheaper: "never",
        hubCheaperBelowGb: null,
      },
    ]);
    expect(body.hub.minSpokes).toBeNull();
  });

  it("services may be a count of interface services", async () => {
    const res = await app().inject({
      method: "GET",
      url: "/v1/breakeven?region=us-east-1&services=2&spokes=12",
    });
    const body = BreakEvenJsonSchema.parse(res.json());
    expect(body.hub.services).toEqual(["interface-1", "interface-2"]);
    // 2 × 3 × 7.30 = 43.80 per VPC; hub 43.80 + 13 × 36.50 + 2 × 0.50 = 519.30; 12 × 43.80 = 525.60
    expect(body.hub.rows).toEqual([
      {
        spokes: 12,
        perVpcMonthly: "525.60",
        hubMonthly: "519.30",
        hubExtraPerGb: "0.02",
        hubCheaper: "below",
        hubCheaperBelowGb: "315",
      },
    ]);
    expect(body.hub.minSpokes).toBe(12);
  });

  it("bad queries are 400, unknown regions 422 missing_price", async () => {
    const bad = await app().inject({ method: "GET", url: "/v1/breakeven?region=us-east-1&azs=9" });
    expect(problemOf(bad, 400).code).toBe("invalid_option");
    const noRegion = await app().inject({ method: "GET", url: "/v1/breakeven" });
    expect(problemOf(noRegion, 400).code).toBe("invalid_option");
    // a Region AWS has but the catalog lacks: every price the break-even needs is named
    const unpriced = await app().inject({ method: "GET", url: "/v1/breakeven?region=sa-east-1" });
    const problem = problemOf(unpriced, 422);
    expect(problem.code).toBe("missing_price");
    expect(problem.detail).toBe('the price catalog "bundled" lacks 5 prices this break-even needs');
    // a Region AWS does not have is a bad option, with the closest code
    const unknown = await app().inject({ method: "GET", url: "/v1/breakeven?region=sa-east-9" });
    expect(problemOf(unknown, 400)).toMatchObject({
      code: "invalid_option",
      errors: [
        { path: "region", message: 'unknown AWS region "sa-east-9" (did you mean "sa-east-1"?)' },
      ],
    });
  });
});

describe("random bodies to /v1/compare and /v1/whatif", () => {
  it("never 5xx, errors are problem+json", async () => {
    const transform = fc.oneof(
      fc.record({ kind: fc.constant("consolidateAzs"), azs: fc.oneof(fc.integer(), weirdValue) }),
      fc.record({
        kind: fc.constant("natToEndpoints"),
        services: fc.option(fc.array(fc.string())),
      }),
      fc.record({
        kind: fc.constant("centralizeEndpoints"),
        hubVpc: fc.oneof(fc.constant("app-vpc"), fc.string()),
      }),
      weirdValue,
    );
    const body = fc.oneof(
      fc.record({
        a: fc.array(mutation, { maxLength: 3 }).map((m) => mutate(structuredClone(dev), m)),
        b: fc.array(mutation, { maxLength: 3 }).map((m) => mutate(structuredClone(prod), m)),
      }),
      fc.record({
        topology: fc.array(mutation, { maxLength: 3 }).map((m) => mutate(structuredClone(prod), m)),
        transform,
      }),
      fc.jsonValue(),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom("/v1/compare", "/v1/whatif"),
        fc.boolean(),
        async (value, url, yaml) => {
          sent++;
          const payload = yaml ? toYamlText(value) : toJsonText(value);
          const res = await app().inject({
            method: "POST",
            url,
            headers: { "content-type": yaml ? "application/yaml" : "application/json" },
            payload,
          });
          checkClientAnswer(res, `POST ${url} ${payload.slice(0, 200)}`);
        },
      ),
      { numRuns: 300 },
    );
    expect(sent).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
