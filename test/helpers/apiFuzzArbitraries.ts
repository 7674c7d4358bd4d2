import fc from "fast-check";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { LabelledRequest } from "./apiKit.js";
import { exampleYaml } from "./examples.js";

/** One request the fuzz tests send. */
export type FuzzRequest = LabelledRequest;

export const TOPOLOGY_ROUTES = ["/v1/estimate", "/v1/validate", "/v1/diagram"] as const;

const FUZZ_EXAMPLES = [
  "consumer-provider",
  "dev",
  "endpoints-module",
  "provider-service",
  "s3-gateway-policy",
  "saas-monitoring",
  "shared-services",
  "prod",
  "spokes",
];

/** The examples as plain data (parsed once; clone before changing). */
const BASES: Record<string, string> = Object.fromEntries(
  FUZZ_EXAMPLES.map((name) => [name, JSON.stringify(parseYaml(exampleYaml(name)))]),
);

/** A fresh copy of an example topology. */
export function exampleData(name: string): unknown {
  const text = BASES[name];
  if (text === undefined) throw new Error(`no example ${name}`);
  return JSON.parse(text);
}

// ---- values -------------------------------------------------------------------------------

/** Marks a value to be replaced, in the serialized text, by n nested empty lists. */
const DEEP = (n: number) => `\u0000deep:${n}\u0000`;

function nestedLists(n: number): string {
  return `${"[".repeat(n)}${"]".repeat(n)}`;
}

/** Replace the DEEP markers (as JSON.stringify and YAML stringify quote them). */
function expandDeep(text: string): string {
  return text
    .replace(/"\\u0000deep:(\d+)\\u0000"/g, (_m, n: string) => nestedLists(Number(n)))
    .replace(/"\\0deep:(\d+)\\0"/g, (_m, n: string) => nestedLists(Number(n)));
}

/** Keys that poison prototypes when assigned carelessly. */
export const POISON_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

/** Strings that look like numbers, nothing, or a path. */
const TRICKY_STRINGS = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "-0",
  "0x10",
  "0o17",
  "1_000",
  "null",
  "undefined",
  "true",
  "~",
  "\u0000",
  "\ud800",
  "\u202e",
  "👩‍👩‍👧‍👦",
  "e\u0301",
  "<script>alert(1)</script>",
  "]]></svg>",
  '"; DROP TABLE',
  "%s%n",
  "../../etc/passwd",
  "us-east-1",
  "us-east-1a",
  "eu-west-2b",
  "mars-north-9",
  "10.0.0.0/16",
  "10.0.0.0/33",
  "0.0.0.0/0",
  "999.1.1.1/8",
  "::/0",
  "interface",
  "gateway",
  "gatewayLoadBalancer",
  "private",
  "public",
  "s3",
  "dynamodb",
  "com.amazonaws.us-east-1.s3",
  ...POISON_KEYS,
];

/** Numbers at the edges. */
const TRICKY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  730,
  744,
  745,
  65535,
  65536,
  2 ** 31,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER,
];

/** A value of the wrong kind, or at an edge: what replaces fields of a valid topology. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...TRICKY_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [{}]) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 300_000 }), fc.constantFrom("x", "é", "😀", "-", " "))
      .map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 10_000 }).map(DEEP) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom("a", "s3", "private-a", "vpc-endpoints", ""), {
      maxLength: 5,
    }),
  },
);

// ---- mutations of a valid topology --------------------------------------------------------

type Path = (string | number)[];

/** Every path into a value (objects and arrays), the root included. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Set an own property, even "__proto__" (plain assignment would change the prototype). */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export type Mutation =
  | { op: "delete"; pick: number }
  | { op: "replace"; pick: number; value: unknown }
  | { op: "duplicate"; pick: number }
  | { op: "wrap"; pick: number }
  | { op: "addKey"; pick: number; key: string; value: unknown }
  | { op: "swap"; pick: number; other: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("replace" as const), pick: fc.nat(), value: weirdValue }),
  fc.record({ op: fc.constant("duplicate" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("wrap" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("addKey" as const),
    pick: fc.nat(),
    key: fc.oneof(
      fc.constantFrom(...POISON_KEYS, "id", "type", "extra", ""),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    ),
    value: weirdValue,
  }),
  fc.record({ op: fc.constant("swap" as const), pick: fc.nat(), other: fc.nat() }),
);

/** Apply mutations to a (fresh) document; returns the new root. */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root = doc;
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.pick % paths.length] ?? [];
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const parent = key === undefined ? undefined : (at(root, parentPath) as object);
    const current = at(root, path);
    const put = (value: unknown) => {
      if (parent === undefined || key === undefined) root = value;
      else setOwn(parent, key, value);
    };
    switch (m.op) {
      case "delete":
        if (parent === undefined || key === undefined) root = undefined;
        else if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
        else delete (parent as Record<string, unknown>)[key];
        break;
      case "replace":
        // a copy: a later mutation may change what it inserted, and fast-check hands the
        // same value to the shrinking runs (a cycle came back from one of them)
        put(structuredClone(m.value));
        break;
      case "duplicate":
        if (Array.isArray(parent) && typeof key === "number")
          parent.splice(key, 0, JSON.parse(JSON.stringify(current ?? null)));
        else if (Array.isArray(current) && current.length > 0)
          current.push(JSON.parse(JSON.stringify(current[0] ?? null)));
        break;
      case "wrap":
        put(m.pick % 2 === 0 ? [current] : { value: current });
        break;
      case "addKey":
        if (current !== null && typeof current === "object" && !Array.isArray(current))
          setOwn(current, m.key, structuredClone(m.value));
        else put({ [m.key]: structuredClone(m.value) });
        break;
      case "swap": {
        const other = paths[m.other % paths.length] ?? [];
        const otherKey = other[other.length - 1];
        if (otherKey === undefined || key === undefined) break;
        const otherValue = at(root, other);
        // swapping a value into its own descendant would make a cycle
        if (other.length > path.length || path.length > other.length) {
          const [short, long] = other.length < path.length ? [other, path] : [path, other];
          if (short.every((k, i) => long[i] === k)) break;
        }
        put(otherValue);
        setOwn(at(root, other.slice(0, -1)) as object, otherKey, current);
        break;
      }
    }
  }
  return root;
}

