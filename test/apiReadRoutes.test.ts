import { describe, expect } from "vitest";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { CATALOG_INFO, CATALOG_REGIONS, JSON_TYPE, useApp } from "./helpers/apiKit.js";
import { EXAMPLE_NAMES, exampleYaml } from "./helpers/examples.js";
import { invalidQuery, problem, type RouteCase, routeCases } from "./helpers/routeCases.js";

/** The routes that read what the server holds: the catalog, the examples, health and docs. */
const app = useApp();

describe("GET /v1/catalog", () => {
  routeCases(app, [
    {
      name: "/v1/catalog/regions lists the 10 regions",
      url: "/v1/catalog/regions",
      status: 200,
      json: { catalog: CATALOG_INFO, regions: CATALOG_REGIONS },
    },
    {
      name: "/v1/catalog/prices?region=us-east-1 has every price of the region",
      url: "/v1/catalog/prices?region=us-east-1",
      status: 200,
      check(res) {
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
      },
    },
    ...["xx-nowhere-1", "constructor", "__proto__", "toString"].map(
      (region): RouteCase => ({
        name: `an unknown region (${region}) is 404 not_found`,
        url: `/v1/catalog/prices?region=${region}`,
        problem: problem(
          "not_found",
          `the catalog "bundled" has no region "${region}"; GET /v1/catalog/regions lists them`,
        ),
      }),
    ),
    {
      name: "a missing region is 400 invalid_option",
      url: "/v1/catalog/prices",
      problem: invalidQuery("region", "Invalid input: expected string, received undefined"),
    },
    {
      name: "a repeated region is 400 invalid_option",
      url: "/v1/catalog/prices?region=us-east-1&region=eu-west-2",
      problem: invalidQuery("region", "Invalid input: expected string, received array"),
    },
    {
      name: "an empty region is 400 invalid_option",
      url: "/v1/catalog/prices?region=",
      problem: invalidQuery("region", "Too small: expected string to have >=1 characters"),
    },
  ]);
});

describe("GET /v1/examples", () => {
  routeCases(app, [
    {
      name: "lists the 10 bundled examples with descriptions and links",
      url: "/v1/examples",
      status: 200,
      check(res) {
        const body = res.json() as { name: string; description: string; href: string }[];
        // every file of examples/ (the ten that exampleGoldens.test.ts lists)
        expect(body.map((e) => e.name)).toEqual(EXAMPLE_NAMES);
        for (const e of body) {
          expect(e.href).toBe(`/v1/examples/${e.name}`);
          expect(e.description.length, e.name).toBeGreaterThan(20);
        }
        expect(body.find((e) => e.name === "consumer-provider")?.description).toBe(
          "Two accounts in eu-west-2. The consumer's application calls an interface endpoint; PrivateLink carries the traffic to the provider's endpoint service, whose internal Network Load Balancer forwards it to the service. Nothing crosses the internet.",
        );
      },
    },
    {
      name: "/v1/examples/dev is the YAML file as written",
      url: "/v1/examples/dev",
      status: 200,
      type: "application/yaml; charset=utf-8",
      body: exampleYaml("dev"),
    },
    ...EXAMPLE_NAMES.map(
      (name): RouteCase => ({
        name: `/v1/examples/${name} can be fetched and posted back`,
        url: `/v1/examples/${name}`,
        body: exampleYaml(name),
        async check(got, app) {
          const valid = await app.inject({
            method: "POST",
            url: "/v1/validate",
            headers: { "content-type": got.headers["content-type"] as string },
            payload: got.body,
          });
          expect(valid.statusCode, name).toBe(200);
        },
      }),
    ),
    ...["nope", "constructor", "dev.yaml"].map(
      (name): RouteCase => ({
        name: `an unknown example (${name}) is 404 not_found`,
        url: `/v1/examples/${name}`,
        problem: problem("not_found", `no example "${name}"; GET /v1/examples lists them`),
      }),
    ),
  ]);
});

describe("health, docs and the OpenAPI document", () => {
  routeCases(app, [
    {
      name: "GET /healthz",
      url: "/healthz",
      status: 200,
      json: { status: "ok", catalog: "bundled", pending: 0 },
    },
    { name: "HEAD /healthz", method: "HEAD", url: "/healthz", status: 200, body: "" },
    {
      name: "GET /docs serves Swagger UI as HTML",
      url: "/docs",
      async check(first, app) {
        let res = first;
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
      },
    },
    {
      name: "GET /openapi.json lists every /v1 path",
      url: "/openapi.json",
      status: 200,
      type: JSON_TYPE,
      check(res, app) {
        const doc = res.json();
        expect(doc.openapi).toBe("3.1.0");
        expect(Object.keys(doc.paths).sort()).toEqual([
          "/healthz",
          "/v1/breakeven",
          "/v1/catalog/prices",
          "/v1/catalog/regions",
          "/v1/check",
          "/v1/check/rules",
          "/v1/compare",
          "/v1/diagram",
          "/v1/diagram/compare",
          "/v1/estimate",
          "/v1/examples",
          "/v1/examples/{name}",
          "/v1/import",
          "/v1/validate",
          "/v1/whatif",
        ]);
        expect(doc).toEqual(app.swagger());
      },
    },
  ]);
});
