import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildApp } from "../src/api/buildApp.js";
import { API_ERROR_CODES } from "../src/api/problem.js";
import { YAML } from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";

const OPENAPI_FILE = new URL("../openapi.yaml", import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked untyped here
type Doc = Record<string, any>;

const TOPOLOGY_BODY = { $ref: "#/components/schemas/TopologyInput" };
const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };
const ERROR_STATUSES = ["400", "413", "415", "422"];

/** Every route of the API: method, OpenAPI path, whether it takes a topology body. */
const ROUTES: { method: string; path: string; topologyBody: boolean; ok: string }[] = [
  { method: "get", path: "/healthz", topologyBody: false, ok: "200" },
  { method: "post", path: "/v1/estimate", topologyBody: true, ok: "200" },
  { method: "post", path: "/v1/validate", topologyBody: true, ok: "200" },
  { method: "post", path: "/v1/diagram", topologyBody: true, ok: "200" },
  { method: "post", path: "/v1/diagram/compare", topologyBody: false, ok: "200" },
  { method: "post", path: "/v1/compare", topologyBody: false, ok: "200" },
  { method: "post", path: "/v1/whatif", topologyBody: false, ok: "200" },
  { method: "get", path: "/v1/breakeven", topologyBody: false, ok: "200" },
  { method: "get", path: "/v1/catalog/regions", topologyBody: false, ok: "200" },
  { method: "get", path: "/v1/catalog/prices", topologyBody: false, ok: "200" },
  { method: "post", path: "/v1/check", topologyBody: true, ok: "200" },
  { method: "get", path: "/v1/check/rules", topologyBody: false, ok: "200" },
  { method: "post", path: "/v1/import", topologyBody: false, ok: "200" },
  { method: "get", path: "/v1/examples", topologyBody: false, ok: "200" },
  { method: "get", path: "/v1/examples/{name}", topologyBody: false, ok: "200" },
];

