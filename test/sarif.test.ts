import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type AnySchema, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { pathKeys, pathLocator } from "../src/document/locatePath.js";
import { findingsSarif } from "../src/report/findingsSarif.js";
import { useApp, YAML } from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, errata01), vendored as a test fixture; the
 * environment variable SARIF_SCHEMA names another copy. Which JSON Schema dialect it is
 * written in ($schema: draft-04, draft-07 or 2020-12) picks the validator.
 */
const SCHEMA_FILE =
  process.env.SARIF_SCHEMA ??
  fileURLToPath(new URL("./fixtures/sarif-schema-2.1.0.json", import.meta.url));

function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as AnySchema & {
    $schema?: string;
  };
  const dialect = String(schema.$schema ?? "");
  const options = { strict: false, allErrors: true };
  const ajv = dialect.includes("draft-04")
    ? new ajvDraft04.default(options)
    : dialect.includes("2020-12")
      ? new Ajv2020(options)
      : new Ajv(options);
  ajvFormats.default(ajv as unknown as Ajv);
  return ajv.compile(schema);
}

function expectValidSarif(validate: ValidateFunction, log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

const BROKEN = exampleYaml("broken");
const app = useApp();

describe("SARIF output against the SARIF 2.1.0 JSON schema", () => {
  const validate = sarifValidator();

  it("linkplan check examples/broken.yaml --format sarif", async () => {
    const result = await runCliCapture([
      "check",
      "examples/broken.yaml",
      "--format",
      "sarif",
      "--fail-on",
      "none",
    ]);
    expect(result.code).toBe(0);
    expectValidSarif(validate as ValidateFunction, JSON.parse(result.stdout));
  });

  it("POST /v1/check?format=sarif", async () => {
    const response = await app().inject({
      method: "POST",
      url: "/v1/check?format=sarif",
      headers: YAML,
      payload: BROKEN,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/sarif+json; charset=utf-8");
    expectValidSarif(validate as ValidateFunction, response.json());
  });

  it("check of a Terraform directory: results point at the .tf file and line, the address named", async () => {
    const result = await runCliCapture([
      "check",
      "examples/terraform/endpoints-module",
      "--format",
      "sarif",
      "--fail-on",
      "none",
    ]);
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expectValidSarif(validate as ValidateFunction, log);
    const [first] = log.runs[0].results;
    expect(first.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: {
            uri: "examples/terraform/endpoints-module/modules/endpoints/main.tf",
          },
          region: { startLine: 7 },
        },
        logicalLocations: [
          {
            fullyQualifiedName: "accounts[0].vpcs[0].endpoints[0]",
            name: "default/workload/interface-ecr-api",
          },
          {
            fullyQualifiedName: 'module.endpoints.aws_vpc_endpoint.interface["ecr.api"]',
            kind: "resource",
          },
        ],
      },
    ]);
  });

  it("a log without findings, and one without a source text", () => {
    expectValidSarif(validate as ValidateFunction, findingsSarif([], [], "t.yaml", "0.1.0"));
    const log = findingsSarif(
      [
        {
          rule: "r",
          severity: "info",
          message: "m",
          fix: "f",
          path: "accounts[0]",
          resource: "a",
          docs: "https://docs.aws.amazon.com/",
          savingMonthly: "1.50",
        },
      ],
      [{ id: "r", severity: "info", summary: "s", docs: "https://docs.aws.amazon.com/" }],
      "t.yaml",
      "0.1.0",
    );
    expectValidSarif(validate as ValidateFunction, log);
  });
});

interface SarifResult {
  ruleId: string;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn: number };
    };
    logicalLocations: { fullyQualifiedName: string }[];
  }[];
}

/** The results of a SARIF log. */
function resultsOf(log: unknown): SarifResult[] {
  return (log as { runs: { results: SarifResult[] }[] }).runs[0]?.results ?? [];
}