/** A label a user may well type: unicode, markup, control characters, very long. */
export const hostileLabel: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS.filter((t) => t.trim().length > 0)),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc
    .tuple(
      fc.integer({ min: 200, max: 20_000 }),
      fc.constantFrom("x", "é", "😀", "<&>", "--", "\n"),
    )
    .map(([n, c]) => c.repeat(n)),
);

/**
 * A traffic figure: a valid number of GB (an exact quantity: at most 6 decimals and 15
 * significant digits), possibly huge or tiny.
 */
export const traffic: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 0.000001, 0.1, 1e6, 1e15, 1e300, 999_999_999.999999),
  fc.bigInt({ min: 0n, max: 999_999_999_999_999n }).map((n) => Number(n) / 1e6),
);

/**
 * Give every name and description of a document (but DNS names) a hostile label and every gbPerMonth a
 * traffic figure (drawn in order from the lists given, cycling); the topology stays valid.
 */
export function relabel(
  doc: unknown,
  labels: readonly string[],
  figures: readonly number[],
): unknown {
  let l = 0;
  let f = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        // hosted zone and record names are DNS names, not labels
        if (key === "hostedZones") continue;
        // NAT destinations are shares of the gateway's new traffic figure: drop them
        if (key === "destinations") {
          record[key] = [];
          continue;
        }
        if (
          (key === "name" || key === "description") &&
          typeof value === "string" &&
          labels.length > 0
        )
          record[key] = labels[l++ % labels.length];
        else if (key === "gbPerMonth" && typeof value === "number" && figures.length > 0)
          record[key] = figures[f++ % figures.length];
        else walk(value);
      }
    }
  };
  walk(doc);
  return doc;
}

// ---- serializing ----------------------------------------------------------------------------

/** JSON text of a value, with deep-nesting markers expanded; undefined becomes "null". */
export function toJsonText(value: unknown): string {
  return expandDeep(JSON.stringify(value) ?? "null");
}

/** YAML text of a value, with deep-nesting markers expanded (as flow sequences). */
export function toYamlText(value: unknown): string {
  return expandDeep(stringifyYaml(value ?? null, { lineWidth: 0 }));
}

// ---- query strings --------------------------------------------------------------------------

const INVALID_QUERY_VALUES = [
  "",
  "SVG",
  "png",
  "yes",
  "2",
  "-1",
  "%00",
  "%ZZ",
  "%E2%80%AE",
  "a%20b",
  "__proto__",
  "x".repeat(5_000),
];

/** A query value: valid ones weighted `validWeight` to 1 against invalid ones. */
const queryValue = (valid: readonly string[], validWeight: number) =>
  fc.oneof(
    { weight: validWeight, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_QUERY_VALUES) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }).map(encodeURIComponent),
    },
  );

const FLAG = ["true", "false", "1", "0"];

function paramsFor(route: string, validWeight: number): fc.Arbitrary<Record<string, string>> {
  const v = (valid: readonly string[]) => queryValue(valid, validWeight);
  if (route === "/v1/diagram") {
    return fc.record(
      {
        format: v(["ascii", "mermaid", "svg"]),
        detail: v(["accounts", "vpcs", "azs", "subnets"]),
        charset: v(["unicode", "ascii"]),
        theme: v(["light", "dark"]),
        costs: v(FLAG),
        securityGroups: v(FLAG),
        routeTables: v(FLAG),
        hostedZones: v(FLAG),
        // unknown parameters are ignored
        __proto__: v(["x"]),
        constructor: v(["x"]),
      },
      { requiredKeys: [] },
    );
  }
  if (route === "/v1/estimate") {
    return fc.record(
      {
        hoursPerMonth: v(["720", "730", "744", "1", "0.5", "1e2", "0x10"]),
        extra: v(["1"]),
      },
      { requiredKeys: [] },
    );
  }
  return fc.record({ extra: v(["1"]) }, { requiredKeys: [] });
}

