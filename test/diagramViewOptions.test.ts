import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseDocument } from "../src/document/parseDocument.js";
import { JSON_BODY, problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { decodePng } from "./helpers/decodePng.js";
import { exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { identicalVpcs } from "./helpers/scaleTopologies.js";
import { scratchDir } from "./helpers/scratchDir.js";

// --collapse and --focus on the command line and as query parameters (the same options)

// on the event loop: worker start-up is not what is tested here
const app = useApp({ workers: 0 });
const sharedYaml = exampleYaml("shared-services");
const hundredYaml = stringify(identicalVpcs(100));
const scratch = scratchDir("view");

function post(url: string, payload: string) {
  return app().inject({ method: "POST", url, headers: YAML, payload });
}

describe("linkplan diagram --collapse / --focus", () => {
  it("--collapse folds 100 identical VPCs, in every format", async () => {
    const file = scratch.write("hundred.yaml", hundredYaml);
    const ascii = await runCliCapture(["diagram", file, "--collapse", "--costs"]);
    expect(ascii.code).toBe(0);
    expect(ascii.stdout).toContain("100 × VPC like app-001 · VPC · 3 AZs · $");
    expect(ascii.stdout).toMatch(/\$\d+\.\d\d\/mo for all 100/);
    const whole = await runCliCapture(["diagram", file, "--format", "mermaid"]);
    const folded = await runCliCapture(["diagram", file, "--format", "mermaid", "--collapse"]);
    expect(folded.stdout.length * 30).toBeLessThan(whole.stdout.length);
  });

  it("--focus draws one element and its neighbours; an unknown one fails (exit 1)", async () => {
    const focused = await runCliCapture([
      "diagram",
      "examples/shared-services.yaml",
      "--focus",
      "workload-b-vpc",
      "--format",
      "mermaid",
    ]);
    expect(focused.code).toBe(0);
    expect(focused.stdout).toContain("workload-b-vpc");
    expect(focused.stdout).not.toContain("workload-a-vpc");
    const unknown = await runCliCapture([
      "diagram",
      "examples/shared-services.yaml",
      "--focus",
      "workload-x-vpc",
    ]);
    expect(unknown).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'linkplan: nothing to focus on: "workload-x-vpc"\n' +
        '  focus: no VPC, account or endpoint service "workload-x-vpc" in the diagram (did you mean "workload-a-vpc"?)\n',
    });
  });

  it("diagram --compare --focus: an element only one side has can be focused on", async () => {
    const result = await runCliCapture([
      "diagram",
      "--compare",
      "examples/prod.yaml",
      "examples/dev.yaml",
      "--detail",
      "azs",
      "--collapse",
      "--focus",
      "app-vpc",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ENI · interface · sts × 1 AZ");
    expect(result.stdout).toContain("[-] removed  [~] changed");
  });
});

describe("POST /v1/diagram?collapse=&focus=", () => {
  it("answers the CLI's drawing", async () => {
    const res = await post("/v1/diagram?format=ascii&focus=api", sharedYaml);
    expect(res.statusCode).toBe(200);
    const cli = await runCliCapture(["diagram", "examples/shared-services.yaml", "--focus", "api"]);
    expect(res.body).toBe(cli.stdout);
    const folded = await post("/v1/diagram?format=mermaid&collapse=true", hundredYaml);
    expect(folded.statusCode).toBe(200);
    expect(folded.body).toContain("100 × VPC like app-001");
  });

  it("an unknown focus is 422 invalid_request naming it; a bad collapse value 400", async () => {
    const body = problemOf(await post("/v1/diagram?focus=autth", sharedYaml), 422);
    expect(body).toMatchObject({
      code: "invalid_request",
      detail: 'nothing to focus on: "autth"',
      errors: [
        {
          path: "focus",
          message:
            'no VPC, account or endpoint service "autth" in the diagram (did you mean "auth"?)',
        },
      ],
    });
    expect(problemOf(await post("/v1/diagram?collapse=yes", sharedYaml), 400).code).toBe(
      "invalid_option",
    );
    const long = problemOf(await post(`/v1/diagram?focus=${"x".repeat(300)}`, sharedYaml), 400);
    expect(long.code).toBe("invalid_option");
  });

  it("POST /v1/diagram/compare takes them too (PNG included)", async () => {
    const [a, b] = ["dev", "prod"].map((name) => parseDocument(exampleYaml(name)));
    const res = await app().inject({
      method: "POST",
      url: "/v1/diagram/compare?format=mermaid&detail=azs&collapse=1&focus=app-vpc&costs=1",
      headers: JSON_BODY,
      payload: JSON.stringify({ a, b }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("ENI · interface · ecr.api × 3 AZs<br/>$24.09/mo (+$16.06)");
    const png = await app().inject({
      method: "POST",
      url: "/v1/diagram/compare?format=png&scale=1&collapse=1",
      headers: JSON_BODY,
      payload: JSON.stringify({ a, b }),
    });
    expect(png.statusCode).toBe(200);
    expect(decodePng(png.rawPayload).width).toBeGreaterThan(100);
  });
});
