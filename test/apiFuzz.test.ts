import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  contentType,
  exampleData,
  exampleName,
  type FuzzRequest,
  hostileLabel,
  mutate,
  mutation,
  nastyYaml,
  POISON_KEYS,
  relabel,
  routeAndAnyQuery,
  routeAndQuery,
  TOPOLOGY_ROUTES,
  toJsonText,
  toYamlText,
  traffic,
  weirdValue,
} from "./helpers/apiFuzzArbitraries.js";
import { checkClientAnswer, injectChecked, useApp } from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";
import { FC_SEED, fuzzRuns, replayCommand } from "./helpers/fcSeed.js";

/**
 * Hostile and random bodies to POST /v1/estimate, /v1/validate and /v1/diagram. Whatever a
 * client sends, the answer is < 500, and every error is a well-formed problem+json without
 * a stack trace.
 */

const DIAGRAM_TYPES = [
  "image/svg+xml",
  "text/plain",
  "text/vnd.mermaid",
  "image/png",
  "application/vnd.jgraph.mxfile",
];

let sent = 0;

/** Send a request, check the answer (see checkClientAnswer); returns the status. */
async function send(request: FuzzRequest): Promise<number> {
  sent++;
  const response = await injectChecked(app(), request);
  if (response.statusCode !== 200) return response.statusCode;
  const route = request.url.split("?")[0];
  const type = String(response.headers["content-type"]).split(";")[0] ?? "";
  if (route === "/v1/diagram") {
    if (!DIAGRAM_TYPES.includes(type))
      throw new Error(`diagram answered ${type}: ${request.label}`);
  } else {
    if (type !== "application/json") throw new Error(`answered ${type}: ${request.label}`);
    const body = JSON.parse(response.body) as { totals?: unknown; valid?: unknown };
    if (route === "/v1/estimate" && body.totals === undefined)
      throw new Error(`estimate without totals: ${request.label}`);
    if (route === "/v1/validate" && body.valid !== true)
      throw new Error(`validate 200 without valid: true: ${request.label}`);
  }
  return response.statusCode;
}

const headersFor = (type: string | undefined): Record<string, string> =>
  type === undefined ? {} : { "content-type": type };

const short = (text: string | Buffer) => {
  const s = typeof text === "string" ? text : `<${text.length} bytes>`;
  return s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s;
};

/** Invalid UTF-8: lone continuation bytes, overlong forms, surrogates, > U+10FFFF, truncation. */
const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xbf, 0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0x00],
];
const invalidBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(...INVALID_UTF8),
      fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => [...a]),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => Buffer.from(parts.flat()));

const app = useApp();
beforeAll(() => {
  console.info(`fast-check seed ${FC_SEED} (replay: ${replayCommand()})`);
});