/**
 * A query string for a route. `mostlyValid`: almost always parameters the route accepts (so
 * the body is what gets tested); otherwise often invalid, repeated or bare parameters.
 */
export function queryFor(route: string, mostlyValid: boolean): fc.Arbitrary<string> {
  const oddities = mostlyValid
    ? fc.constant<[boolean, boolean]>([false, false])
    : fc.tuple(fc.boolean(), fc.boolean());
  return fc
    .tuple(paramsFor(route, mostlyValid ? 60 : 3), oddities)
    .map(([record, [repeat, bare]]) => {
      const parts = Object.entries(record).map(([k, v]) => `${k}=${v}`);
      if (repeat && parts[0] !== undefined) parts.push(parts[0]);
      if (bare) parts.push("costs");
      return parts.length > 0 ? `?${parts.join("&")}` : "";
    });
}

/** A topology route and a query for it: mostly valid. */
export const routeAndQuery: fc.Arbitrary<string> = fc
  .constantFrom(...TOPOLOGY_ROUTES)
  .chain((route) => queryFor(route, true).map((query) => `${route}${query}`));

/** A topology route and a query for it: often invalid. */
export const routeAndAnyQuery: fc.Arbitrary<string> = fc
  .constantFrom(...TOPOLOGY_ROUTES)
  .chain((route) => queryFor(route, false).map((query) => `${route}${query}`));

export const exampleName = fc.constantFrom(...FUZZ_EXAMPLES);

/** Content types: mostly JSON and YAML, sometimes with parameters, sometimes unsupported. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("application/json", "application/yaml") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      "application/x-yaml",
      "text/yaml; charset=utf-8",
      "text/x-yaml",
      "APPLICATION/JSON",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      "",
      "text/plain",
      "text/csv",
      "application/octet-stream",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/merge-patch+json",
      ";;;",
      "application/json; charset=utf-16",
    ),
  },
);

// ---- YAML nasties ---------------------------------------------------------------------------

/** An alias bomb: `levels` levels of `width` aliases to the level below. */
function aliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(",")}]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(",")}]`,
    );
  return `${lines.join("\n")}\nname: *l${levels}\naccounts: [{id: a}]\n`;
}

/** YAML documents that attack the parser or use its odd corners. */
export const nastyYaml: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 12 }))
    .map(([levels, width]) => aliasBomb(levels, width)),
  fc.integer({ min: 10, max: 10_000 }).map((n) => `name: x\naccounts: ${nestedLists(n)}\n`),
  fc.integer({ min: 10, max: 10_000 }).map((n) => `name: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`),
  fc
    .integer({ min: 10, max: 400 })
    .map((n) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(i * 2)}- `).join("\n")}x`),
  fc.constantFrom(
    "a: &a {b: *a}\n",
    "&a [*a]\n",
    "name: !!js/function 'function () { return 1 }'\naccounts: []\n",
    "name: !!binary aGVsbG8=\naccounts: [{id: a}]\n",
    "name: !!set {a, b}\naccounts: [{id: a}]\n",
    "name: !!omap [{a: 1}]\naccounts: [{id: a}]\n",
    "name: !!timestamp 2001-12-14t21:59:43.10-05:00\naccounts: [{id: a}]\n",
    "name: !custom x\naccounts: [{id: a}]\n",
    "name: !!int 0x10\naccounts: [{id: a}]\n",
    "name: x\nhoursPerMonth: .nan\naccounts: [{id: a}]\n",
    "name: x\nhoursPerMonth: .inf\naccounts: [{id: a}]\n",
    "name: x\nhoursPerMonth: 1e400\naccounts: [{id: a}]\n",
    "name: x\nhoursPerMonth: 0o777\naccounts: [{id: a}]\n",
    "base: &b {id: a}\nname: x\naccounts: [{<<: *b}]\n",
    "name: x\naccounts: [{id: a}]\n---\nname: y\naccounts: [{id: b}]\n",
    "---\n...\n",
    "",
    "   \n\t\n",
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\nname: x\n",
    "__proto__: {polluted: true}\nname: x\naccounts: [{id: a}]\n",
    "name: x\naccounts: [{id: a, __proto__: {polluted: true}}]\n",
    "constructor: {prototype: {polluted: true}}\nname: x\naccounts: [{id: a}]\n",
    "%YAML 1.1\n---\nname: yes\naccounts: [{id: a}]\n",
    "%TAG ! tag:example.com,2000:\n---\nname: !foo x\n",
    "name: 'unterminated\n",
    "name: x\n\taccounts: []\n",
    "\ufeffname: x\naccounts: [{id: a}]\n",
    "name: x\naccounts: [{id: a}]\nname: y\n",
    "[1, 2, 3]\n",
    "just a string\n",
    "42\n",
    "null\n",
  ),
);