/** Every "$ref" string anywhere in a value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("openapi.yaml", () => {
  let app: FastifyInstance;
  let committed: string;
  let doc: Doc;
  beforeAll(async () => {
    app = await buildApp();
    committed = readFileSync(OPENAPI_FILE, "utf8");
    doc = app.swagger() as Doc;
  });
  afterAll(async () => {
    await app.close();
  });

  it("is the document the app generates (not stale)", () => {
    const generated = app.swagger({ yaml: true });
    const want = generated.split("\n");
    const have = committed.split("\n");
    let line = 0;
    while (line < Math.max(want.length, have.length) && want[line] === have[line]) line++;
    expect(
      committed === generated,
      `openapi.yaml is stale (first difference at line ${line + 1}: expected ${JSON.stringify(want[line])}, found ${JSON.stringify(have[line])}). Run \`npm run openapi\` and commit the result.`,
    ).toBe(true);
    // and /openapi.json serves the same document
    expect(parseYaml(committed)).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(parseYaml(committed) as Doc);
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("the validator does reject a broken document (sanity check of the check)", async () => {
    const broken = structuredClone(doc);
    broken.paths["/v1/estimate"].post.responses = { "200": { content: {} } }; // no description
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it("documents every route, and only those", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "linkplan API", version: "0.1.0" });
    const documented = Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort(),
    );
  });

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}: summary, tags, responses`, () => {
      const op = doc.paths[route.path]?.[route.method];
      expect(op, `${route.path} is missing`).toBeDefined();
      expect(typeof op.summary).toBe("string");
      expect(op.tags).toHaveLength(1);
      expect(op.responses[route.ok]).toBeDefined();
      expect(typeof op.responses[route.ok].description).toBe("string");
      for (const [status, response] of Object.entries(op.responses as Doc)) {
        expect(
          Object.keys(response.content ?? {}).length,
          `${status} has no content`,
        ).toBeGreaterThan(0);
      }
      if (route.topologyBody) {
        expect(op.requestBody).toEqual({
          required: true,
          content: {
            "application/json": { schema: TOPOLOGY_BODY },
            "application/yaml": { schema: TOPOLOGY_BODY },
          },
        });
        for (const status of ERROR_STATUSES) {
          expect(op.responses[status]?.content["application/problem+json"].schema, status).toEqual(
            PROBLEM_REF,
          );
          expect(op.responses[status].description, status).toMatch(/\(codes? [a-z_, ]+\)$/);
        }
      } else if (route.method === "get") {
        expect(op.requestBody).toBeUndefined();
      }
    });
  }

  it("request and response schemas of the topology routes", () => {
    const estimate = doc.paths["/v1/estimate"].post;
    expect(estimate.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Estimate",
    });
    expect(estimate.parameters).toEqual([
      expect.objectContaining({
        in: "query",
        name: "hoursPerMonth",
        required: false,
        schema: { type: "number", exclusiveMinimum: 0, maximum: 744 },
      }),
      expect.objectContaining({ in: "query", name: "check", required: false }),
      expect.objectContaining({
        in: "query",
        name: "format",
        required: false,
        schema: { default: "json", type: "string", enum: ["json", "table", "markdown", "csv"] },
      }),
    ]);

    const validate = doc.paths["/v1/validate"].post;
    const verdict = validate.responses["200"].content["application/json"].schema;
    expect(verdict.required).toEqual([
      "valid",
      "accounts",
      "vpcs",
      "endpoints",
      "endpointServices",
      "hostedZones",
    ]);
    expect(verdict.properties.valid).toEqual({ type: "boolean", enum: [true] });

    const diagram = doc.paths["/v1/diagram"].post;
    expect(Object.keys(diagram.responses["200"].content).sort()).toEqual([
      "application/vnd.jgraph.mxfile",
      "image/png",
      "image/svg+xml",
      "text/plain",
      "text/vnd.mermaid",
    ]);
    expect(diagram.responses["200"].content["image/png"].schema).toEqual({
      type: "string",
      format: "binary",
    });
    const params = Object.fromEntries(
      (diagram.parameters as Doc[]).map((p) => [p.name, { in: p.in, schema: p.schema }]),
    );
    expect(Object.keys(params)).toEqual([
      "detail",
      "charset",
      "theme",
      "scale",
      "costs",
      "securityGroups",
      "routeTables",
      "hostedZones",
      "findings",
      "collapse",
      "aspect",
      "focus",
      "format",
    ]);
    expect(params.format).toEqual({
      in: "query",
      schema: {
        default: "svg",
        type: "string",
        enum: ["ascii", "mermaid", "svg", "png", "drawio"],
      },
    });

    const compare = doc.paths["/v1/compare"].post;
    const compareBody = compare.requestBody.content["application/json"].schema;
    expect(compareBody.required).toEqual(["a", "b"]);
    expect(compareBody.properties.a).toMatchObject(TOPOLOGY_BODY);
    expect(compareBody.properties.b).toMatchObject(TOPOLOGY_BODY);
    expect(Object.keys(compare.responses["200"].content)).toEqual([
      "application/json",
      "text/markdown",
      "text/plain",
    ]);
    expect(compare.responses["422"].content["application/problem+json"].schema).toEqual(
      PROBLEM_REF,
    );
    const whatif = doc.paths["/v1/whatif"].post;
    const whatifBody = whatif.requestBody.content["application/json"].schema;
    expect(whatifBody.required).toEqual(["topology", "transform"]);
    expect(whatifBody.properties.transform).toEqual({ $ref: "#/components/schemas/WhatIfInput" });
    expect(
      doc.components.schemas.WhatIfInput.oneOf.map(
        (o: { properties: { kind: { const: string } } }) => o.properties.kind.const,
      ),
    ).toEqual(["consolidateAzs", "natToEndpoints", "centralizeEndpoints"]);
    const breakeven = doc.paths["/v1/breakeven"].get;
    expect(breakeven.parameters.map((p: { name: string }) => p.name)).toEqual([
      "region",
      "azs",
      "services",
      "spokes",
      "hoursPerMonth",
      "format",
    ]);
  });

  it("request and response schemas of the catalog and example routes", () => {
    const prices = doc.paths["/v1/catalog/prices"].get;
    expect(prices.parameters).toEqual([
      expect.objectContaining({ in: "query", name: "region", required: true }),
      expect.objectContaining({ in: "query", name: "format", required: false }),
    ]);
    for (const status of ["400", "404"]) {
      expect(prices.responses[status].content["application/problem+json"].schema).toEqual(
        PROBLEM_REF,
      );
    }
    const regions =
      doc.paths["/v1/catalog/regions"].get.responses["200"].content["application/json"].schema;
    expect(regions.required).toEqual(["catalog", "regions"]);

    const example = doc.paths["/v1/examples/{name}"].get;
    expect(example.parameters).toEqual([
      { schema: { type: "string" }, in: "path", name: "name", required: true },
    ]);
    expect(example.responses["200"].content).toEqual({
      "application/yaml": { schema: { type: "string" } },
    });
    expect(example.responses["404"].content["application/problem+json"].schema).toEqual(
      PROBLEM_REF,
    );
  });

  it("components.schemas has Topology, Estimate and Problem; every $ref resolves", () => {
    const schemas = doc.components.schemas as Doc;
    for (const name of ["Topology", "Estimate", "Problem"]) {
      expect(schemas[name], name).toBeDefined();
      expect(schemas[name].type, name).toBe("object");
    }
    expect(schemas.Problem.required).toEqual(["type", "title", "status", "detail", "code"]);
    expect(schemas.Problem.properties.code.enum).toEqual([...API_ERROR_CODES]);
    expect(schemas.Problem.properties.errors.items.required).toEqual(["path", "message"]);
    expect(schemas.Topology.required).toEqual(expect.arrayContaining(["name", "accounts"]));
    expect(schemas.Estimate.required).toEqual(
      expect.arrayContaining(["name", "currency", "hoursPerMonth", "totals", "lines", "rollups"]),
    );
    // the Topology schema carries a real example: consumer-provider.yaml
    expect(schemas.Topology.examples).toEqual([parseYaml(exampleYaml("consumer-provider"))]);

    const refs = [...new Set(refsIn(doc))];
    expect(refs.sort()).toEqual([
      "#/components/schemas/BreakEven",
      "#/components/schemas/Comparison",
      "#/components/schemas/ComparisonInput",
      "#/components/schemas/Estimate",
      "#/components/schemas/Problem",
      "#/components/schemas/Topology",
      "#/components/schemas/TopologyInput",
      "#/components/schemas/WhatIf",
      "#/components/schemas/WhatIfInput",
      "#/components/schemas/WhatIfResult",
    ]);
    for (const ref of refs) {
      const match = /^#\/components\/schemas\/([A-Za-z]+)$/.exec(ref);
      expect(match, ref).not.toBeNull();
      expect(schemas[match?.[1] ?? ""], ref).toBeDefined();
    }
  });

  describe("the documented schemas describe what the API really answers", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = (pointer: string, value: unknown) => {
      const validate = ajv.getSchema(`openapi${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      const ok = validate(value);
      expect(ok, `${pointer}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
    };
    const content = (path: string, method: string, status: string, type = "application/json") =>
      `#/paths/${path.replace(/\//g, "~1")}/${method}/responses/${status}/content/${type.replace(/\//g, "~1")}/schema`;

    beforeAll(() => {
      ajv.addSchema({ ...doc, $id: "openapi" });
    });

    it("every example validates against TopologyInput and Topology", async () => {
      const list = await app.inject({ method: "GET", url: "/v1/examples" });
      check(content("/v1/examples", "get", "200"), list.json());
      for (const { name } of list.json() as { name: string }[]) {
        const topology = parseYaml(exampleYaml(name));
        check("#/components/schemas/TopologyInput", topology);
      }
    });

    it("estimate, validate, health and catalog answers match their schemas", async () => {
      const body = exampleYaml("endpoints-module");
      const estimate = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: body,
      });
      check("#/components/schemas/Estimate", estimate.json());
      const validate = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: body,
      });
      check(content("/v1/validate", "post", "200"), validate.json());
      const health = await app.inject({ method: "GET", url: "/healthz" });
      check(content("/healthz", "get", "200"), health.json());
      const regions = await app.inject({ method: "GET", url: "/v1/catalog/regions" });
      check(content("/v1/catalog/regions", "get", "200"), regions.json());
      for (const region of regions.json().regions as string[]) {
        const prices = await app.inject({
          method: "GET",
          url: `/v1/catalog/prices?region=${region}`,
        });
        check(content("/v1/catalog/prices", "get", "200"), prices.json());
      }
    });

    it("problem answers match the Problem schema", async () => {
      const answers = await Promise.all([
        app.inject({ method: "GET", url: "/v1/estimate" }),
        app.inject({ method: "GET", url: "/nope" }),
        app.inject({ method: "PUT", url: "/v1/compare", payload: {} }),
        app.inject({ method: "POST", url: "/v1/validate", payload: { accounts: 1 } }),
        app.inject({ method: "POST", url: "/v1/validate", headers: YAML, payload: "a: [" }),
        app.inject({
          method: "POST",
          url: "/v1/estimate",
          headers: { "content-type": "text/csv" },
          payload: "a",
        }),
        app.inject({ method: "GET", url: "/v1/catalog/prices" }),
      ]);
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses).toEqual([405, 404, 405, 422, 400, 415, 400]);
      for (const answer of answers) check("#/components/schemas/Problem", answer.json());
    });
  });
});
