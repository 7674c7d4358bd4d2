import { describe, expect } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson } from "../src/report/estimateJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { goldenText, JSON_BODY, JSON_TYPE, ONE_ENDPOINT, useApp, YAML } from "./helpers/apiKit.js";
import { EXAMPLE_NAMES, exampleYaml } from "./helpers/examples.js";
import { invalidQuery, problem, type RouteCase, routeCases } from "./helpers/routeCases.js";
import { oneVpc } from "./helpers/topologies.js";

/** The topology routes (estimate, diagram, validate, compare) with the default options. */
const app = useApp();

const endpointsYaml = exampleYaml("endpoints-module");
const endpointsJson = parseYaml(endpointsYaml) as Record<string, unknown>;
const consumerYaml = exampleYaml("consumer-provider");
/** the API answers exactly what the library computes */
const endpointsEstimate = JSON.parse(
  JSON.stringify(
    estimateToJson(estimate(parseTopology(parseDocument(endpointsYaml)), bundledCatalog())),
  ),
);
const SVG = "image/svg+xml; charset=utf-8";
const TEXT = "text/plain; charset=utf-8";

describe("POST /v1/estimate", () => {
  routeCases(app, [
    {
      name: "prices examples/endpoints-module.yaml sent as YAML",
      url: "/v1/estimate",
      headers: YAML,
      payload: endpointsYaml,
      status: 200,
      type: JSON_TYPE,
      json: endpointsEstimate,
      check(res) {
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
      },
    },
    {
      name: "answers the same for the same topology sent as JSON",
      url: "/v1/estimate",
      payload: endpointsJson,
      status: 200,
      json: endpointsEstimate,
      check: (res) => expect(res.json().totals).toEqual({ hourly: "0.39", monthly: "284.70" }),
    },
    ...["application/x-yaml", "text/yaml", "text/x-yaml"].map(
      (type): RouteCase => ({
        name: `accepts ${type}`,
        url: "/v1/estimate",
        headers: { "content-type": `${type}; charset=utf-8` },
        payload: endpointsYaml,
        status: 200,
        check: (res) => expect(res.json().totals).toEqual({ hourly: "0.39", monthly: "284.70" }),
      }),
    ),
    {
      name: "hoursPerMonth=720 prices a 720-hour month",
      url: "/v1/estimate?hoursPerMonth=720",
      headers: YAML,
      payload: endpointsYaml,
      status: 200,
      check(res) {
        expect(res.json().hoursPerMonth).toBe(720);
        expect(res.json().totals).toEqual({ hourly: "0.39", monthly: "280.80" });
        expect(res.json().lines[0].monthly).toBe("7.20");
      },
    },
    ...(
      [
        ["abc", "Invalid input: expected number, received NaN"],
        ["0", "must be greater than 0 and at most 744"],
        ["745", "must be greater than 0 and at most 744"],
      ] as const
    ).map(([value, message]) => ({
      name: `hoursPerMonth=${value} is 400 invalid_option`,
      url: `/v1/estimate?hoursPerMonth=${value}`,
      headers: YAML,
      payload: endpointsYaml,
      problem: invalidQuery("hoursPerMonth", message),
    })),
    ...EXAMPLE_NAMES.map(
      (name): RouteCase => ({
        name: `estimates examples/${name}.yaml`,
        url: "/v1/estimate",
        headers: YAML,
        payload: exampleYaml(name),
        status: 200,
        check: (res) => expect(res.json().totals.monthly).toMatch(/^\d+\.\d{2,}$/),
      }),
    ),
  ]);
});

