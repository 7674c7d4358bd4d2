import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildApp } from "../src/api/buildApp.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson } from "../src/report/estimateJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { goldenText, JSON_BODY, PROBLEM_TYPE, problemOf, YAML } from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";

const EXAMPLES = [
  "consumer-provider",
  "dev",
  "endpoints-module",
  "prod",
  "provider-service",
  "s3-gateway-policy",
  "saas-monitoring",
  "shared-services",
  "spokes",
];

const REGIONS = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "us-east-1",
  "us-east-2",
  "us-west-2",
];

const CATALOG_INFO = { name: "bundled", retrieved: "2026-11-20", currency: "USD" };

const endpointsYaml = exampleYaml("endpoints-module");
const endpointsJson = parseYaml(endpointsYaml) as Record<string, unknown>;
const consumerYaml = exampleYaml("consumer-provider");

/** A small valid topology: one interface endpoint in one AZ of us-east-1. */
const oneEndpoint = {
  name: "one",
  accounts: [
    {
      id: "a",
      vpcs: [
        {
          id: "v",
          region: "us-east-1",
          azs: ["us-east-1a"],
          endpoints: [{ id: "e", type: "interface", service: "s3" }],
        },
      ],
    },
  ],
};

describe("API routes (default options)", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe("POST /v1/estimate", () => {
    it("prices examples/endpoints-module.yaml sent as YAML", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const body = res.json();
      expect(body.name).toBe("endpoints-module");
      expect(body.currency).toBe("USD");
      expect(body.hoursPerMonth).toBe(730);
      expect(body.catalog).toEqual({ name: "bundled", retrieved: "2026-11-20" });
      expect(body.totals).toEqual({ hourly: "0.39", monthly: "284.70" });
      // 13 interface endpoints × 3 AZs, plus the two free gateway endpoints
      expect(body.lines).toHaveLength(41);
      expect(body.lines[0]).toMatchObject({
        id: "platform/main-vpc/interface-endpoint/ecr-api/hours/us-east-1a",
        kind: "interface-endpoint",
        component: "hours",
        quantity: "730",
        unit: "ENI-hour",
        rate: "0.01",
        hourly: "0.01",
        monthly: "7.30",
      });
      expect(body.rollups.byAz).toEqual([
        { key: "us-east-1a", hourly: "0.13", monthly: "94.90", lines: 13 },
        { key: "us-east-1b", hourly: "0.13", monthly: "94.90", lines: 13 },
        { key: "us-east-1c", hourly: "0.13", monthly: "94.90", lines: 13 },
      ]);
      expect(body.rollups.byKind).toEqual([
        { key: "interface-endpoint", hourly: "0.39", monthly: "284.70", lines: 39 },
        { key: "gateway-endpoint", hourly: "0.00", monthly: "0.00", lines: 2 },
      ]);
      // the API answers exactly what the library computes
      const library = estimateToJson(
        estimate(parseTopology(parseDocument(endpointsYaml)), bundledCatalog()),
      );
      expect(body).toEqual(JSON.parse(JSON.stringify(library)));
    });

    it("answers the same for the same topology sent as JSON", async () => {
      const [asYaml, asJson] = await Promise.all([
        app.inject({ method: "POST", url: "/v1/estimate", headers: YAML, payload: endpointsYaml }),
        app.inject({ method: "POST", url: "/v1/estimate", payload: endpointsJson }),
      ]);
      expect(asJson.statusCode).toBe(200);
      expect(asJson.json().totals).toEqual({ hourly: "0.39", monthly: "284.70" });
      expect(asJson.json()).toEqual(asYaml.json());
    });

    it("accepts the other YAML media types", async () => {
      for (const type of ["application/x-yaml", "text/yaml", "text/x-yaml"]) {
        const res = await app.inject({
          method: "POST",
          url: "/v1/estimate",
          headers: { "content-type": `${type}; charset=utf-8` },
          payload: endpointsYaml,
        });
        expect(res.statusCode, type).toBe(200);
        expect(res.json().totals, type).toEqual({ hourly: "0.39", monthly: "284.70" });
      }
    });

    it("hoursPerMonth=720 prices a 720-hour month", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate?hoursPerMonth=720",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().hoursPerMonth).toBe(720);
      expect(res.json().totals).toEqual({ hourly: "0.39", monthly: "280.80" });
      expect(res.json().lines[0].monthly).toBe("7.20");
    });

    it("rejects an invalid hoursPerMonth with 400 invalid_option", async () => {
      const cases: [string, string][] = [
        [
          "abc",
          "invalid query parameter: hoursPerMonth: Invalid input: expected number, received NaN",
        ],
        ["0", "invalid query parameter: hoursPerMonth: must be greater than 0 and at most 744"],
        ["745", "invalid query parameter: hoursPerMonth: must be greater than 0 and at most 744"],
      ];
      for (const [value, detail] of cases) {
        const res = await app.inject({
          method: "POST",
          url: `/v1/estimate?hoursPerMonth=${value}`,
          headers: YAML,
          payload: endpointsYaml,
        });
        expect(problemOf(res, 400), value).toEqual({
          type: `${PROBLEM_TYPE}invalid-option`,
          title: "Invalid option",
          status: 400,
          detail,
          code: "invalid_option",
          errors: [
            {
              path: detail.split(": ")[1] ?? "",
              message: detail.split(": ").slice(2).join(": "),
            },
          ],
        });
      }
    });

    it("estimates every served example", async () => {
      for (const name of EXAMPLES) {
        const res = await app.inject({
          method: "POST",
          url: "/v1/estimate",
          headers: YAML,
          payload: exampleYaml(name),
        });
        expect(res.statusCode, name).toBe(200);
        expect(res.json().totals.monthly, name).toMatch(/^\d+\.\d{2,}$/);
      }
    });
  });

  describe("POST /v1/diagram", () => {
    it("format=svg answers image/svg+xml", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=svg",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
      expect(res.body.startsWith("<svg")).toBe(true);
      expect(res.body).toBe(goldenText("diagram/consumer-provider.svg"));
    });

    it("svg is the default format; theme=dark&detail=azs&costs=true is the dark golden", async () => {
      const plain = await app.inject({
        method: "POST",
        url: "/v1/diagram",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(plain.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
      expect(plain.body).toBe(goldenText("diagram/consumer-provider.svg"));
      const dark = await app.inject({
        method: "POST",
        url: "/v1/diagram?theme=dark&detail=azs&costs=true",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(dark.statusCode).toBe(200);
      expect(dark.body).toBe(goldenText("diagram/consumer-provider.dark.svg"));
    });

    it("format=mermaid answers text/vnd.mermaid", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=mermaid",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/vnd.mermaid; charset=utf-8");
      expect(res.body).toContain("flowchart TB");
      expect(res.body).toBe(goldenText("diagram/consumer-provider.mmd"));
    });

    it("format=ascii answers text/plain equal to the golden drawing", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(res.body).toBe(goldenText("diagram/consumer-provider.txt"));
      expect(res.body).not.toContain("$");

      const endpoints = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii",
        payload: endpointsJson,
      });
      expect(endpoints.body).toBe(goldenText("diagram/endpoints-module.txt"));
    });

    it("charset=ascii and detail=azs&costs=1 match their golden drawings", async () => {
      const ascii = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&charset=ascii",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(ascii.body).toBe(goldenText("diagram/consumer-provider.ascii.txt"));
      const azs = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&detail=azs&costs=1",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(azs.body).toBe(goldenText("diagram/consumer-provider.azs.txt"));
    });

    it("costs=true adds monthly costs in dollars", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&costs=true",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("Consumer account · account 111122223333 · $21.06/mo");
      expect(res.body).toContain("Provider account · account 444455556666 · $22.32/mo");
      const off = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&costs=false",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(off.body).toBe(goldenText("diagram/consumer-provider.txt"));
    });

    it("rejects an unknown format or flag value with 400 invalid_option", async () => {
      const cases: [string, string][] = [
        [
          "format=png",
          'invalid query parameter: format: Invalid option: expected one of "ascii"|"mermaid"|"svg"',
        ],
        ["costs=yes", 'invalid query parameter: costs: must be "true", "false", "1" or "0"'],
        [
          "detail=everything",
          'invalid query parameter: detail: Invalid option: expected one of "accounts"|"vpcs"|"azs"|"subnets"',
        ],
      ];
      for (const [query, detail] of cases) {
        const res = await app.inject({
          method: "POST",
          url: `/v1/diagram?${query}`,
          headers: YAML,
          payload: consumerYaml,
        });
        expect(problemOf(res, 400), query).toEqual({
          type: `${PROBLEM_TYPE}invalid-option`,
          title: "Invalid option",
          status: 400,
          detail,
          code: "invalid_option",
          errors: [
            {
              path: detail.split(": ")[1] ?? "",
              message: detail.split(": ").slice(2).join(": "),
            },
          ],
        });
      }
    });
  });

  describe("POST /v1/validate", () => {
    it("answers the counts of a valid topology", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: consumerYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        valid: true,
        accounts: 2,
        vpcs: 2,
        endpoints: 1,
        endpointServices: 1,
        hostedZones: 0,
      });
      const endpoints = await app.inject({
        method: "POST",
        url: "/v1/validate",
        payload: endpointsJson,
      });
      expect(endpoints.json()).toEqual({
        valid: true,
        accounts: 1,
        vpcs: 1,
        endpoints: 15,
        endpointServices: 0,
        hostedZones: 0,
      });
    });

    it("answers 422 invalid_topology with every problem at its path", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/validate",
        payload: { accounts: [{ id: "A", vpcs: [{ id: "v" }] }] },
      });
      expect(problemOf(res, 422)).toEqual({
        type: `${PROBLEM_TYPE}invalid-topology`,
        title: "Invalid topology",
        status: 422,
        detail: "invalid topology (4 problems)",
        code: "invalid_topology",
        errors: [
          { path: "name", message: "is required (a string)" },
          {
            path: "accounts[0].id",
            message:
              'must be lowercase letters, digits and dashes (e.g. shared-api), got a string ("A")',
          },
          { path: "accounts[0].vpcs[0].region", message: "is required (a string)" },
          { path: "accounts[0].vpcs[0].azs", message: "is required (an array)" },
        ],
      });
    });

    it("reports cross-reference problems (after the schema) with their paths", async () => {
      const bad = structuredClone(oneEndpoint);
      const endpoint = bad.accounts[0]?.vpcs[0]?.endpoints[0] as Record<string, unknown>;
      endpoint.securityGroups = ["missing"];
      for (const url of ["/v1/validate", "/v1/estimate", "/v1/diagram"]) {
        const res = await app.inject({ method: "POST", url, payload: bad });
        expect(problemOf(res, 422), url).toEqual({
          type: `${PROBLEM_TYPE}invalid-topology`,
          title: "Invalid topology",
          status: 422,
          detail: "invalid topology (1 problem)",
          code: "invalid_topology",
          errors: [
            {
              path: "accounts[0].vpcs[0].endpoints[0].securityGroups[0]",
              message: 'unknown security group "missing" in VPC "v"',
            },
          ],
        });
      }
    });

    it("answers 422 for a body that is not an object (no content type, JSON null)", async () => {
      const expected = {
        type: `${PROBLEM_TYPE}invalid-topology`,
        title: "Invalid topology",
        status: 422,
        detail: "invalid topology (1 problem)",
        code: "invalid_topology",
        errors: [{ path: "", message: "expected an object, got null" }],
      };
      const none = await app.inject({ method: "POST", url: "/v1/validate" });
      expect(problemOf(none, 422)).toEqual(expected);
      const nul = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: JSON_BODY,
        payload: "null",
      });
      expect(problemOf(nul, 422)).toEqual(expected);
    });
  });

  describe("POST /v1/compare", () => {
    it("compares two topologies: same one → all zero", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/compare",
        payload: { a: oneEndpoint, b: oneEndpoint },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.delta).toEqual({ hourly: "0.00", monthly: "0.00", percent: "0.0" });
      expect(body.changes).toEqual([]);
      expect(body.unchanged).toBe(body.after.lines);
    });

    it("still answers 4xx for a body it could never accept", async () => {
      const csv = await app.inject({
        method: "POST",
        url: "/v1/compare",
        headers: { "content-type": "text/csv" },
        payload: "a,b",
      });
      expect(problemOf(csv, 415).code).toBe("unsupported_media_type");
      const yaml = await app.inject({
        method: "POST",
        url: "/v1/compare",
        headers: YAML,
        payload: "a: [",
      });
      expect(problemOf(yaml, 400).code).toBe("malformed_body");
    });
  });

  describe("GET /v1/catalog", () => {
    it("/v1/catalog/regions lists the 10 regions", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/catalog/regions" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ catalog: CATALOG_INFO, regions: REGIONS });
    });

    it("/v1/catalog/prices?region=us-east-1 has every price of the region", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/catalog/prices?region=us-east-1" });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.catalog).toEqual(CATALOG_INFO);
      expect(body.region).toBe("us-east-1");
      expect(body.prices.interfaceEndpointHour).toEqual({
        unit: "ENI-hour",
        source: "https://aws.amazon.com/privatelink/pricing/",
        usagetype: "VpcEndpoint-Hours",
        usd: "0.01",
      });
      expect(body.prices.interfaceEndpointGb.tiers).toEqual([
        { upTo: 1048576, usd: "0.01" },
        { upTo: 5242880, usd: "0.006" },
        { upTo: null, usd: "0.004" },
      ]);
      expect(Object.keys(body.global)).toEqual(["route53HostedZone", "route53Queries"]);
      expect(body.prices).toEqual(
        JSON.parse(JSON.stringify(bundledCatalog().regions["us-east-1"])),
      );
    });

    it("an unknown region is 404 not_found", async () => {
      for (const region of ["xx-nowhere-1", "constructor", "__proto__", "toString"]) {
        const res = await app.inject({
          method: "GET",
          url: `/v1/catalog/prices?region=${region}`,
        });
        expect(problemOf(res, 404), region).toEqual({
          type: `${PROBLEM_TYPE}not-found`,
          title: "Not found",
          status: 404,
          detail: `the catalog "bundled" has no region "${region}"; GET /v1/catalog/regions lists them`,
          code: "not_found",
        });
      }
    });

    it("a missing or repeated region is 400 invalid_option", async () => {
      const missing = await app.inject({ method: "GET", url: "/v1/catalog/prices" });
      expect(problemOf(missing, 400)).toEqual({
        type: `${PROBLEM_TYPE}invalid-option`,
        title: "Invalid option",
        status: 400,
        detail:
          "invalid query parameter: region: Invalid input: expected string, received undefined",
        code: "invalid_option",
        errors: [{ path: "region", message: "Invalid input: expected string, received undefined" }],
      });
      const twice = await app.inject({
        method: "GET",
        url: "/v1/catalog/prices?region=us-east-1&region=eu-west-2",
      });
      expect(problemOf(twice, 400).detail).toBe(
        "invalid query parameter: region: Invalid input: expected string, received array",
      );
      const empty = await app.inject({ method: "GET", url: "/v1/catalog/prices?region=" });
      expect(problemOf(empty, 400).code).toBe("invalid_option");
    });
  });

  describe("GET /v1/examples", () => {
    it("lists the 9 bundled examples with descriptions and links", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/examples" });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { name: string; description: string; href: string }[];
      expect(body.map((e) => e.name)).toEqual(EXAMPLES);
      for (const e of body) {
        expect(e.href).toBe(`/v1/examples/${e.name}`);
        expect(e.description.length, e.name).toBeGreaterThan(20);
      }
      expect(body[0]?.description).toBe(
        "Two accounts in eu-west-2. The consumer's application calls an interface endpoint; PrivateLink carries the traffic to the provider's endpoint service, whose internal Network Load Balancer forwards it to the service. Nothing crosses the internet.",
      );
    });

    it("/v1/examples/dev is the YAML file as written", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/examples/dev" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/yaml; charset=utf-8");
      expect(res.body).toBe(exampleYaml("dev"));
    });

    it("every listed example can be fetched and posted back", async () => {
      for (const name of EXAMPLES) {
        const got = await app.inject({ method: "GET", url: `/v1/examples/${name}` });
        expect(got.body, name).toBe(exampleYaml(name));
        const valid = await app.inject({
          method: "POST",
          url: "/v1/validate",
          headers: { "content-type": got.headers["content-type"] as string },
          payload: got.body,
        });
        expect(valid.statusCode, name).toBe(200);
      }
    });

    it("an unknown example is 404 not_found", async () => {
      for (const name of ["nope", "constructor", "dev.yaml"]) {
        const res = await app.inject({ method: "GET", url: `/v1/examples/${name}` });
        expect(problemOf(res, 404), name).toEqual({
          type: `${PROBLEM_TYPE}not-found`,
          title: "Not found",
          status: 404,
          detail: `no example "${name}"; GET /v1/examples lists them`,
          code: "not_found",
        });
      }
    });
  });

  describe("health, docs and the OpenAPI document", () => {
    it("GET /healthz", async () => {
      const res = await app.inject({ method: "GET", url: "/healthz" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ok", catalog: "bundled" });
      const head = await app.inject({ method: "HEAD", url: "/healthz" });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe("");
    });

    it("GET /docs serves Swagger UI as HTML", async () => {
      let res = await app.inject({ method: "GET", url: "/docs" });
      for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
        const location = String(res.headers.location);
        res = await app.inject({
          method: "GET",
          url: location.startsWith("/") ? location : `/docs/${location.replace(/^\.\//, "")}`,
        });
      }
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("<title>Swagger UI</title>");
      expect(res.body).toContain('id="swagger-ui"');
    });

    it("GET /openapi.json lists every /v1 path", async () => {
      const res = await app.inject({ method: "GET", url: "/openapi.json" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const doc = res.json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths).sort()).toEqual([
        "/healthz",
        "/v1/breakeven",
        "/v1/catalog/prices",
        "/v1/catalog/regions",
        "/v1/compare",
        "/v1/diagram",
        "/v1/diagram/compare",
        "/v1/estimate",
        "/v1/examples",
        "/v1/examples/{name}",
        "/v1/validate",
        "/v1/whatif",
      ]);
      expect(doc).toEqual(app.swagger());
    });
  });

  describe("errors are problem+json", () => {
    it("405 with an Allow header for GET /v1/estimate", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/estimate" });
      expect(res.headers.allow).toBe("POST");
      expect(problemOf(res, 405)).toEqual({
        type: `${PROBLEM_TYPE}method-not-allowed`,
        title: "Method not allowed",
        status: 405,
        detail: "GET is not allowed on /v1/estimate; use POST",
        code: "method_not_allowed",
      });
    });

    it("405 for other methods on known paths, naming the allowed ones", async () => {
      const del = await app.inject({ method: "DELETE", url: "/v1/examples/dev" });
      expect(del.headers.allow).toBe("GET, HEAD");
      expect(problemOf(del, 405).detail).toBe(
        "DELETE is not allowed on /v1/examples/dev; use GET or HEAD",
      );
      const put = await app.inject({ method: "PUT", url: "/v1/catalog/regions", payload: {} });
      expect(put.headers.allow).toBe("GET, HEAD");
      expect(problemOf(put, 405).code).toBe("method_not_allowed");
      const options = await app.inject({ method: "OPTIONS", url: "/v1/diagram" });
      expect(options.headers.allow).toBe("POST");
      expect(problemOf(options, 405).code).toBe("method_not_allowed");
    });

    it("404 for an unknown path", async () => {
      const res = await app.inject({ method: "GET", url: "/v2/estimate?x=1" });
      expect(problemOf(res, 404)).toEqual({
        type: `${PROBLEM_TYPE}not-found`,
        title: "Not found",
        status: 404,
        detail: "no route GET /v2/estimate",
        code: "not_found",
      });
    });

    it("404 (not 405) for a known path with a trailing slash", async () => {
      // the router does not match a trailing slash; "POST is not allowed, use POST" was wrong
      const post = await app.inject({ method: "POST", url: "/v1/estimate/", payload: {} });
      expect(post.headers.allow).toBeUndefined();
      expect(problemOf(post, 404)).toEqual({
        type: `${PROBLEM_TYPE}not-found`,
        title: "Not found",
        status: 404,
        detail: "no route POST /v1/estimate/",
        code: "not_found",
      });
      const get = await app.inject({ method: "GET", url: "/healthz/" });
      expect(problemOf(get, 404).detail).toBe("no route GET /healthz/");
    });

    it("400 for a path that is not valid percent-encoding; 414 for an over-long parameter", async () => {
      const bad = await app.inject({ method: "GET", url: "/v1/examples/%ZZ" });
      expect(problemOf(bad, 400)).toEqual({
        type: `${PROBLEM_TYPE}malformed-request`,
        title: "Malformed request",
        status: 400,
        detail: "the URL path is not valid percent-encoding",
        code: "malformed_request",
      });
      const long = await app.inject({ method: "GET", url: `/v1/examples/${"a".repeat(200)}` });
      expect(problemOf(long, 414)).toEqual({
        type: `${PROBLEM_TYPE}uri-too-long`,
        title: "URI too long",
        status: 414,
        detail: "a path parameter is longer than this server accepts",
        code: "uri_too_long",
      });
    });

    it("415 for text/csv (and other unsupported media types)", async () => {
      const expected = {
        type: `${PROBLEM_TYPE}unsupported-media-type`,
        title: "Unsupported media type",
        status: 415,
        detail: "send the topology as application/json or application/yaml",
        code: "unsupported_media_type",
      };
      for (const type of ["text/csv", "application/xml", "application/merge-patch+json"]) {
        for (const url of ["/v1/estimate", "/v1/validate", "/v1/diagram"]) {
          const res = await app.inject({
            method: "POST",
            url,
            headers: { "content-type": type },
            payload: "name,accounts\nx,y\n",
          });
          expect(problemOf(res, 415), `${type} ${url}`).toEqual(expected);
        }
      }
    });

    it("400 malformed_body for malformed JSON", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: JSON_BODY,
        payload: '{"name": "x", "accounts": [',
      });
      expect(problemOf(res, 400)).toEqual({
        type: `${PROBLEM_TYPE}malformed-body`,
        title: "Malformed request body",
        status: 400,
        detail: "cannot parse body as JSON",
        code: "malformed_body",
        errors: [{ path: "body:1:28", message: "Unexpected end of JSON input" }],
      });
      const empty = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: JSON_BODY,
        payload: "",
      });
      expect(problemOf(empty, 400)).toEqual({
        type: `${PROBLEM_TYPE}malformed-body`,
        title: "Malformed request body",
        status: 400,
        detail: "the body is empty; send a topology",
        code: "malformed_body",
      });
    });

    it("400 malformed_body for JSON with prototype-pollution keys", async () => {
      for (const payload of ['{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {}}}']) {
        const res = await app.inject({
          method: "POST",
          url: "/v1/estimate",
          headers: JSON_BODY,
          payload,
        });
        expect(problemOf(res, 400).code, payload).toBe("malformed_body");
      }
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });

    it("400 malformed_body for malformed YAML, with line:column per error", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: "name: x\naccounts:\n  - id: a\n    vpcs: [\n",
      });
      expect(problemOf(res, 400)).toEqual({
        type: `${PROBLEM_TYPE}malformed-body`,
        title: "Malformed request body",
        status: 400,
        detail: "cannot parse body",
        code: "malformed_body",
        errors: [
          {
            path: "body:5:1",
            message:
              "Flow sequence in block collection must be sufficiently indented and end with a ]",
          },
        ],
      });
      const dup = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: "name: x\nname: y\naccounts: []\n",
      });
      expect(problemOf(dup, 400).errors).toEqual([
        { path: "body:2:1", message: "Map keys must be unique" },
      ]);
    });

    it("413 document_too_large for a YAML alias bomb", async () => {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (const [prev, next] of [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
        ["d", "e"],
        ["e", "f"],
      ] as const) {
        lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(",")}]`);
      }
      const res = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: `${lines.join("\n")}\n`,
      });
      expect(problemOf(res, 413)).toEqual({
        type: `${PROBLEM_TYPE}document-too-large`,
        title: "Document too large",
        status: 413,
        detail: "body is too large once its aliases are expanded",
        code: "document_too_large",
        errors: [
          {
            path: "body:6:8",
            message:
              "aliases add 141,111 values to the 59 written (counted up to here); linkplan accepts at most 100,000 more values than written",
          },
        ],
      });
    });

    it("never a stack trace in a problem", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram",
        headers: YAML,
        payload: `name: ${"[".repeat(5000)}`,
      });
      const body = problemOf(res, 422);
      expect(body.code).toBe("nesting_too_deep");
      expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node:internal|\bat \w+ \(/);
    });
  });
});

describe("API options: limits, catalog and CORS", () => {
  describe("bodyLimit", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ bodyLimit: 100 });
    });
    afterAll(async () => {
      await app.close();
    });

    it("413 body_too_large for JSON and YAML bodies over the limit", async () => {
      const expected = {
        type: `${PROBLEM_TYPE}body-too-large`,
        title: "Request body too large",
        status: 413,
        detail: "the request body is larger than this server accepts",
        code: "body_too_large",
      };
      const yaml = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(problemOf(yaml, 413)).toEqual(expected);
      const json = await app.inject({
        method: "POST",
        url: "/v1/validate",
        payload: endpointsJson,
      });
      expect(problemOf(json, 413)).toEqual(expected);
      const diagram = await app.inject({
        method: "POST",
        url: "/v1/diagram",
        headers: JSON_BODY,
        payload: JSON.stringify({ name: "x".repeat(101) }),
      });
      expect(problemOf(diagram, 413)).toEqual(expected);
    });

    it("a body within the limit is still read", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: "name: x\naccounts: [{id: a}]\n",
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        valid: true,
        accounts: 1,
        vpcs: 0,
        endpoints: 0,
        endpointServices: 0,
        hostedZones: 0,
      });
    });
  });

  describe("maxVpcs and maxEndpoints", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ maxVpcs: 1, maxEndpoints: 2 });
    });
    afterAll(async () => {
      await app.close();
    });

    it("422 limit_exceeded naming maxVpcs", async () => {
      for (const url of ["/v1/estimate", "/v1/validate", "/v1/diagram"]) {
        const res = await app.inject({ method: "POST", url, headers: YAML, payload: consumerYaml });
        expect(problemOf(res, 422), url).toEqual({
          type: `${PROBLEM_TYPE}limit-exceeded`,
          title: "Limit exceeded",
          status: 422,
          detail:
            "the topology is larger than this server accepts: 2 VPCs exceed the limit of 1 (maxVpcs)",
          code: "limit_exceeded",
        });
      }
    });

    it("422 limit_exceeded naming maxEndpoints", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(problemOf(res, 422)).toEqual({
        type: `${PROBLEM_TYPE}limit-exceeded`,
        title: "Limit exceeded",
        status: 422,
        detail:
          "the topology is larger than this server accepts: 15 endpoints exceed the limit of 2 (maxEndpoints)",
        code: "limit_exceeded",
      });
    });

    it("a topology within the limits is answered", async () => {
      const res = await app.inject({ method: "POST", url: "/v1/estimate", payload: oneEndpoint });
      expect(res.statusCode).toBe(200);
      expect(res.json().totals).toEqual({ hourly: "0.01", monthly: "7.30" });
    });
  });

  describe("a catalog lacking a region", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      const catalog = bundledCatalog();
      const regions = Object.fromEntries(
        Object.entries(catalog.regions).filter(([region]) => region !== "us-east-1"),
      );
      app = await buildApp({ catalog: { ...catalog, name: "partial", regions } });
    });
    afterAll(async () => {
      await app.close();
    });

    it("422 missing_price naming the missing prices", async () => {
      const expected = {
        type: `${PROBLEM_TYPE}missing-price`,
        title: "Missing price",
        status: 422,
        detail: 'the price catalog "partial" lacks 2 prices this topology needs',
        code: "missing_price",
        errors: [
          {
            path: "accounts[0].vpcs[0].endpoints[0]",
            message: "region us-east-1 is not in the catalog (no price for interfaceEndpointHour)",
          },
          {
            path: "accounts[0].vpcs[0].endpoints[0]",
            message: "region us-east-1 is not in the catalog (no price for interfaceEndpointGb)",
          },
        ],
      };
      const res = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(problemOf(res, 422)).toEqual(expected);
      const costs = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii&costs=true",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(problemOf(costs, 422)).toEqual(expected);
    });

    it("without costs the diagram needs no prices; the catalog routes reflect the option", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/diagram?format=ascii",
        headers: YAML,
        payload: endpointsYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(goldenText("diagram/endpoints-module.txt"));
      const regions = await app.inject({ method: "GET", url: "/v1/catalog/regions" });
      expect(regions.json()).toEqual({
        catalog: { ...CATALOG_INFO, name: "partial" },
        regions: REGIONS.filter((r) => r !== "us-east-1"),
      });
      const prices = await app.inject({
        method: "GET",
        url: "/v1/catalog/prices?region=us-east-1",
      });
      expect(problemOf(prices, 404).detail).toBe(
        'the catalog "partial" has no region "us-east-1"; GET /v1/catalog/regions lists them',
      );
      const health = await app.inject({ method: "GET", url: "/healthz" });
      expect(health.json()).toEqual({ status: "ok", catalog: "partial" });
    });
  });

  describe("CORS", () => {
    let plain: FastifyInstance;
    let cors: FastifyInstance;
    beforeAll(async () => {
      [plain, cors] = await Promise.all([
        buildApp(),
        buildApp({ corsOrigins: ["https://portal.example"] }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([plain.close(), cors.close()]);
    });

    const origin = { origin: "https://portal.example" };

    it("is off by default: no CORS headers, preflight is not answered", async () => {
      const res = await plain.inject({ method: "GET", url: "/healthz", headers: origin });
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
      const preflight = await plain.inject({
        method: "OPTIONS",
        url: "/v1/estimate",
        headers: { ...origin, "access-control-request-method": "POST" },
      });
      expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
      expect(problemOf(preflight, 405).code).toBe("method_not_allowed");
    });

    it("with corsOrigins, allows exactly those origins", async () => {
      const res = await cors.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: { ...origin, ...YAML },
        payload: endpointsYaml,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["access-control-allow-origin"]).toBe("https://portal.example");
      expect(res.headers.vary).toContain("Origin");

      const preflight = await cors.inject({
        method: "OPTIONS",
        url: "/v1/estimate",
        headers: { ...origin, "access-control-request-method": "POST" },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe("https://portal.example");
      expect(String(preflight.headers["access-control-allow-methods"])).toContain("POST");

      const problem = await cors.inject({ method: "GET", url: "/nope", headers: origin });
      expect(problemOf(problem, 404).code).toBe("not_found");
      expect(problem.headers["access-control-allow-origin"]).toBe("https://portal.example");
      // the plugin's OPTIONS * route must not turn unknown paths into 405s
      const wrongMethod = await cors.inject({
        method: "GET",
        url: "/v1/validate",
        headers: origin,
      });
      expect(wrongMethod.headers.allow).toBe("POST");
      expect(problemOf(wrongMethod, 405).detail).toBe(
        "GET is not allowed on /v1/validate; use POST",
      );

      const other = await cors.inject({
        method: "GET",
        url: "/healthz",
        headers: { origin: "https://evil.example" },
      });
      expect(other.statusCode).toBe(200);
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    });
  });
});