describe("SARIF regions: where each finding's path is written", () => {
  it("every result of examples/broken.yaml points at its line and column, from the CLI and the API alike", async () => {
    const cli = await runCliCapture([
      "check",
      "examples/broken.yaml",
      "-f",
      "sarif",
      "--fail-on",
      "none",
    ]);
    const api = await app().inject({
      method: "POST",
      url: "/v1/check?format=sarif&source=examples/broken.yaml",
      headers: YAML,
      payload: BROKEN,
    });
    expect(api.json()).toEqual(JSON.parse(cli.stdout));
    const lines = BROKEN.split("\n");
    const results = resultsOf(JSON.parse(cli.stdout));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const location = result.locations[0];
      const region = location?.physicalLocation.region;
      const path = location?.logicalLocations[0]?.fullyQualifiedName ?? "";
      expect(region, path).toBeDefined();
      if (!region) continue;
      // the region starts at the key or list item the path ends with (or its deepest
      // written part: orders-beta has no allowedPrincipals)
      const rest = lines[region.startLine - 1]?.slice(region.startColumn - 1) ?? "";
      const keys = pathKeys(path) ?? [];
      const last = keys.at(-1);
      if (typeof last === "string" && rest.startsWith(last)) continue;
      // a scalar list item (a workload's uses[0]): its value
      const value = keys.reduce<unknown>(
        (at, key) => (at as Record<string | number, unknown> | undefined)?.[key],
        parseYaml(BROKEN),
      );
      if (typeof value === "string" && rest.startsWith(value)) continue;
      expect(rest, path).toMatch(/^(\{ |id: )/);
    }
    const at = (path: string) =>
      results.find((r) => r.locations[0]?.logicalLocations[0]?.fullyQualifiedName === path)
        ?.locations[0]?.physicalLocation.region;
    expect(at("accounts[0].vpcs[0].endpoints[0].privateDns")).toEqual({
      startLine: 42,
      startColumn: 55,
    });
    expect(at("accounts[1].endpointServices[0].allowedPrincipals")).toEqual({
      startLine: 104,
      startColumn: 9,
    });
    // not written: the endpoint service's own line
    expect(at("accounts[1].endpointServices[1].allowedPrincipals")).toEqual({
      startLine: 105,
      startColumn: 9,
    });
  });

  it("JSON bodies are located too", async () => {
    const json = `{
  "name": "j",
  "accounts": [
    {
      "id": "a",
      "vpcs": [{ "id": "v", "region": "us-east-1", "azs": ["us-east-1a", "us-east-1b"],
        "loadBalancers": [{ "id": "nlb", "type": "network" }] }],
      "endpointServices": [
        { "id": "svc", "vpc": "v", "loadBalancer": "nlb",
          "acceptanceRequired": false, "allowedPrincipals": ["*"] }
      ]
    }
  ]
}
`;
    const response = await app().inject({
      method: "POST",
      url: "/v1/check?format=sarif&rule=endpoint-service-open",
      headers: { "content-type": "application/json" },
      payload: json,
    });
    const [result] = resultsOf(response.json());
    expect(result?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 10,
      startColumn: 40,
    });
  });
});

describe("pathLocator", () => {
  const yaml = `# a comment
name: x
accounts:
  - id: a
    vpcs:
      - id: v
        "odd key": 1
        azs: [a1, b1]
`;
  const locate = pathLocator(yaml);

  it("places keys of mappings and items of lists", () => {
    expect(locate("name")).toEqual({ line: 2, column: 1 });
    expect(locate("accounts[0]")).toEqual({ line: 4, column: 5 });
    expect(locate("accounts[0].vpcs[0].id")).toEqual({ line: 6, column: 9 });
    expect(locate('accounts[0].vpcs[0]["odd key"]')).toEqual({ line: 7, column: 9 });
    expect(locate("accounts[0].vpcs[0].azs[1]")).toEqual({ line: 8, column: 19 });
  });

  it("a path beyond the text: its deepest written part; none written, or no text: null", () => {
    expect(locate("accounts[0].vpcs[0].endpoints[3].privateDns")).toEqual({
      line: 6,
      column: 9,
    });
    expect(locate("accounts[0].vpcs[4]")).toEqual({ line: 5, column: 5 });
    expect(locate("hostedZones[0]")).toBeNull();
    expect(locate("")).toBeNull();
    expect(locate("accounts[0")).toBeNull();
    expect(pathLocator("a: [")("a")).toBeNull();
  });

  it("aliases are placed where they are written, not followed", () => {
    const withAlias = pathLocator("base: &b\n  x: 1\nother: *b\n");
    expect(withAlias("other.x")).toEqual({ line: 3, column: 1 });
  });

  it("pathKeys reads what formatPath writes", () => {
    expect(pathKeys('a[0].b["c d"][12].e')).toEqual(["a", 0, "b", "c d", 12, "e"]);
    expect(pathKeys("a..b")).toBeNull();
  });
});