describe("POST /v1/diagram", () => {
  /** consumer-provider drawn with this query string */
  const drawn = (query: string) => ({
    url: `/v1/diagram${query}`,
    headers: YAML,
    payload: consumerYaml,
    status: 200,
  });
  routeCases(app, [
    {
      name: "format=svg answers image/svg+xml",
      ...drawn("?format=svg"),
      type: SVG,
      body: goldenText("diagram/consumer-provider.svg"),
      check: (res) => expect(res.body.startsWith("<svg")).toBe(true),
    },
    {
      name: "svg is the default format",
      ...drawn(""),
      type: SVG,
      body: goldenText("diagram/consumer-provider.svg"),
    },
    {
      name: "theme=dark&detail=azs&costs=true is the dark golden",
      ...drawn("?theme=dark&detail=azs&costs=true"),
      body: goldenText("diagram/consumer-provider.dark.svg"),
    },
    {
      name: "format=mermaid answers text/vnd.mermaid",
      ...drawn("?format=mermaid"),
      type: "text/vnd.mermaid; charset=utf-8",
      body: goldenText("diagram/consumer-provider.mmd"),
      check: (res) => expect(res.body).toContain("flowchart TB"),
    },
    {
      name: "format=ascii answers text/plain equal to the golden drawing",
      ...drawn("?format=ascii"),
      type: TEXT,
      body: goldenText("diagram/consumer-provider.txt"),
      check: (res) => expect(res.body).not.toContain("$"),
    },
    {
      name: "format=ascii of endpoints-module sent as JSON",
      url: "/v1/diagram?format=ascii",
      payload: endpointsJson,
      body: goldenText("diagram/endpoints-module.txt"),
    },
    {
      name: "charset=ascii matches its golden drawing",
      ...drawn("?format=ascii&charset=ascii"),
      body: goldenText("diagram/consumer-provider.ascii.txt"),
    },
    {
      name: "detail=azs&costs=1 matches its golden drawing",
      ...drawn("?format=ascii&detail=azs&costs=1"),
      body: goldenText("diagram/consumer-provider.azs.txt"),
    },
    {
      name: "costs=true adds monthly costs in dollars",
      ...drawn("?format=ascii&costs=true"),
      check(res) {
        expect(res.body).toContain("Consumer account · 111122223333 · $21.06/mo");
        expect(res.body).toContain("Provider account · 444455556666 · $22.32/mo");
      },
    },
    {
      name: "costs=false draws without costs",
      ...drawn("?format=ascii&costs=false"),
      body: goldenText("diagram/consumer-provider.txt"),
    },
    ...(
      [
        ["format", "pdf", 'Invalid option: expected one of "ascii"|"mermaid"|"svg"|"png"|"drawio"'],
        ["costs", "yes", 'must be "true", "false", "1" or "0"'],
        [
          "detail",
          "everything",
          'Invalid option: expected one of "accounts"|"vpcs"|"azs"|"subnets"',
        ],
      ] as const
    ).map(([name, value, message]) => ({
      name: `${name}=${value} is 400 invalid_option`,
      url: `/v1/diagram?${name}=${value}`,
      headers: YAML,
      payload: consumerYaml,
      problem: invalidQuery(name, message),
    })),
  ]);
});

/** ONE_ENDPOINT with its endpoint in a security group the VPC lacks */
const unknownGroup = oneVpc(
  { endpoints: [{ id: "e", type: "interface", service: "s3", securityGroups: ["missing"] }] },
  "one",
);
const notAnObject = problem("invalid_topology", "invalid topology (1 problem)", [
  { path: "", message: "expected an object, got null" },
]);

describe("POST /v1/validate", () => {
  routeCases(app, [
    {
      name: "answers the counts of a valid topology (YAML)",
      url: "/v1/validate",
      headers: YAML,
      payload: consumerYaml,
      status: 200,
      json: {
        valid: true,
        accounts: 2,
        vpcs: 2,
        endpoints: 1,
        endpointServices: 1,
        hostedZones: 0,
      },
    },
    {
      name: "answers the counts of a valid topology (JSON)",
      url: "/v1/validate",
      payload: endpointsJson,
      json: {
        valid: true,
        accounts: 1,
        vpcs: 1,
        endpoints: 15,
        endpointServices: 0,
        hostedZones: 0,
      },
    },
    {
      name: "answers 422 invalid_topology with every problem at its path",
      url: "/v1/validate",
      payload: { accounts: [{ id: "A", vpcs: [{ id: "v" }] }] },
      problem: problem("invalid_topology", "invalid topology (4 problems)", [
        { path: "name", message: "is required (a string)" },
        {
          path: "accounts[0].id",
          message:
            'must be lowercase letters, digits and dashes (e.g. shared-api), got a string ("A")',
        },
        { path: "accounts[0].vpcs[0].region", message: "is required (a string)" },
        { path: "accounts[0].vpcs[0].azs", message: "is required (an array)" },
      ]),
    },
    ...["/v1/validate", "/v1/estimate", "/v1/diagram"].map((url) => ({
      name: `${url} reports cross-reference problems (after the schema) with their paths`,
      url,
      payload: unknownGroup,
      problem: problem("invalid_topology", "invalid topology (1 problem)", [
        {
          path: "accounts[0].vpcs[0].endpoints[0].securityGroups[0]",
          message: 'unknown security group "missing" in VPC "v"',
        },
      ]),
    })),
    {
      name: "answers 422 for no body (no content type)",
      method: "POST",
      url: "/v1/validate",
      problem: notAnObject,
    },
    {
      name: "answers 422 for a body of JSON null",
      url: "/v1/validate",
      headers: JSON_BODY,
      payload: "null",
      problem: notAnObject,
    },
  ]);
});

describe("POST /v1/compare", () => {
  routeCases(app, [
    {
      name: "compares two topologies: same one → all zero",
      url: "/v1/compare",
      payload: { a: ONE_ENDPOINT, b: ONE_ENDPOINT },
      status: 200,
      check(res) {
        const body = res.json();
        expect(body.delta).toEqual({ hourly: "0.00", monthly: "0.00", percent: "0.0" });
        expect(body.changes).toEqual([]);
        expect(body.unchanged).toBe(body.after.lines);
      },
    },
    {
      name: "still answers 415 for a body it could never accept",
      url: "/v1/compare",
      headers: { "content-type": "text/csv" },
      payload: "a,b",
      problem: "unsupported_media_type",
    },
    {
      name: "still answers 400 for YAML it cannot read",
      url: "/v1/compare",
      headers: YAML,
      payload: "a: [",
      problem: "malformed_body",
    },
  ]);
});
