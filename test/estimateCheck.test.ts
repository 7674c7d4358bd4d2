import { describe, expect, it } from "vitest";
import { check } from "../src/check/check.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { EstimateJsonSchema, estimateToJson } from "../src/report/estimateJson.js";
import { estimateJsonChunks } from "../src/report/estimateJsonChunks.js";
import { goldenText, problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { exampleTopology, exampleYaml } from "./helpers/examples.js";
import { expectGolden } from "./helpers/golden.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

const BROKEN = "examples/broken.yaml";
const app = useApp();

/** POST /v1/estimate of examples/broken.yaml with this query string. */
function post(query: string) {
  return app().inject({
    method: "POST",
    url: `/v1/estimate?${query}`,
    headers: YAML,
    payload: exampleYaml("broken"),
  });
}

describe("estimate --check", () => {
  it("prints the findings, grouped as check prints them, under the estimate table; exits 0", async () => {
    const result = await runCliCapture(["estimate", BROKEN, "--check"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expectGolden("estimate/broken.check.txt", result.stdout);
    // exactly the estimate, a blank line, and what check prints
    const findings = await runCliCapture(["check", BROKEN, "--fail-on", "none"]);
    expect(result.stdout).toBe(`${goldenText("estimate/broken.txt")}\n${findings.stdout}`);
  });

  it("markdown: the findings table under the estimate's", async () => {
    const result = await runCliCapture(["estimate", BROKEN, "--check", "-f", "markdown"]);
    expect(result.code).toBe(0);
    expectGolden("estimate/broken.check.md", result.stdout);
    const findings = await runCliCapture(["check", BROKEN, "-f", "markdown", "--fail-on", "none"]);
    expect(result.stdout).toBe(`${goldenText("estimate/broken.md")}\n${findings.stdout}`);
  });

  it("json: a findings array equal to check's, after the rollups; absent without --check", async () => {
    const result = await runCliCapture(["estimate", BROKEN, "--check", "-f", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const checked = JSON.parse(
      (await runCliCapture(["check", BROKEN, "-f", "json", "--fail-on", "none"])).stdout,
    );
    expect(json.findings).toEqual(checked.findings);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(Object.keys(json).at(-1)).toBe("findings");
    expect(EstimateJsonSchema.safeParse(json).error).toBeUndefined();
    const { findings: _, ...rest } = json;
    expect(rest).toEqual(JSON.parse(goldenText("estimate/broken.json")));
    const plain = await runCliCapture(["estimate", BROKEN, "-f", "json"]);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty("findings");
  });

  it("the streamed JSON writes the findings too, as JSON.stringify would", () => {
    const topology = exampleTopology("broken");
    const priced = estimate(topology, bundledCatalog());
    const findings = check(topology);
    const streamed = [...estimateJsonChunks(priced, findings)].join("");
    expect(streamed).toBe(`${JSON.stringify(estimateToJson(priced, findings), null, 2)}\n`);
    expect(JSON.parse(streamed).findings).toEqual(findings);
    // an empty list is still written (check ran, found nothing)
    const none = [...estimateJsonChunks(priced, [])].join("");
    expect(JSON.parse(none).findings).toEqual([]);
    expect(none).toBe(`${JSON.stringify(estimateToJson(priced, []), null, 2)}\n`);
  });

  it("the CLI and POST /v1/estimate?check=true give the same answer in every format that takes it", async () => {
    for (const format of ["table", "markdown", "json"]) {
      const [cli, api] = await Promise.all([
        runCliCapture(["estimate", BROKEN, "--check", "--format", format]),
        post(`check=true&format=${format}`),
      ]);
      expect(cli.code).toBe(0);
      expect(api.statusCode, api.body).toBe(200);
      if (format === "json") expect(api.json()).toEqual(JSON.parse(cli.stdout));
      else expect(api.body).toBe(cli.stdout);
    }
    // ?check=false and no check: the plain estimate
    const [off, plain] = await Promise.all([post("check=false"), post("")]);
    expect(off.body).toBe(plain.body);
    expect(plain.json()).not.toHaveProperty("findings");
  });

  it("csv cannot carry findings: invalid_option (exit 2 / 400) naming the formats that can", async () => {
    const [cli, api] = await Promise.all([
      runCliCapture(["estimate", BROKEN, "--check", "--format", "csv"]),
      post("check=true&format=csv"),
    ]);
    const message = "needs the table, markdown or json format, not csv";
    expect(cli).toEqual({
      code: 2,
      stdout: "",
      stderr: `linkplan: invalid options for estimate\n  --check: ${message}\n`,
    });
    const problem = problemOf(api, 400);
    expect(problem).toMatchObject({
      code: "invalid_option",
      detail: "invalid options for estimate",
      errors: [{ path: "check", message }],
    });
    // without check, csv is fine
    expect((await runCliCapture(["estimate", BROKEN, "--format", "csv"])).code).toBe(0);
  });
});
