import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BreakEvenJsonSchema } from "../src/report/breakEvenJson.js";
import { ComparisonJsonSchema } from "../src/report/comparisonJson.js";
import { expectGolden } from "./helpers/golden.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const tmp = scratchDir("compare-cli").dir;

const DEV = "examples/dev.yaml";
const PROD = "examples/prod.yaml";
const SPOKES = "examples/spokes.yaml";

/** No stack trace, no internal error: a one-problem-per-line message. */
function expectCleanError(stderr: string): void {
  expect(stderr).toMatch(/^linkplan: /);
  expect(stderr).not.toContain("internal error");
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("linkplan compare", () => {
  it("--format markdown: a pull-request comment", async () => {
    const result = await runCliCapture(["compare", DEV, PROD, "--format", "markdown"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(
      "### linkplan: app-dev → app-prod: +179.493 USD per month (+218.6 %)",
    );
    expectGolden("compare/dev-prod.md", result.stdout);
  });

  it("--format table (the default)", async () => {
    const result = await runCliCapture(["compare", DEV, PROD, "--format", "table"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^total\s+82\.127\s+261\.62\s+\+179\.493\s+\+218\.6 %$/m);
    expect(result.stdout).toContain("lines: 16 added, 0 removed, 7 changed, 7 unchanged");
    // (test/golden/compare/dev-prod.txt is the comparison diagram)
    expectGolden("compare/dev-prod.table.txt", result.stdout);
    const byDefault = await runCliCapture(["compare", DEV, PROD]);
    expect(byDefault.stdout).toBe(result.stdout);
  });

  it("--format json follows ComparisonJsonSchema", async () => {
    const result = await runCliCapture(["compare", DEV, PROD, "--format", "json"]);
    expect(result.code).toBe(0);
    const json = ComparisonJsonSchema.parse(JSON.parse(result.stdout));
    expect(json.before.totals.monthly).toBe("82.127");
    expect(json.after.totals.monthly).toBe("261.62");
    expect(json.delta).toEqual({ hourly: "0.22", monthly: "179.493", percent: "218.6" });
    expect(json.pairs).toEqual([{ before: "app-dev", after: "app-prod" }]);
    expect(json.unchanged).toBe(7);
    expect(json.changes).toHaveLength(23);
    const natA = json.changes.find(
      (c) => c.id === "app-prod/app-vpc/nat-gateway/nat-a/data/eu-west-2a",
    );
    expect(natA).toMatchObject({
      change: "changed",
      before: { quantity: "30", monthly: "1.50" },
      after: { quantity: "120", monthly: "6.00" },
      delta: { monthly: "4.50" },
    });
  });

  it("--fail-above: exit 3 with a message when the increase is larger", async () => {
    const above = await runCliCapture(["compare", DEV, PROD, "--fail-above", "100"]);
    expect(above.code).toBe(3);
    expect(above.stderr).toBe(
      "linkplan: monthly cost rises by 179.493 USD, above --fail-above 100.00 USD\n",
    );
    // the report is still printed
    expect(above.stdout).toContain("+179.493");

    const below = await runCliCapture(["compare", DEV, PROD, "--fail-above", "500"]);
    expect(below.code).toBe(0);
    expect(below.stderr).toBe("");
    // exactly the limit passes
    const equal = await runCliCapture(["compare", DEV, PROD, "--fail-above", "179.493"]);
    expect(equal.code).toBe(0);
    // a decrease never fails
    const down = await runCliCapture(["compare", PROD, DEV, "--fail-above", "0"]);
    expect(down.code).toBe(0);

    const bad = await runCliCapture(["compare", DEV, PROD, "--fail-above", "-5"]);
    expect(bad.code).toBe(2);
  });

  it("--pair with an unknown account: exit 1 naming it", async () => {
    const result = await runCliCapture(["compare", DEV, PROD, "--pair", "app-qa=app-prod"]);
    expect(result.code).toBe(1);
    expectCleanError(result.stderr);
    expect(result.stderr).toContain('pairs[0].before: no account "app-qa" in the first topology');
  });
});

describe("linkplan whatif", () => {
  it("--consolidate-azs 1 on prod", async () => {
    const result = await runCliCapture(["whatif", PROD, "--consolidate-azs", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe(
      "app-prod → app-prod (what-if: interface endpoints in 1 AZ) — USD per month, 730 hours/month, catalog bundled (2026-11-20)",
    );
    expectGolden("compare/prod-consolidate-1.txt", result.stdout);
  });

  it("--nat-to-endpoints --format markdown on prod", async () => {
    const result = await runCliCapture([
      "whatif",
      PROD,
      "--nat-to-endpoints",
      "--format",
      "markdown",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("+15.69 USD per month (+6.0 %)");
    expectGolden("compare/prod-nat-to-endpoints.md", result.stdout);
  });

  it("--centralize hub-vpc -o writes a topology that estimate accepts", async () => {
    const out = join(tmp, "after.yaml");
    const result = await runCliCapture(["whatif", SPOKES, "--centralize", "hub-vpc", "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`wrote ${out}\n`);
    expect(result.stdout).toMatch(/^total\s+266\.33\s+246\.19\s+-20\.14\s+-7\.6 %$/m);
    expect(readFileSync(out, "utf8")).toContain("hub-vpc-tgw");

    const estimated = await runCliCapture(["estimate", out, "--format", "json"]);
    expect(estimated.code).toBe(0);
    const json = JSON.parse(estimated.stdout) as { name: string; totals: { monthly: string } };
    expect(json.totals.monthly).toBe("246.19");
    expect(json.name).toBe("spokes (what-if: endpoints centralised in hub VPC hub-vpc)");
  });

  it("--format json carries the transform, the new topology and the comparison", async () => {
    const result = await runCliCapture(["whatif", PROD, "--consolidate-azs", "1", "-f", "json"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as {
      transform: unknown;
      topology: { name: string };
      comparison: unknown;
    };
    expect(body.transform).toEqual({ kind: "consolidateAzs", azs: 1 });
    expect(body.topology.name).toBe("app-prod (what-if: interface endpoints in 1 AZ)");
    const comparison = ComparisonJsonSchema.parse(body.comparison);
    expect(comparison.before.totals.monthly).toBe("261.62");
  });

  it("no what-if flag, or two: a usage error (exit 2) with a clear message", async () => {
    const none = await runCliCapture(["whatif", PROD]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "linkplan: choose a what-if: --consolidate-azs <n|azs>, --nat-to-endpoints or --centralize <hub-vpc>\n",
    );
    expect(none.stdout).toBe("");

    const both = await runCliCapture([
      "whatif",
      PROD,
      "--consolidate-azs",
      "1",
      "--nat-to-endpoints",
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      "linkplan: choose one what-if at a time, not --consolidate-azs and --nat-to-endpoints\n",
    );
  });

  it("options that do not fit the topology: exit 1 naming them", async () => {
    const az = await runCliCapture(["whatif", PROD, "--consolidate-azs", "us-east-1a"]);
    expect(az.code).toBe(1);
    expectCleanError(az.stderr);
    expect(az.stderr).toContain("azs[0]: us-east-1a is not an AZ of any VPC");

    const hub = await runCliCapture(["whatif", SPOKES, "--centralize", "hub"]);
    expect(hub.code).toBe(1);
    expectCleanError(hub.stderr);
    expect(hub.stderr).toContain('hubVpc: no VPC "hub" in the topology');

    // the transform fails its schema: the same 422 problem the API answers, exit 1
    const zero = await runCliCapture(["whatif", PROD, "--consolidate-azs", "0"]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toBe(
      "linkplan: transform: invalid transform\n  transform.azs: Too small: expected number to be >=1\n",
    );
  });
});

describe("linkplan breakeven", () => {
  it("--region us-east-1", async () => {
    const result = await runCliCapture(["breakeven", "--region", "us-east-1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^ecr\.api\s+interface\s+21\.90\s+0\.035\s+625\.71\s+208\.57$/m);
    expect(result.stdout).toContain("a hub pays for itself from 3 spoke VPCs");
    expectGolden("compare/breakeven-us-east-1.txt", result.stdout);
  });

  it("--format json follows BreakEvenJsonSchema", async () => {
    const result = await runCliCapture(["breakeven", "--region", "us-east-1", "--format", "json"]);
    expect(result.code).toBe(0);
    const json = BreakEvenJsonSchema.parse(JSON.parse(result.stdout));
    expect(json.services[0]?.gbPerMonthPerAz).toBe("208.571429");
    expect(json.hub.rows.map((r) => r.hubCheaperBelowGb)).toEqual([
      null,
      "1360",
      "6470",
      "19245",
      "44795",
    ]);
    expect(json.hub.minSpokes).toBe(3);
  });

  it("--azs, --services, --spokes", async () => {
    const result = await runCliCapture([
      "breakeven",
      "--region",
      "eu-west-2",
      "--azs",
      "1",
      "--services",
      "sqs,s3",
      "--spokes",
      "4",
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    const json = BreakEvenJsonSchema.parse(JSON.parse(result.stdout));
    expect(json.azs).toBe(1);
    // 730 × 0.011 = 8.03 / 0.04 = 200.75
    expect(json.services.map((s) => [s.service, s.gbPerMonth])).toEqual([
      ["sqs", "200.75"],
      ["s3", "0"],
    ]);
    expect(json.hub.rows.map((r) => r.spokes)).toEqual([4]);
  });

  it("a region the catalog lacks: exit 1, missing price message, no stack trace", async () => {
    const result = await runCliCapture(["breakeven", "--region", "sa-east-1"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expectCleanError(result.stderr);
    expect(result.stderr).toMatch(/^linkplan: the price catalog "bundled" lacks \d+ prices/);
    expect(result.stderr).toContain(
      "region sa-east-1 is not in the catalog (no price for interfaceEndpointHour)",
    );
  });

  it("invalid numbers: usage errors (2)", async () => {
    expect((await runCliCapture(["breakeven", "--region", "us-east-1", "--azs", "x"])).code).toBe(
      2,
    );
    const zero = await runCliCapture(["breakeven", "--region", "us-east-1", "--azs", "0"]);
    expect(zero.code).toBe(2);
    expectCleanError(zero.stderr);
    expect(zero.stderr).toContain("--azs: must be a whole number from 1 to 6");
    expect((await runCliCapture(["breakeven"])).code).toBe(2);
  });
});
