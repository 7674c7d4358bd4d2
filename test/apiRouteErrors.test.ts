import { describe, expect } from "vitest";
import { JSON_BODY, useApp, YAML } from "./helpers/apiKit.js";
import { problem, type RouteCase, routeCases } from "./helpers/routeCases.js";

/** Every error of the routes is problem+json: wrong methods and paths, bodies it cannot read. */
const app = useApp();

/** 405 naming the allowed methods, in the detail and the Allow header. */
function notAllowed(method: string, url: string, allow: string, use: string): RouteCase {
  return {
    name: `405 for ${method} ${url}, allowing ${allow}`,
    method: method as RouteCase["method"],
    url,
    ...(method === "PUT" ? { payload: {} } : {}),
    answerHeaders: { allow },
    problem: problem("method_not_allowed", `${method} is not allowed on ${url}; use ${use}`),
  };
}

/** An alias bomb: six levels of nine aliases each. */
const aliasBomb = () => {
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
  return `${lines.join("\n")}\n`;
};

describe("errors are problem+json", () => {
  routeCases(app, [
    notAllowed("GET", "/v1/estimate", "POST", "POST"),
    notAllowed("DELETE", "/v1/examples/dev", "GET, HEAD", "GET or HEAD"),
    notAllowed("PUT", "/v1/catalog/regions", "GET, HEAD", "GET or HEAD"),
    notAllowed("OPTIONS", "/v1/diagram", "POST", "POST"),
    {
      name: "404 for an unknown path",
      url: "/v2/estimate?x=1",
      problem: problem("not_found", "no route GET /v2/estimate"),
    },
    {
      // the router does not match a trailing slash; "POST is not allowed, use POST" was wrong
      name: "404 (not 405) for a known path with a trailing slash (POST)",
      url: "/v1/estimate/",
      payload: {},
      answerHeaders: { allow: undefined },
      problem: problem("not_found", "no route POST /v1/estimate/"),
    },
    {
      name: "404 (not 405) for a known path with a trailing slash (GET)",
      url: "/healthz/",
      problem: problem("not_found", "no route GET /healthz/"),
    },
    {
      name: "400 for a path that is not valid percent-encoding",
      url: "/v1/examples/%ZZ",
      problem: problem("malformed_request", "the URL path is not valid percent-encoding"),
    },
    {
      name: "414 for an over-long parameter",
      url: `/v1/examples/${"a".repeat(200)}`,
      problem: problem("uri_too_long", "a path parameter is longer than this server accepts"),
    },
    ...["text/csv", "application/xml", "application/merge-patch+json"].flatMap((type) =>
      ["/v1/estimate", "/v1/validate", "/v1/diagram"].map(
        (url): RouteCase => ({
          name: `415 for ${type} on ${url}`,
          url,
          headers: { "content-type": type },
          payload: "name,accounts\nx,y\n",
          problem: problem(
            "unsupported_media_type",
            "send the topology as application/json or application/yaml",
          ),
        }),
      ),
    ),
    {
      name: "400 malformed_body for malformed JSON",
      url: "/v1/estimate",
      headers: JSON_BODY,
      payload: '{"name": "x", "accounts": [',
      problem: problem("malformed_body", "cannot parse body as JSON", [
        { path: "body:1:28", message: "Unexpected end of JSON input" },
      ]),
    },
    {
      name: "400 malformed_body for an empty JSON body",
      url: "/v1/validate",
      headers: JSON_BODY,
      payload: "",
      problem: problem("malformed_body", "the body is empty; send a topology"),
    },
    ...['{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {}}}'].map(
      (payload): RouteCase => ({
        name: `400 malformed_body for JSON with prototype-pollution keys: ${payload}`,
        url: "/v1/estimate",
        headers: JSON_BODY,
        payload,
        problem: "malformed_body",
        check: () => expect(({} as Record<string, unknown>).x).toBeUndefined(),
      }),
    ),
    {
      name: "400 malformed_body for malformed YAML, with line:column of the bracket left open",
      url: "/v1/estimate",
      headers: YAML,
      payload: "name: x\naccounts:\n  - id: a\n    vpcs: [\n",
      problem: problem("malformed_body", "cannot parse body", [
        {
          path: "body:4:11",
          message:
            "Flow sequence in block collection must be sufficiently indented and end with a ]",
        },
      ]),
    },
    {
      name: "400 malformed_body for YAML with a duplicate key",
      url: "/v1/validate",
      headers: YAML,
      payload: "name: x\nname: y\naccounts: []\n",
      problem: problem("malformed_body", "cannot parse body", [
        { path: "body:2:1", message: "Map keys must be unique" },
      ]),
    },
    {
      name: "413 document_too_large for a YAML alias bomb",
      url: "/v1/validate",
      headers: YAML,
      payload: aliasBomb(),
      problem: problem("document_too_large", "body is too large once its aliases are expanded", [
        {
          path: "body:6:8",
          message:
            "aliases add 141,111 values to the 59 written (counted up to here); linkplan accepts at most 100,000 more values than written",
        },
      ]),
    },
    {
      name: "never a stack trace in a problem",
      url: "/v1/diagram",
      headers: YAML,
      payload: `name: ${"[".repeat(5000)}`,
      problem: "nesting_too_deep",
      check: (res) => expect(res.body).not.toMatch(/\.ts:\d+|node:internal|\bat \w+ \(/),
    },
  ]);
});