describe("fuzzing the topology routes: never 5xx, errors are problem+json", () => {
  it("mutated examples (deleted, replaced, duplicated, wrapped, swapped fields), as JSON or YAML", async () => {
    await fc.assert(
      fc.asyncProperty(
        exampleName,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        routeAndQuery,
        fc.constantFrom("json", "yaml"),
        async (name, mutations, url, format) => {
          const doc = mutate(exampleData(name), mutations);
          const payload = format === "json" ? toJsonText(doc) : toYamlText(doc);
          await send({
            url,
            headers: { "content-type": `application/${format}` },
            payload,
            label: `POST ${url} ${name} ${JSON.stringify(mutations).slice(0, 400)} as ${format}`,
          });
        },
      ),
      fuzzRuns(450),
    );
  }, 60_000);

  it("valid topologies with hostile names and descriptions and extreme traffic, drawn and priced", async () => {
    await fc.assert(
      fc.asyncProperty(
        exampleName,
        fc.array(hostileLabel, { minLength: 1, maxLength: 6 }),
        fc.array(traffic, { maxLength: 4 }),
        fc.constantFrom(
          "/v1/diagram?format=svg&costs=true&detail=azs",
          "/v1/diagram?format=ascii&costs=1&detail=subnets&securityGroups=true&routeTables=true",
          "/v1/diagram?format=mermaid&costs=true",
          "/v1/diagram?format=ascii&charset=ascii&detail=accounts",
          "/v1/estimate",
          "/v1/validate",
        ),
        fc.constantFrom("json", "yaml"),
        async (name, labels, figures, url, format) => {
          const doc = relabel(exampleData(name), labels, figures);
          const payload = format === "json" ? toJsonText(doc) : toYamlText(doc);
          const label = `POST ${url} ${name} labels ${JSON.stringify(labels).slice(0, 300)} traffic ${JSON.stringify(figures)}`;
          const status = await send({
            url,
            headers: { "content-type": `application/${format}` },
            payload,
            label,
          });
          // labels and traffic figures are free: the topology stays valid and is answered
          if (status !== 200) throw new Error(`${status} for a valid topology: ${label}`);
        },
      ),
      fuzzRuns(150),
    );
  }, 60_000);

  it("random JSON values and objects with prototype-pollution keys", async () => {
    const poisonObject = fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...POISON_KEYS, "name", "accounts"), fc.string()),
          weirdValue,
        ),
        { maxLength: 5 },
      )
      .map((entries) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of entries)
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
        return out;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), poisonObject, weirdValue),
        fc.constantFrom(...TOPOLOGY_ROUTES),
        fc.constantFrom("json", "yaml"),
        async (value, url, format) => {
          const payload = format === "json" ? toJsonText(value) : toYamlText(value);
          await send({
            url,
            headers: { "content-type": `application/${format}` },
            payload,
            label: `POST ${url} ${format} ${short(payload)}`,
          });
        },
      ),
      fuzzRuns(200),
    );
  }, 60_000);

  it("raw text and invalid UTF-8 bytes, under any content type", async () => {
    const valid = toJsonText({ ...(exampleData("dev") as object), name: "\u0001" });
    const [before = "", after = ""] = valid.split("\\u0001");
    const body = fc.oneof(
      // random text
      fc.string({ unit: "binary", maxLength: 200 }),
      // random bytes
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      // a valid topology whose name holds invalid UTF-8
      invalidBytes.map((bytes) => Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)])),
      // a valid topology with invalid UTF-8 spliced in anywhere
      fc.tuple(invalidBytes, fc.nat()).map(([bytes, at]) => {
        const text = Buffer.from(valid);
        const cut = at % (text.length + 1);
        return Buffer.concat([text.subarray(0, cut), bytes, text.subarray(cut)]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, routeAndAnyQuery, contentType, async (payload, url, type) => {
        await send({
          url,
          headers: headersFor(type),
          payload,
          label: `POST ${url} (${type}) ${short(payload)}`,
        });
      }),
      fuzzRuns(200),
    );
  }, 60_000);

  it("YAML bombs, anchors, tags, deep nesting and other odd YAML", async () => {
    await fc.assert(
      fc.asyncProperty(
        nastyYaml,
        fc.constantFrom(...TOPOLOGY_ROUTES),
        fc.constantFrom("application/yaml", "application/x-yaml", "text/yaml"),
        async (payload, url, type) => {
          await send({
            url,
            headers: { "content-type": type },
            payload,
            label: `POST ${url} (${type}) ${short(payload)}`,
          });
        },
      ),
      fuzzRuns(150),
    );
  }, 60_000);

  it("valid topologies with random (valid and invalid) query strings", async () => {
    await fc.assert(
      fc.asyncProperty(exampleName, routeAndAnyQuery, async (name, url) => {
        await send({
          url,
          headers: { "content-type": "application/yaml" },
          payload: exampleYaml(name),
          label: `POST ${url} ${name}`,
        });
      }),
      fuzzRuns(150),
    );
  }, 60_000);

  describe("hand-picked hostile bodies", () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    const dev = exampleData("dev") as Record<string, unknown>;
    const cases: [string, string, string | Buffer][] = [
      ["10,000 nested arrays (JSON)", "application/json", deep(10_000)],
      ["10,000 nested arrays (YAML)", "application/yaml", deep(10_000)],
      ["10,000 nested arrays as the name (JSON)", "application/json", `{"name":${deep(10_000)}}`],
      ["10,000 nested arrays as accounts (YAML)", "application/yaml", `accounts: ${deep(10_000)}`],
      ["100,000 nested arrays (JSON)", "application/json", deep(100_000)],
      ["10,000 nested objects (JSON)", "application/json", deepObject(10_000)],
      ["10,000 nested objects (YAML flow)", "application/yaml", deepObject(10_000)],
      [
        "10,000 nested arrays in an endpoint (JSON)",
        "application/json",
        toJsonText(dev).replace('"gbPerMonth":2', `"gbPerMonth":${deep(10_000)}`),
      ],
      ["huge numbers", "application/json", toJsonText(dev).replace(/:(\d+(\.\d+)?)/g, ":1e400")],
      [
        "huge traffic",
        "application/json",
        toJsonText(dev).replace(/"gbPerMonth":[\d.]+/g, '"gbPerMonth":1.7976931348623157e308'),
      ],
      [
        "NaN-like strings for numbers",
        "application/json",
        toJsonText(dev).replace(/"gbPerMonth":[\d.]+/g, '"gbPerMonth":"NaN"'),
      ],
      ["__proto__ at the root (JSON)", "application/json", '{"__proto__":{"polluted":true}}'],
      [
        "constructor.prototype (JSON)",
        "application/json",
        '{"constructor":{"prototype":{"polluted":true}}}',
      ],
      [
        "__proto__ in an account (YAML)",
        "application/yaml",
        "name: x\naccounts:\n  - id: a\n    __proto__: {polluted: true}\n",
      ],
      ["a 900 KB name", "application/json", toJsonText({ ...dev, name: "n".repeat(900_000) })],
      [
        "a 200 KB account name with combining marks",
        "application/json",
        toJsonText({
          ...dev,
          accounts: [
            { ...((dev.accounts as object[])[0] as object), name: "e\u0301".repeat(100_000) },
          ],
        }),
      ],
      ["a lone surrogate (JSON escape)", "application/json", '{"name":"\\ud800"}'],
      ["invalid UTF-8 (JSON)", "application/json", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])],
      ["invalid UTF-8 (YAML)", "application/yaml", Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28])],
      ["UTF-16 bytes", "application/json", Buffer.from('{"name":"x"}', "utf16le")],
      ["a BOM", "application/json", `\ufeff${toJsonText(dev)}`],
      ["only whitespace (JSON)", "application/json", "   "],
      ["only whitespace (YAML)", "application/yaml", "   "],
      ["a JSON string", "application/json", '"just a string"'],
      ["a JSON number", "application/json", "1e400"],
    ];
    for (const [label, type, payload] of cases) {
      it(label, async () => {
        for (const route of TOPOLOGY_ROUTES) {
          for (const query of route === "/v1/diagram" ? ["", "?format=ascii&costs=true"] : [""]) {
            await send({
              url: `${route}${query}`,
              headers: { "content-type": type },
              payload,
              label: `${label} → ${route}${query}`,
            });
          }
        }
      });
    }
  });

  it("the answer check itself rejects a 5xx, a stack trace and a non-problem error", () => {
    const problem = (status: number, extra: object = {}) =>
      JSON.stringify({
        type: "https://linkplan.dev/problems/x",
        title: "X",
        status,
        detail: "d",
        code: "x",
        ...extra,
      });
    const json = { "content-type": "application/problem+json; charset=utf-8" };
    expect(() =>
      checkClientAnswer({ statusCode: 422, headers: json, body: problem(422) }, "ok"),
    ).not.toThrow();
    expect(() =>
      checkClientAnswer({ statusCode: 500, headers: json, body: problem(500) }, "5xx"),
    ).toThrow(/5xx/);
    expect(() =>
      checkClientAnswer(
        { statusCode: 400, headers: json, body: problem(400, { detail: "x\n    at f (a.ts:1)" }) },
        "stack",
      ),
    ).toThrow(/stack trace/);
    expect(() =>
      checkClientAnswer(
        { statusCode: 400, headers: { "content-type": "application/json" }, body: "{}" },
        "type",
      ),
    ).toThrow(/problem\+json/);
    expect(() =>
      checkClientAnswer({ statusCode: 404, headers: json, body: problem(400) }, "status"),
    ).toThrow(/malformed problem/);
  });

  it("sent at least 1,300 bodies, and polluted no prototype", () => {
    expect(sent).toBeGreaterThanOrEqual(1_300);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Array.prototype)).toEqual([]);
  });
});
