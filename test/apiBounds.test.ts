import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_BODY, PROBLEM_TYPE, problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";
import { oneVpc } from "./helpers/topologies.js";

/**
 * Hostile bodies of issue 11 over HTTP and on the command line: answered in milliseconds
 * with a small problem+json (or exit code 1 and a message), never a 500.
 */

const TOO_DEEP =
  "lists and mappings are nested more than 64 levels deep here; linkplan accepts at most 64";

/** A topology (YAML) whose VPC "v" has the given lines (indented under it). */
function vpcYaml(lines: string): string {
  return `name: t
accounts:
  - id: a
    vpcs:
      - id: v
        region: us-east-1
        azs: [us-east-1a]
${lines.replace(/^/gm, "        ")}
`;
}

const app = useApp();

async function post(url: string, headers: Record<string, string>, payload: string) {
  return app().inject({ method: "POST", url, headers, payload });
}

describe("hostile bodies", () => {
  it("130,000 numbers in a cidrs list: 422 with 101 entries (it was a 500)", async () => {
    const cidrs = Array.from({ length: 130_000 }, (_, i) => i % 10);
    const topology = oneVpc({ securityGroups: [{ id: "g", ingress: [{ cidrs }] }] });
    const res = await post("/v1/validate", JSON_BODY, JSON.stringify(topology));
    const body = problemOf(res, 422);
    expect(body.code).toBe("invalid_topology");
    expect(body.detail).toBe("invalid topology (at least 19,983 problems)");
    expect(body.errors).toHaveLength(101);
    expect(res.body.length).toBeLessThan(20_000);
  });

  it("one anchored list reused 99 times: 12 KB of problems (it was 2.4 MB)", async () => {
    const list = Array(200).fill("1").join(", ");
    const rules = `  - cidrs: &c [${list}]\n${"  - cidrs: *c\n".repeat(99)}`;
    const res = await post(
      "/v1/validate",
      YAML,
      vpcYaml(`securityGroups:\n- id: g\n  ingress:\n${rules}`),
    );
    const body = problemOf(res, 422);
    expect(body.errors).toHaveLength(101);
    expect(body.errors?.[100]?.message).toMatch(/^… and 19,687 more problems not listed/);
    expect(res.body.length).toBeLessThan(20_000);
  });

  it("aliases that expand past the allowance: 413 document_too_large", async () => {
    const list = Array(2200).fill("1").join(", ");
    const res = await post(
      "/v1/validate",
      YAML,
      `shared: &l [${list}]\ncopies:\n${"  - *l\n".repeat(99)}`,
    );
    expect(problemOf(res, 413)).toEqual({
      type: `${PROBLEM_TYPE}document-too-large`,
      title: "Document too large",
      status: 413,
      detail: "body is too large once its aliases are expanded",
      code: "document_too_large",
      errors: [
        {
          path: "body:48:5",
          message:
            "aliases add 101,200 values to the 2,251 written (counted up to here); linkplan accepts at most 100,000 more values than written",
        },
      ],
    });
  });

  it("a megabyte of [ as YAML: 422 nesting_too_deep at the 65th", async () => {
    const res = await post("/v1/validate", YAML, "[".repeat(1_000_000));
    expect(problemOf(res, 422)).toEqual({
      type: `${PROBLEM_TYPE}nesting-too-deep`,
      title: "Nesting too deep",
      status: 422,
      detail: "body is nested too deeply",
      code: "nesting_too_deep",
      errors: [{ path: "body:1:65", message: TOO_DEEP }],
    });
  });

  it("a 100,000-deep policy on /v1/whatif: 422 naming the path (it was a 500)", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const topology = `{"name":"t","accounts":[{"id":"a","vpcs":[{"id":"v","region":"us-east-1","azs":["us-east-1a"],"endpoints":[{"id":"s3","type":"gateway","service":"s3","policy":{"deep":${deep}}}]}]}]}`;
    const res = await post(
      "/v1/whatif",
      JSON_BODY,
      `{"transform":{"kind":"consolidateAzs","azs":1},"topology":${topology}}`,
    );
    const body = problemOf(res, 422);
    expect(body.code).toBe("nesting_too_deep");
    expect(body.errors).toEqual([
      {
        path: `topology.accounts[0].vpcs[0].endpoints[0].policy.deep${"[0]".repeat(56)}`,
        message: TOO_DEEP,
      },
    ]);
  });

  it("hoursPerMonth with more than 6 decimals: 400 on every route that takes it", async () => {
    const topology = vpcYaml("endpoints: [{ id: s3, type: gateway, service: s3 }]");
    const estimate = await post("/v1/estimate?hoursPerMonth=0.0000001", YAML, topology);
    expect(problemOf(estimate, 400)).toEqual({
      type: `${PROBLEM_TYPE}invalid-option`,
      title: "Invalid option",
      status: 400,
      detail:
        "invalid query parameter: hoursPerMonth: 0.0000001 has more than 6 decimals; linkplan keeps quantities to 0.000001",
      code: "invalid_option",
      errors: [
        {
          path: "hoursPerMonth",
          message: "0.0000001 has more than 6 decimals; linkplan keeps quantities to 0.000001",
        },
      ],
    });
    const compare = await post("/v1/compare?hoursPerMonth=720.0000001", YAML, "a: {}\nb: {}\n");
    expect(problemOf(compare, 400).detail).toBe(
      "invalid query parameter: hoursPerMonth: 720.0000001 has more than 6 decimals; linkplan keeps quantities to 0.000001",
    );
    const breakEven = await app().inject({
      method: "GET",
      url: "/v1/breakeven?region=us-east-1&hoursPerMonth=1e-7",
    });
    expect(problemOf(breakEven, 400).code).toBe("invalid_option");
    expect((await post("/v1/estimate?hoursPerMonth=720.5", YAML, topology)).statusCode).toBe(200);
  });

  it('a "__proto__" key of a policy comes back in the what-if echo', async () => {
    const topology = vpcYaml(
      'endpoints:\n  - { id: s3, type: gateway, service: s3, policy: { Version: "2012-10-17", __proto__: { Statement: x } } }',
    );
    const body = `transform: { kind: consolidateAzs, azs: 1 }\ntopology:\n${topology.replace(/^/gm, "  ")}`;
    const res = await post("/v1/whatif", YAML, body);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('"policy":{"Version":"2012-10-17","__proto__":{"Statement":"x"}}');
  });
});

describe("the CLI", () => {
  const dir = scratchDir("bounds").dir;

  it("exits 1 with the message for nesting_too_deep and document_too_large", async () => {
    const deep = join(dir, "deep.yaml");
    writeFileSync(deep, `name: ${"[".repeat(5000)}`);
    expect(await runCliCapture(["validate", deep])).toEqual({
      code: 1,
      stdout: "",
      stderr: `linkplan: ${deep} is nested too deeply\n  ${deep}:1:70: ${TOO_DEEP}\n`,
    });
    const large = join(dir, "large.yaml");
    const list = Array(2200).fill("1").join(", ");
    writeFileSync(large, `shared: &l [${list}]\ncopies:\n${"  - *l\n".repeat(99)}`);
    const result = await runCliCapture(["validate", large]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `linkplan: ${large} is too large once its aliases are expanded\n  ${large}:48:5: aliases add 101,200 values to the 2,251 written (counted up to here); linkplan accepts at most 100,000 more values than written\n`,
    );
  });
});
