import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const run = promisify(execFile);
const scratch = scratchDir("cli");
const tmp = scratch.dir;
const write = scratch.write;
/** The tsx CLI that `npx tsx` runs: a child process started elsewhere than the checkout. */
const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

const SMALL = `name: small
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-1c]
        endpoints:
          - { id: ecr-api, type: interface, service: ecr.api }
`;

describe("linkplan estimate", () => {
  it("prints the JSON shape with exact money strings", async () => {
    const result = await runCliCapture([
      "estimate",
      write("small.yaml", SMALL),
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json.currency).toBe("USD");
    expect(json.hoursPerMonth).toBe(730);
    // 3 ENIs × 730 h × 0.01 = 21.90; 3 × 0.01 per hour
    expect(json.totals).toEqual({ hourly: "0.03", monthly: "21.90" });
    expect(json.lines.map((l: { id: string }) => l.id)).toEqual([
      "a/main/interface-endpoint/ecr-api/hours/us-east-1a",
      "a/main/interface-endpoint/ecr-api/hours/us-east-1b",
      "a/main/interface-endpoint/ecr-api/hours/us-east-1c",
    ]);
  });

  it("honours --hours-per-month", async () => {
    const result = await runCliCapture([
      "estimate",
      write("h.yaml", SMALL),
      "-f",
      "json",
      "--hours-per-month",
      "720",
    ]);
    // 3 × 720 × 0.01 = 21.60
    expect(JSON.parse(result.stdout).totals.monthly).toBe("21.60");
  });

  it("prices with --catalog and names a missing price (exit 1, no stack)", async () => {
    const catalog = bundledCatalog();
    const { interfaceEndpointHour: _dropped, ...rest } = catalog.regions["us-east-1"] ?? {};
    const path = write(
      "catalog.json",
      JSON.stringify({ ...catalog, regions: { "us-east-1": rest } }),
    );
    const result = await runCliCapture(["estimate", write("c.yaml", SMALL), "--catalog", path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'linkplan: the price catalog "bundled" lacks 1 price this topology needs\n' +
        "  accounts[0].vpcs[0].endpoints[0]: no price for interfaceEndpointHour in region us-east-1\n",
    );
  });

  it("rejects an invalid catalog file with paths", async () => {
    const path = write(
      "bad-catalog.json",
      JSON.stringify({ name: "x", currency: "EUR", retrieved: "", global: {}, regions: {} }),
    );
    const result = await runCliCapture(["estimate", write("d.yaml", SMALL), "--catalog", path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`linkplan: invalid price catalog ${path}`);
    expect(result.stderr).toContain('currency: must be one of "USD", got a string ("EUR")');
  });

  it("reports every validation problem on stderr with exit code 1", async () => {
    const bad = SMALL.replace(
      "service: ecr.api",
      "service: ecr.api, azs: [us-east-1d], gbPerMont: 3",
    );
    const result = await runCliCapture(["estimate", write("bad.yaml", bad)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "linkplan: invalid topology (2 problems)\n" +
        '  accounts[0].vpcs[0].endpoints[0]: unknown key "gbPerMont" (did you mean "gbPerMonth"?)\n' +
        '  accounts[0].vpcs[0].endpoints[0].azs[0]: "us-east-1d" is not an AZ of VPC "main"\n',
    );
  });

  it("exit code 2 for usage errors", async () => {
    expect((await runCliCapture(["estimate"])).code).toBe(2);
    expect((await runCliCapture(["estimate", "x.yaml", "--format", "pdf"])).code).toBe(2);
    expect((await runCliCapture(["estimate", "x.yaml", "--hours-per-month", "abc"])).code).toBe(2);
    expect((await runCliCapture(["nonsense"])).code).toBe(2);
  });

  it("refuses hours it cannot keep exactly instead of printing 1e-07", async () => {
    const tiny = await runCliCapture(["estimate", "x.yaml", "--hours-per-month", "0.0000001"]);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toBe(
      "linkplan: invalid options for estimate\n  --hours-per-month: 0.0000001 has more than 6 decimals; linkplan keeps quantities to 0.000001\n",
    );
    const fine = await runCliCapture([
      "estimate",
      write("h6.yaml", SMALL),
      "--hours-per-month",
      "0.000001",
    ]);
    expect(fine.code).toBe(0);
    expect(fine.stdout.split("\n")[0]).toContain("(0.000001 hours/month");
  });

  it("a missing file is an input error with a plain message", async () => {
    const result = await runCliCapture(["estimate", join(tmp, "nope.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`linkplan: cannot read ${join(tmp, "nope.yaml")}: no such file\n`);
  });

  it("has --help on every command", async () => {
    for (const args of [
      ["--help"],
      ["estimate", "--help"],
      ["validate", "--help"],
      ["schema", "--help"],
      ["demo", "--help"],
    ]) {
      const result = await runCliCapture(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: linkplan/);
    }
  });

  it("markdown and csv formats", async () => {
    const file = write("m.yaml", SMALL);
    const md = await runCliCapture(["estimate", file, "-f", "markdown"]);
    expect(md.stdout.split("\n")[0]).toBe("### small: $21.90 per month");
    const csv = await runCliCapture(["estimate", file, "-f", "csv"]);
    const rows = csv.stdout.trimEnd().split("\r\n");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe(
      "a/main/interface-endpoint/ecr-api/hours/us-east-1a,a,main,us-east-1,us-east-1a,ecr-api,interface-endpoint,hours,ecr.api: ENI in us-east-1a,730,ENI-hour,0.01,,0.01,7.30,interfaceEndpointHour,https://aws.amazon.com/privatelink/pricing/,",
    );
  });
});

describe("linkplan validate and schema", () => {
  it("validate prints a summary for a valid file", async () => {
    const file = write("v.yaml", SMALL);
    const result = await runCliCapture(["validate", file]);
    expect(result).toEqual({
      code: 0,
      stdout: `valid — 1 account, 1 VPC, 1 endpoint, 0 endpoint services, 0 hosted zones\n`,
      stderr: "",
    });
  });

  it("schema prints the JSON Schema, identical to the committed linkplan.schema.json", async () => {
    const result = await runCliCapture(["schema"]);
    const schema = JSON.parse(result.stdout);
    expect(schema.properties.accounts.type).toBe("array");
    expect(schema.additionalProperties).toBe(false);
    expect(result.stdout).toBe(
      readFileSync(new URL("../linkplan.schema.json", import.meta.url), "utf8"),
    );
  });
});

describe("the linkplan process", () => {
  // demo writes out/ below its directory: a scratch one, not the checkout
  const demo = scratchDir("demo");

  it("reads standard input and exits 1 with a message, never a stack trace", async () => {
    const child = execFile(process.execPath, [TSX_CLI, "src/cli/main.ts", "estimate", "-"], {
      cwd: process.cwd(),
    });
    child.stdin?.end(
      "name: x\naccounts: [{ id: a, vpcs: [{ id: v, region: mars-1, azs: [x] }] }]\n",
    );
    const [code, stderr] = await new Promise<[number | null, string]>((resolve) => {
      let err = "";
      child.stderr?.on("data", (d) => {
        err += d;
      });
      child.on("close", (c) => resolve([c, err]));
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      "accounts[0].vpcs[0].region: must be an AWS region code such as us-east-1",
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("npm run demo prints the estimate and diagram, and writes SVG and Mermaid files", async () => {
    const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
    const { stdout } = await run(process.execPath, [TSX_CLI, main, "demo"], {
      cwd: demo.dir,
      env: { ...process.env },
    });
    expect(readFileSync(demo.path("out/consumer-provider.svg"), "utf8")).toMatch(/^<svg xmlns=/);
    expect(stdout).toContain("Total monthly  43.3758");
    expect(stdout).toContain("│ Consumer VPC · VPC · 10.10.0.0/16 · 2 AZs · $21.06/mo │");
    expect(stdout).toContain("wrote out/consumer-provider.svg and out/consumer-provider.mmd");
    // in-process, into a scratch directory: the files are the diagrams of the example
    const result = await runCliCapture(["demo", "--out", "pictures"], demo.dir);
    expect(result.code).toBe(0);
    expect(readFileSync(demo.path("pictures/consumer-provider.svg"), "utf8")).toMatch(
      /^<svg xmlns=/,
    );
    expect(readFileSync(demo.path("pictures/consumer-provider.mmd"), "utf8")).toContain(
      "flowchart TB",
    );
  });
});

describe("linkplan diagram", () => {
  const example = "examples/consumer-provider.yaml";

  it("prints ASCII by default, the same picture as the library draws", async () => {
    const result = await runCliCapture(["diagram", example]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync("test/golden/diagram/consumer-provider.txt", "utf8"));
  });

  it("honours --format, --charset, --detail and writes -o files", async () => {
    const mermaid = await runCliCapture(["diagram", example, "--format", "mermaid"]);
    expect(mermaid.stdout).toBe(readFileSync("test/golden/diagram/consumer-provider.mmd", "utf8"));
    const ascii = await runCliCapture(["diagram", example, "--charset", "ascii"]);
    expect(ascii.stdout).toMatch(/^[\x20-\x7e\n]+$/);
    const azs = await runCliCapture(["diagram", example, "--detail", "azs"]);
    expect(azs.stdout).toContain("eu-west-2a");
    const out = join(tmp, "diagram.svg");
    const svg = await runCliCapture([
      "diagram",
      example,
      "-f",
      "svg",
      "--theme",
      "dark",
      "-o",
      out,
    ]);
    expect(svg).toEqual({ code: 0, stdout: "", stderr: `wrote ${out}\n` });
    expect(readFileSync(out, "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("--costs annotates with the estimate, priced from --catalog when given", async () => {
    const result = await runCliCapture(["diagram", example, "--costs"]);
    expect(result.stdout).toContain("Consumer VPC · VPC · 10.10.0.0/16 · 2 AZs · $21.06/mo");
    const catalog = bundledCatalog();
    const { interfaceEndpointHour: _dropped, ...rest } = catalog.regions["eu-west-2"] ?? {};
    const path = write(
      "no-eni-hour.json",
      JSON.stringify({ ...catalog, regions: { "eu-west-2": rest } }),
    );
    const missing = await runCliCapture(["diagram", example, "--costs", "--catalog", path]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no price for interfaceEndpointHour in region eu-west-2");
  });

  it("usage errors exit 2, invalid topologies exit 1", async () => {
    expect((await runCliCapture(["diagram", example, "--format", "pdf"])).code).toBe(2);
    expect((await runCliCapture(["diagram", example, "--detail", "everything"])).code).toBe(2);
    const bad = await runCliCapture([
      "diagram",
      write("bad-diagram.yaml", "name: x\naccounts: []\n"),
    ]);
    expect(bad).toEqual({
      code: 1,
      stdout: "",
      stderr: "linkplan: invalid topology (1 problem)\n  accounts: must have at least 1 item\n",
    });
  });
});
