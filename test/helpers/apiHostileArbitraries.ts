import fc from "fast-check";
import {
  exampleData,
  exampleName,
  type FuzzRequest,
  toJsonText,
  toYamlText,
} from "./apiFuzzArbitraries.js";
import { oneVpc } from "./topologies.js";

/**
 * The hostile shapes of issue 11 as fast-check arbitraries of whole requests: deep
 * nesting, huge flat lists, YAML anchors reused by many aliases, long ids with unknown
 * references, control characters in names and headers, 100 KB URLs. Sizes stay where one
 * request takes milliseconds, so thousands run in seconds; the hand-picked maximal ones
 * live in the tests.
 */

type Doc = Record<string, unknown>;

const ROUTES = [
  "/v1/validate",
  "/v1/estimate",
  "/v1/estimate?hoursPerMonth=720",
  "/v1/diagram?format=ascii",
  "/v1/diagram?format=mermaid",
  "/v1/diagram?format=svg&costs=true",
] as const;
const route = fc.constantFrom(...ROUTES);
const syntax = fc.constantFrom("json", "yaml");

const typeOf = (format: string) => ({ "content-type": `application/${format}` });
const textOf = (format: string, doc: unknown) =>
  format === "json" ? toJsonText(doc) : toYamlText(doc);

/** The first VPC of an example (every fuzz example has one), to plant things in. */
function firstVpc(doc: Doc): Doc {
  for (const account of doc.accounts as Doc[]) {
    const [vpc] = (account.vpcs as Doc[] | undefined) ?? [];
    if (vpc) return vpc;
  }
  throw new Error("example without a VPC");
}

/** The first endpoint of the first VPC (a new one when it has none). */
function firstEndpoint(doc: Doc): Doc {
  const vpc = firstVpc(doc);
  const endpoints = (vpc.endpoints as Doc[] | undefined) ?? [];
  vpc.endpoints = endpoints;
  const [first] = endpoints;
  if (first) return first;
  const created: Doc = { id: "e", type: "gateway", service: "s3" };
  endpoints.push(created);
  return created;
}

