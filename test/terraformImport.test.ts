import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseTopology } from "../src/topology/parseTopology.js";
import { JSON_BODY, problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const MODULE = "examples/terraform/endpoints-module";
const USAGE = `${MODULE}/linkplan-usage.yml`;
const PLAN = "test/fixtures/terraform/plan/endpoints-plan.json";
const AZ_WARNING =
  "warning: main.tf:21: data.aws_availability_zones.available: AZ names assumed from the bundled list for us-east-1: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f\n";

/** The example's .tf files by path relative to it, as the API takes them. */
function moduleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of ["main.tf", "modules/endpoints/main.tf", "modules/endpoints/variables.tf"])
    files[path] = readFileSync(join(MODULE, path), "utf8");
  return files;
}

describe("linkplan import and Terraform inputs on the command line", () => {
  const PLAN_DIR = scratchDir("tf-plan");
  const BAD_DIR = scratchDir("tf-bad");
  const BEFORE_DIR = scratchDir("tf-before");
  it("imports a directory with a local module into a valid topology; warnings on stderr", async () => {
    const run = await runCliCapture(["import", MODULE, "--usage", USAGE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(AZ_WARNING);
    const topology = parse(run.stdout);
    expect(topology.name).toBe("endpoints-module");
    const valid = parseTopology(topology);
    const vpc = valid.accounts[0]?.vpcs[0];
    expect(vpc?.azs).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    expect(vpc?.endpoints.map((e) => e.id)).toEqual([
      "interface-ecr-api",
      "interface-ecr-dkr",
      "interface-kms",
      "interface-logs",
      "interface-secretsmanager",
      "interface-sts",
      "gateway-dynamodb",
      "gateway-s3",
    ]);
    // each element points back at its Terraform address and line
    expect(vpc?.endpoints[3]?.source).toEqual({
      terraform: 'module.endpoints.aws_vpc_endpoint.interface["logs"]',
      file: "modules/endpoints/main.tf",
      line: 7,
    });
  });

  it("estimates a .tf directory with its usage file: 6 × 3 AZs × 730 h × 0.01 + 1,300 GB × 0.01", async () => {
    // 6 interface endpoints in 3 AZs: 131.40; data 800 + 300 + 4 × 50 (defaults) GB: 13.00
    const run = await runCliCapture(["estimate", MODULE, "--usage", USAGE, "-f", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals).toEqual({ hourly: "0.18", monthly: "144.40" });
    const bare = await runCliCapture(["estimate", MODULE, "-f", "json"]);
    // without usage: the hours only, and a warning listing what depends on usage
    expect(JSON.parse(bare.stdout).totals.monthly).toBe("131.40");
    expect(bare.stderr).toMatch(/depends on usage/);
  });

  it("without usage: usage lines at zero with their rate, the report lists them; findings and diagrams point at the .tf line", async () => {
    const json = JSON.parse((await runCliCapture(["estimate", MODULE, "-f", "json"])).stdout);
    const logs = json.lines.find((l: { id: string }) => l.id.includes("interface-logs/data"));
    expect(logs).toMatchObject({
      quantity: "0",
      rate: "0.01",
      monthly: "0.00",
      description: "logs: data processed — depends on usage: $0.01 per GB",
    });
    expect(json.dependsOnUsage).toHaveLength(6);
    expect(json.dependsOnUsage[3]).toEqual({
      account: "default",
      resource: "interface-logs",
      terraform: 'module.endpoints.aws_vpc_endpoint.interface["logs"]',
    });
    const table = await runCliCapture(["estimate", MODULE]);
    expect(table.stdout).toContain(
      '\nDepends on usage — 6 resources have no usage (counted at 0; give --usage): interface-ecr-api (module.endpoints.aws_vpc_endpoint.interface["ecr.api"]), ',
    );
    const check = await runCliCapture(["check", MODULE, "--fail-on", "none"]);
    expect(check.stdout).toContain(
      '  endpoint-policy-full-access  accounts[0].vpcs[0].endpoints[3]\n    terraform: module.endpoints.aws_vpc_endpoint.interface["logs"] (modules/endpoints/main.tf:7)\n',
    );
    const svg = (await runCliCapture(["diagram", MODULE, "-f", "svg"])).stdout;
    expect(svg).toContain("<title>aws_vpc.workload (main.tf:25)</title>");
    expect(svg).toContain(
      "<title>module.endpoints.aws_vpc_endpoint.interface[&quot;logs&quot;] (modules/endpoints/main.tf:7)</title>",
    );
  });

  it("compare of two Terraform directories is the pull-request comment of the change (1 AZ → 3)", async () => {
    const before = join(BEFORE_DIR.dir, "infra-before");
    cpSync(MODULE, before, { recursive: true });
    const main = join(before, "main.tf");
    writeFileSync(main, readFileSync(main, "utf8").replace("default = 3", "default = 1"));
    const run = await runCliCapture([
      "compare",
      before,
      MODULE,
      "--usage",
      USAGE,
      "-f",
      "markdown",
    ]);
    expect(run.code).toBe(0);
    // 6 interface endpoints gain 2 ENIs each: 6 × 2 × 730 h × 0.01
    expect(run.stdout).toContain("+87.60 USD per month");
  });

  it("writes a usage template of every usage-priced address", async () => {
    const run = await runCliCapture(["import", MODULE, "--usage-template"]);
    expect(run.code).toBe(0);
    const template = parse(run.stdout);
    expect(template.version).toBe(1);
    expect(Object.keys(template.resources)).toHaveLength(6);
    expect(template.resources['module.endpoints.aws_vpc_endpoint.interface["logs"]']).toEqual({
      gbPerMonth: 0,
    });
  });

  it("reads a plan JSON wherever a topology is read, the same as its imported topology", async () => {
    const direct = await runCliCapture(["estimate", PLAN, "-f", "json"]);
    const imported = await runCliCapture(["import", PLAN]);
    const again = await runCliCapture([
      "estimate",
      PLAN_DIR.write("t.yaml", imported.stdout),
      "-f",
      "json",
    ]);
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.stdout).totals).toEqual(JSON.parse(again.stdout).totals);
  });

  it("refuses malformed HCL with file:line:column, a directory without .tf, a plan of another major version", async () => {
    const { dir } = BAD_DIR;
    mkdirSync(join(dir, "bad"), { recursive: true });
    mkdirSync(join(dir, "empty"), { recursive: true });
    writeFileSync(join(dir, "bad", "main.tf"), 'resource "aws_vpc" "a" {\n  cidr_block = \n}\n');
    const bad = await runCliCapture(["import", join(dir, "bad")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "linkplan: cannot parse main.tf\n  main.tf:2:16: Invalid expression: Expected the start of an expression, but found an invalid expression token.\n",
    );
    const empty = await runCliCapture(["estimate", join(dir, "empty")]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(`linkplan: ${join(dir, "empty")} has no .tf files\n`);
    const plan = JSON.parse(readFileSync(PLAN, "utf8"));
    writeFileSync(join(dir, "plan2.json"), JSON.stringify({ ...plan, format_version: "2.0" }));
    const v2 = await runCliCapture(["estimate", join(dir, "plan2.json")]);
    expect(v2.code).toBe(1);
    expect(v2.stderr).toBe(
      'linkplan: unsupported Terraform JSON format_version "2.0": linkplan reads format 1.x (terraform show -json of Terraform 1.0 or later)\n',
    );
  });
});

describe("POST /v1/import", () => {
  const app = useApp();

  it("takes .tf files (JSON or YAML body) and answers the topology with its warnings", async () => {
    const body = { files: moduleFiles(), usage: parse(readFileSync(USAGE, "utf8")) };
    const response = await app().inject({
      method: "POST",
      url: "/v1/import",
      headers: JSON_BODY,
      payload: JSON.stringify(body),
    });
    expect(response.statusCode).toBe(200);
    const { topology, warnings } = response.json();
    expect(parseTopology(topology).accounts[0]?.vpcs[0]?.endpoints).toHaveLength(8);
    expect(warnings[0]).toEqual({
      message:
        "main.tf:21: data.aws_availability_zones.available: AZ names assumed from the bundled list for us-east-1: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f",
      address: "data.aws_availability_zones.available",
      file: "main.tf",
      line: 21,
    });
  });

  it("takes a plan; refuses a body that is neither, naming the problem", async () => {
    const plan = JSON.parse(readFileSync(PLAN, "utf8"));
    const ok = await app().inject({
      method: "POST",
      url: "/v1/import",
      headers: JSON_BODY,
      payload: JSON.stringify({ plan }),
    });
    expect(ok.statusCode).toBe(200);
    const bad = await app().inject({
      method: "POST",
      url: "/v1/import",
      headers: YAML,
      payload: "files: 3\n",
    });
    expect(problemOf(bad, 422)).toMatchObject({
      code: "invalid_request",
      detail: "invalid import request",
      errors: [{ path: "files", message: "Invalid input: expected record, received number" }],
    });
  });

  it("estimate and diagram take { terraform: { files, usage } } as their body", async () => {
    const terraform = { files: moduleFiles(), usage: parse(readFileSync(USAGE, "utf8")) };
    const estimate = await app().inject({
      method: "POST",
      url: "/v1/estimate",
      headers: JSON_BODY,
      payload: JSON.stringify({ terraform }),
    });
    expect(estimate.statusCode).toBe(200);
    expect(estimate.json().totals).toEqual({ hourly: "0.18", monthly: "144.40" });
    const diagram = await app().inject({
      method: "POST",
      url: "/v1/diagram?format=mermaid",
      headers: JSON_BODY,
      payload: JSON.stringify({ terraform }),
    });
    expect(diagram.statusCode).toBe(200);
    expect(diagram.body).toContain("ecr.dkr");
    const bad = await app().inject({
      method: "POST",
      url: "/v1/estimate",
      headers: YAML,
      payload: "terraform:\n  files: 3\n",
    });
    expect(problemOf(bad, 422)).toMatchObject({
      code: "invalid_request",
      errors: [
        { path: "terraform.files", message: "Invalid input: expected record, received number" },
      ],
    });
  });

  it("refuses a configuration past the evaluation budget (200 resources × count 10,000) with limit_exceeded", async () => {
    const blocks = ['resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n'];
    for (let i = 0; i < 200; i++)
      blocks.push(
        `resource "aws_vpc_endpoint" "e${i}" {\n  count = 10000\n  vpc_id = aws_vpc.v.id\n  service_name = "com.amazonaws.us-east-1.sts"\n  vpc_endpoint_type = "Interface"\n}\n`,
      );
    const finished: string[] = [];
    const pending = app()
      .inject({
        method: "POST",
        url: "/v1/import",
        headers: JSON_BODY,
        payload: JSON.stringify({ files: { "main.tf": blocks.join("\n") }, region: "us-east-1" }),
      })
      .then((r) => {
        finished.push("import");
        return r;
      });
    // the import runs in a worker thread: the event loop answers meanwhile
    const health = await app().inject({ method: "GET", url: "/healthz" });
    finished.push("healthz");
    expect(health.statusCode).toBe(200);
    const response = await pending;
    expect(finished).toEqual(["healthz", "import"]);
    expect(problemOf(response, 422)).toMatchObject({
      code: "limit_exceeded",
      detail: "the Terraform configuration takes more than 500000 evaluation steps",
    });
  });
});
