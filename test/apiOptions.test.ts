import { describe, expect } from "vitest";
import { parse as parseYaml } from "yaml";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import {
  CATALOG_INFO,
  CATALOG_REGIONS,
  goldenText,
  JSON_BODY,
  ONE_ENDPOINT,
  useApp,
  YAML,
} from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";
import { problem, type RouteCase, routeCases } from "./helpers/routeCases.js";

/** The server's options: body and topology limits, another catalog, CORS. */

const endpointsYaml = exampleYaml("endpoints-module");
const endpointsJson = parseYaml(endpointsYaml) as Record<string, unknown>;
const consumerYaml = exampleYaml("consumer-provider");

describe("bodyLimit", () => {
  const tooLarge = problem("body_too_large", "the request body is larger than this server accepts");
  routeCases(useApp({ bodyLimit: 100 }), [
    {
      name: "413 body_too_large for a YAML body over the limit",
      url: "/v1/estimate",
      headers: YAML,
      payload: endpointsYaml,
      problem: tooLarge,
    },
    {
      name: "413 body_too_large for a JSON body over the limit",
      url: "/v1/validate",
      payload: endpointsJson,
      problem: tooLarge,
    },
    {
      name: "413 body_too_large for a JSON text over the limit",
      url: "/v1/diagram",
      headers: JSON_BODY,
      payload: JSON.stringify({ name: "x".repeat(101) }),
      problem: tooLarge,
    },
    {
      name: "a body within the limit is still read",
      url: "/v1/validate",
      headers: YAML,
      payload: "name: x\naccounts: [{id: a}]\n",
      status: 200,
      json: {
        valid: true,
        accounts: 1,
        vpcs: 0,
        endpoints: 0,
        endpointServices: 0,
        hostedZones: 0,
      },
    },
  ]);
});

describe("maxVpcs and maxEndpoints", () => {
  routeCases(useApp({ maxVpcs: 1, maxEndpoints: 2 }), [
    ...["/v1/estimate", "/v1/validate", "/v1/diagram"].map(
      (url): RouteCase => ({
        name: `422 limit_exceeded naming maxVpcs (${url})`,
        url,
        headers: YAML,
        payload: consumerYaml,
        problem: problem(
          "limit_exceeded",
          "the topology is larger than this server accepts: 2 VPCs exceed the limit of 1 (maxVpcs)",
        ),
      }),
    ),
    {
      name: "422 limit_exceeded naming maxEndpoints",
      url: "/v1/estimate",
      headers: YAML,
      payload: endpointsYaml,
      problem: problem(
        "limit_exceeded",
        "the topology is larger than this server accepts: 15 endpoints exceed the limit of 2 (maxEndpoints)",
      ),
    },
    {
      name: "a topology within the limits is answered",
      url: "/v1/estimate",
      payload: ONE_ENDPOINT,
      status: 200,
      check: (res) => expect(res.json().totals).toEqual({ hourly: "0.01", monthly: "7.30" }),
    },
  ]);
});

describe("a catalog lacking a region", () => {
  const catalog = bundledCatalog();
  const regions = Object.fromEntries(
    Object.entries(catalog.regions).filter(([region]) => region !== "us-east-1"),
  );
  const missing = problem(
    "missing_price",
    'the price catalog "partial" lacks 2 prices this topology needs',
    [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: "region us-east-1 is not in the catalog (no price for interfaceEndpointHour)",
      },
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: "region us-east-1 is not in the catalog (no price for interfaceEndpointGb)",
      },
    ],
  );
  routeCases(useApp({ catalog: { ...catalog, name: "partial", regions } }), [
    {
      name: "422 missing_price naming the missing prices",
      url: "/v1/estimate",
      headers: YAML,
      payload: endpointsYaml,
      problem: missing,
    },
    {
      name: "422 missing_price for a diagram with costs",
      url: "/v1/diagram?format=ascii&costs=true",
      headers: YAML,
      payload: endpointsYaml,
      problem: missing,
    },
    {
      name: "without costs the diagram needs no prices",
      url: "/v1/diagram?format=ascii",
      headers: YAML,
      payload: endpointsYaml,
      status: 200,
      body: goldenText("diagram/endpoints-module.txt"),
    },
    {
      name: "the catalog routes reflect the option: regions",
      url: "/v1/catalog/regions",
      json: {
        catalog: { ...CATALOG_INFO, name: "partial" },
        regions: CATALOG_REGIONS.filter((r) => r !== "us-east-1"),
      },
    },
    {
      name: "the catalog routes reflect the option: prices",
      url: "/v1/catalog/prices?region=us-east-1",
      problem: problem(
        "not_found",
        'the catalog "partial" has no region "us-east-1"; GET /v1/catalog/regions lists them',
      ),
    },
    {
      name: "/healthz names the catalog",
      url: "/healthz",
      json: { status: "ok", catalog: "partial", pending: 0 },
    },
  ]);
});

describe("CORS", () => {
  const origin = { origin: "https://portal.example" };
  const preflight = { ...origin, "access-control-request-method": "POST" };

  describe("is off by default: no CORS headers, preflight is not answered", () => {
    routeCases(useApp(), [
      {
        name: "no CORS headers",
        url: "/healthz",
        headers: origin,
        status: 200,
        check: (res) =>
          expect(Object.keys(res.headers).filter((h) => h.startsWith("access-control-"))).toEqual(
            [],
          ),
      },
      {
        name: "preflight is not answered",
        method: "OPTIONS",
        url: "/v1/estimate",
        headers: preflight,
        answerHeaders: { "access-control-allow-origin": undefined },
        problem: "method_not_allowed",
      },
    ]);
  });

  describe("with corsOrigins, allows exactly those origins", () => {
    const allowed = { "access-control-allow-origin": "https://portal.example" };
    routeCases(useApp({ corsOrigins: ["https://portal.example"] }), [
      {
        name: "an allowed origin",
        url: "/v1/estimate",
        headers: { ...origin, ...YAML },
        payload: endpointsYaml,
        status: 200,
        answerHeaders: allowed,
        check: (res) => expect(res.headers.vary).toContain("Origin"),
      },
      {
        name: "preflight",
        method: "OPTIONS",
        url: "/v1/estimate",
        headers: preflight,
        status: 204,
        answerHeaders: allowed,
        check: (res) =>
          expect(String(res.headers["access-control-allow-methods"])).toContain("POST"),
      },
      {
        name: "a problem carries the CORS headers",
        url: "/nope",
        headers: origin,
        answerHeaders: allowed,
        problem: "not_found",
      },
      {
        // the plugin's OPTIONS * route must not turn unknown paths into 405s
        name: "a known path with another method is still 405",
        url: "/v1/validate",
        headers: origin,
        answerHeaders: { allow: "POST" },
        problem: problem("method_not_allowed", "GET is not allowed on /v1/validate; use POST"),
      },
      {
        name: "another origin gets no CORS headers",
        url: "/healthz",
        headers: { origin: "https://evil.example" },
        status: 200,
        answerHeaders: { "access-control-allow-origin": undefined },
      },
    ]);
  });
});