/** `[[[…]]]` or `{"a":{"a":…}}` `depth` levels deep, as JSON text. */
function nested(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Deep nesting at the root or inside a field, valid or cut short (then a syntax error). */
export const deepNesting: fc.Arbitrary<FuzzRequest> = fc
  .record({
    name: exampleName,
    depth: fc.integer({ min: 30, max: 5_000 }),
    kind: fc.constantFrom("array", "object") as fc.Arbitrary<"array" | "object">,
    where: fc.constantFrom("root", "name", "accounts", "policy", "gbPerMonth", "transform"),
    cut: fc.boolean(),
    format: syntax,
    url: route,
  })
  .map(({ name, depth, kind, where, cut, format, url }) => {
    const deep = nested(depth, kind);
    const marker = "\u0001deep\u0001";
    const doc = exampleData(name) as Doc;
    const endpoint = firstEndpoint(doc);
    if (where === "name") doc.name = marker;
    if (where === "accounts") doc.accounts = marker;
    if (where === "transform") doc.transform = marker;
    if (where === "policy") endpoint.policy = { Statement: marker };
    if (where === "gbPerMonth") endpoint.gbPerMonth = marker;
    // JSON is YAML: the deep part is JSON text in either syntax
    let text =
      where === "root"
        ? deep
        : textOf(format, doc).replace(/"\\u0001deep\\u0001"|"\\x01deep\\x01"/, deep);
    if (cut) text = text.slice(0, Math.max(1, text.length - 1 - (depth % 7)));
    return {
      url,
      headers: typeOf(format),
      payload: text,
      label: `POST ${url} ${format} ${kind}s ${depth} deep at ${where}${cut ? " (cut)" : ""}`,
    };
  });

/** A long flat list where the schema wants a few items (or a list of lists). */
export const hugeFlatList: fc.Arbitrary<FuzzRequest> = fc
  .record({
    name: exampleName,
    length: fc.integer({ min: 1_000, max: 10_000 }),
    field: fc.constantFrom(
      "cidrs",
      "azs",
      "accounts",
      "securityGroups",
      "trafficSources",
      "numbers",
    ),
    format: syntax,
    url: route,
  })
  .map(({ name, length, field, format, url }) => {
    const doc = exampleData(name) as Doc;
    const vpc = firstVpc(doc);
    const endpoint = firstEndpoint(doc);
    const many = <T>(f: (i: number) => T) => Array.from({ length }, (_, i) => f(i));
    if (field === "cidrs") vpc.cidr = many((i) => i);
    if (field === "azs") vpc.azs = many((i) => `us-east-1${"abcdef"[i % 6]}`);
    if (field === "accounts") doc.accounts = many(() => ({}));
    if (field === "securityGroups") endpoint.securityGroups = many((i) => `sg-${i}`);
    if (field === "trafficSources") endpoint.trafficSources = many(() => ({ gbPerMonth: 1 }));
    if (field === "numbers") doc.name = many((i) => i * 1.5);
    return {
      url,
      headers: typeOf(format),
      payload: textOf(format, doc),
      label: `POST ${url} ${format} ${length} items in ${field}`,
    };
  });

/** One anchored node reused by up to 99 aliases, in places that expand into real content. */
export const aliasReuse: fc.Arbitrary<FuzzRequest> = fc
  .record({
    items: fc.integer({ min: 1, max: 200 }),
    aliases: fc.integer({ min: 2, max: 99 }),
    where: fc.constantFrom("endpoints", "vpcs", "subnets", "name"),
    url: route,
  })
  .map(({ items, aliases, where, url }) => {
    const list = Array.from({ length: items }, (_, i) =>
      where === "subnets"
        ? `{id: s${i}, az: us-east-1a}`
        : `{id: e${i}, type: gateway, service: s3}`,
    ).join(", ");
    const reuse = Array.from({ length: aliases }, () => "*x").join(", ");
    let text: string;
    if (where === "name") {
      text = `name: &x [${list}]\nalso: [${reuse}]\naccounts: []\n`;
    } else if (where === "vpcs") {
      text = `name: t\nshared: &x {id: v, region: us-east-1, azs: [us-east-1a], endpoints: [${list}]}\naccounts:\n  - id: a\n    vpcs: [${reuse}]\n`;
    } else {
      text = `name: t\naccounts:\n  - id: a\n    vpcs:\n      - id: v\n        region: us-east-1\n        azs: [us-east-1a]\n        ${where}: &x [${list}]\n      - id: w\n        region: us-east-1\n        azs: [us-east-1a]\n        ${where}: [${reuse}]\n`;
    }
    return {
      url,
      headers: { "content-type": "application/yaml" },
      payload: text,
      label: `POST ${url} yaml: ${items} items anchored, ${aliases} aliases, in ${where}`,
    };
  });

/** Endpoints with long ids and references to ids that do not exist (did-you-mean food). */
export const longIdsUnknownRefs: fc.Arbitrary<FuzzRequest> = fc
  .record({
    count: fc.integer({ min: 1, max: 12 }),
    length: fc.integer({ min: 20, max: 150 }),
    format: syntax,
    url: route,
  })
  .map(({ count, length, format, url }) => {
    const id = (p: string, i: number) => `${p}${i}`.padEnd(length, "x");
    const doc = oneVpc(
      {
        routeTables: Array.from({ length: count }, (_, i) => ({ id: id("rt", i) })),
        endpoints: Array.from({ length: count }, (_, i) => ({
          id: id("e", i),
          type: "gateway",
          service: "s3",
          routeTables: [id("tr", i)],
        })),
        workloads: [
          {
            id: "app",
            az: "us-east-1a",
            uses: Array.from({ length: count }, (_, i) => id("f", i)),
          },
        ],
      },
      "long ids",
    );
    return {
      url,
      headers: typeOf(format),
      payload: textOf(format, doc),
      label: `POST ${url} ${format}: ${count} long ids (${length} chars) with unknown references`,
    };
  });

/** Control characters, escape sequences and bidi overrides in names (a valid topology). */
export const controlCharacterNames: fc.Arbitrary<FuzzRequest> = fc
  .record({
    name: exampleName,
    label: fc.oneof(
      fc.string({
        unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 40,
      }),
      fc.constantFrom(
        "\u001b[31mred\u001b[0m",
        "\u001b]0;title\u0007",
        "a\bb\rc\nd",
        "\u202eevil",
        "x\u200by",
        "\u0000",
      ),
    ),
    format: syntax,
    url: route,
  })
  .map(({ name, label, format, url }) => {
    const doc = exampleData(name) as Doc;
    doc.name = label;
    firstVpc(doc).name = label;
    return {
      url,
      headers: typeOf(format),
      payload: textOf(format, doc),
      label: `POST ${url} ${format} ${name} named ${JSON.stringify(label)}`,
    };
  });

/** Content types with control characters, odd parameters or garbage. */
export const hostileContentType: fc.Arbitrary<FuzzRequest> = fc
  .record({
    base: fc.constantFrom("application/json", "application/yaml", "text/yaml", ""),
    junk: fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      maxLength: 12,
    }),
    where: fc.constantFrom("after", "before", "param"),
    url: route,
  })
  .map(({ base, junk, where, url }) => {
    const type =
      where === "after"
        ? `${base}${junk}`
        : where === "before"
          ? `${junk}${base}`
          : `${base}; ${junk}=${junk}`;
    return {
      url,
      headers: { "content-type": type },
      payload: toJsonText(exampleData("dev")),
      label: `POST ${url} content-type ${JSON.stringify(type)}`,
    };
  });

/** URLs of up to 100 KB: long paths, long query values, many parameters. */
export const longUrl: fc.Arbitrary<FuzzRequest> = fc
  .record({
    size: fc.integer({ min: 1_000, max: 100_000 }),
    kind: fc.constantFrom("path", "value", "params", "encoded"),
    url: route,
  })
  .map(({ size, kind, url }) => {
    const [path = "", query] = url.split("?");
    const long =
      kind === "path"
        ? `${path}/${"a".repeat(size)}`
        : kind === "value"
          ? `${path}?format=${"x".repeat(size)}`
          : kind === "params"
            ? `${path}?${Array.from({ length: Math.floor(size / 6) }, (_, i) => `p${i}=1`).join("&")}`
            : `${path}?${query ?? "a=1"}&x=${"%ff".repeat(Math.floor(size / 3))}`;
    return {
      url: long,
      headers: { "content-type": "application/json" },
      payload: toJsonText(exampleData("dev")),
      label: `POST ${kind} URL of ${long.length} chars`,
    };
  });
