import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PROBLEMS } from "../src/core/capProblems.js";
import { DID_YOU_MEAN_LIMITS, type DistanceWork, didYouMean } from "../src/core/didYouMean.js";
import { inexactQuantity } from "../src/core/exactQuantity.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { checkTopology } from "../src/topology/checkTopology.js";
import { normalizeTopology } from "../src/topology/normalizeTopology.js";
import { parseTopology, parseTopologyDoc } from "../src/topology/parseTopology.js";
import { indexTopology } from "../src/topology/topologyIndex.js";
import { TopologySchema } from "../src/topology/topologySchema.js";
import { caught } from "./helpers/caught.js";
import { countReads } from "./helpers/countReads.js";
import { oneVpc } from "./helpers/topologies.js";

/**
 * parseTopology on hostile documents (issue 11): bounded work, exact or refused numbers,
 * at most 100 problems, never an engine message.
 */

/** A topology with one VPC "v" (us-east-1a) holding `extra`. */
const vpc = (extra: Record<string, unknown>): unknown => oneVpc(extra);

/** Levenshtein distance as didYouMean computed it before it was bounded (the reference). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

function unboundedDidYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

describe("did you mean", () => {
  it("suggests what the unbounded Levenshtein search suggested", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "A", "é"), maxLength: 24 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 30 }), (w, candidates) => {
        expect(didYouMean(w, candidates)).toBe(unboundedDidYouMean(w, candidates));
      }),
      { numRuns: 3000 },
    );
  });

  it("does a bounded amount of work per lookup, whatever the candidates", () => {
    // 50,000 ids of 64 characters that differ only at their end: every comparison runs
    // to its last row, and none is close enough to suggest
    const ids = Array.from(
      { length: 50_000 },
      (_, i) => `${"x".repeat(59)}${String(i).padStart(5, "0")}`,
    );
    const work: DistanceWork = { cells: 0 };
    expect(didYouMean(`${"y".repeat(30)}${"x".repeat(34)}`, ids, work)).toBeUndefined();
    // the cap, plus the one comparison that crossed it (64 rows of a band of 2 × 21 + 1)
    expect(work.cells).toBeGreaterThan(0);
    expect(work.cells).toBeLessThanOrEqual(DID_YOU_MEAN_LIMITS.maxCells + 64 * 43);
    // no suggestion, and no work, for words longer than 64 characters
    const long: DistanceWork = { cells: 0 };
    expect(didYouMean("x".repeat(65), ["x".repeat(64)], long)).toBeUndefined();
    expect(long.cells).toBe(0);
  });

  it("long unknown references among long ids: 100 lookups at most, each bounded", () => {
    // the reproducer (91 KB of long endpoint ids and unknown \`uses\`) took 17.8 s
    const id = (i: number, prefix: string) =>
      `${prefix}${String(i).padStart(5, "0")}-${"x".repeat(50)}`;
    const n = 2000;
    const doc = vpc({
      endpoints: Array.from({ length: n }, (_, i) => ({
        id: id(i, "e"),
        type: "gateway",
        service: "s3",
      })),
      workloads: [{ id: "w", uses: Array.from({ length: n }, (_, i) => id(i, "u")) }],
    });
    const work: DistanceWork = { cells: 0 };
    const problems = checkTopology(TopologySchema.parse(doc), work);
    expect(problems.count).toBe(n);
    // suggestions are looked for only for the problems listed
    expect(work.cells).toBeLessThanOrEqual(MAX_PROBLEMS * (DID_YOU_MEAN_LIMITS.maxCells + 64 * 43));
    const error = caught(() => parseTopology(doc));
    expect(error.message.split("\n")[0]).toBe("invalid topology (2,000 problems)");
    expect(error.problems).toHaveLength(101);
    expect(error.problems[0]).toEqual({
      path: "accounts[0].vpcs[0].workloads[0].uses[0]",
      message: `unknown endpoint "${id(0, "u")}" in VPC "v" (did you mean "${id(0, "e")}"?)`,
    });
    expect(error.problems[100]).toEqual({
      path: "",
      message: "… and 1,900 more problems not listed (at most 100 are)",
    });
  });
});

describe("semantic checks and normalization", () => {
  it("read each part of the document a bounded number of times", () => {
    // references of every kind, each into a list of n: checks that scanned the list for
    // each reference read n² elements
    const doc = (n: number) =>
      TopologySchema.parse({
        name: "t",
        accounts: [
          {
            id: "a",
            vpcs: [
              {
                id: "v",
                region: "us-east-1",
                azs: ["us-east-1a", "us-east-1b"],
                subnets: Array.from({ length: n }, (_, i) => ({
                  id: `s-${i}`,
                  az: i % 2 ? "us-east-1a" : "us-east-1b",
                  routeTable: `rt-${n - 1 - i}`,
                })),
                routeTables: Array.from({ length: n }, (_, i) => ({ id: `rt-${i}` })),
                securityGroups: Array.from({ length: n }, (_, i) => ({ id: `sg-${i}` })),
                endpoints: Array.from({ length: n }, (_, i) => ({
                  id: `e-${i}`,
                  type: "interface",
                  service: "sqs",
                  subnets: [`s-${n - 1 - i}`],
                  securityGroups: [`sg-${n - 1 - i}`],
                })),
                loadBalancers: Array.from({ length: n }, (_, i) => ({ id: `lb-${i}` })),
                natGateways: Array.from({ length: n }, (_, i) => ({
                  id: `nat-${i}`,
                  az: i % 2 ? "us-east-1a" : "us-east-1b",
                  subnet: `s-${n - 2 - i + 2 * (i % 2)}`,
                })),
                workloads: [{ id: "w", uses: Array.from({ length: n }, (_, i) => `e-${i}`) }],
              },
            ],
            endpointServices: Array.from({ length: n }, (_, i) => ({
              id: `svc-${i}`,
              vpc: "v",
              loadBalancer: `lb-${n - 1 - i}`,
            })),
          },
        ],
      });
    const readsOf = (n: number) => {
      const { view, reads } = countReads(doc(n));
      expect(checkTopology(view).problems).toEqual([]);
      normalizeTopology(view, indexTopology(view));
      return reads();
    };
    const small = readsOf(200);
    expect(readsOf(2000)).toBeLessThanOrEqual(11 * small);
  });
});

describe("schema validation", () => {
  it("130,000 wrong items in one list: 422 with 100 problems, not a stack overflow", () => {
    // zod gathers a container's issues with push(...childIssues): past ~120,000 it threw
    // "Maximum call stack size exceeded" (the CLI said "internal error", the API 500)
    const cidrs = Array.from({ length: 130_000 }, (_, i) => i % 10);
    const error = caught(() =>
      parseTopology(vpc({ securityGroups: [{ id: "g", ingress: [{ cidrs }] }] })),
    );
    expect(error.code).toBe("invalid_topology");
    expect(error.message.split("\n")[0]).toBe("invalid topology (at least 19,983 problems)");
    expect(error.problems).toHaveLength(101);
    expect(error.problems[0]).toEqual({
      path: "accounts[0].vpcs[0].securityGroups[0].ingress[0].cidrs[0]",
      message: "expected a string, got a number (0)",
    });
    expect(error.problems[100]).toEqual({
      path: "",
      message:
        "… and 19,883 more problems not listed (at most 100 are); only the first 20,000 of the document's 130,017 values were checked in detail, there may be more problems",
    });
  });

  it("a problem past the part checked in detail is still reported", () => {
    const cidrs = Array.from({ length: 30_000 }, () => "10.0.0.0/8");
    const error = caught(() =>
      parseTopology(
        vpc({ securityGroups: [{ id: "g", ingress: [{ cidrs }] }], workloads: [{ id: "W" }] }),
      ),
    );
    expect(error.problems).toEqual([
      {
        path: "accounts[0].vpcs[0].workloads[0].id",
        message:
          'must be lowercase letters, digits and dashes (e.g. shared-api), got a string ("W")',
      },
      {
        path: "",
        message:
          "… only the first 20,000 of the document's 30,020 values were checked in detail, there may be more problems",
      },
    ]);
  });

  it("unknown keys: the first 10 are named, the rest counted", () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1]));
    const error = caught(() =>
      parseTopology(vpc({ endpoints: [{ id: "s3", type: "gateway", service: "s3", ...keys }] })),
    );
    expect(error.problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: `${Array.from({ length: 10 }, (_, i) => `unknown key "k${i}"`).join("; ")}; and 4,990 more unknown keys`,
      },
    ]);
  });

  it("nesting deeper than 64 levels is refused before zod, naming the path", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const error = caught(() =>
      parseTopologyDoc(
        vpc({ endpoints: [{ id: "s3", type: "gateway", service: "s3", policy: { deep } }] }),
      ),
    );
    expect(error.code).toBe("nesting_too_deep");
    expect(error.message).toBe(
      `the document is nested too deeply\n  accounts[0].vpcs[0].endpoints[0].policy.deep${"[0]".repeat(56)}: lists and mappings are nested more than 64 levels deep here; linkplan accepts at most 64`,
    );
  });

  it("anything unexpected becomes a LinkplanError without the engine's message", () => {
    const hostile = {
      get name(): string {
        throw new RangeError("Maximum call stack size exceeded");
      },
      accounts: [],
    };
    const error = caught(() => parseTopology(hostile));
    expect(error.code).toBe("invalid_topology");
    expect(error.message).toBe(
      "the topology could not be checked\n  it exceeds what linkplan can check; make it smaller or simpler",
    );
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

describe("quantities are exact or refused", () => {
  it("names the value and the precision", () => {
    expect(inexactQuantity(0.0000004)).toBe(
      "0.0000004 has more than 6 decimals; linkplan keeps quantities to 0.000001",
    );
    // what JSON.parse or YAML reads for 123456789012345678901
    expect(inexactQuantity(Number("123456789012345678901"))).toBe(
      "123456789012345680000 has more than 15 significant digits; linkplan keeps quantities exactly only up to 15 (a longer number may already differ from the one written)",
    );
    expect(inexactQuantity(1234567890.123456)).toBe(
      "1234567890.123456 has more than 15 significant digits; linkplan keeps quantities exactly only up to 15 (a longer number may already differ from the one written)",
    );
    expect(inexactQuantity(Number.POSITIVE_INFINITY)).toBe("Infinity is not a finite number");
    for (const exact of [0, 0.000001, 0.1, 0.3, 730, 999_999_999.999999, 1e20, 1e300])
      expect(inexactQuantity(exact), String(exact)).toBeUndefined();
  });

  it("every quantity field of a topology is checked", () => {
    const text = `name: t
hoursPerMonth: 729.9999999
accounts:
  - id: a
    vpcs:
      - id: v
        region: us-east-1
        azs: [us-east-1a]
        endpoints:
          - id: s3
            type: gateway
            service: s3
            gbPerMonth: 0.0000004
            trafficSources: [{ az: us-east-1a, gbPerMonth: 123456789012345678901 }]
        natGateways:
          - { id: n, az: us-east-1a, destinations: [{ service: s3, gbPerMonth: 1e-7 }] }
        loadBalancers:
          - id: nlb
            traffic: { newConnectionsPerSecond: 0.5, activeConnections: 1.0000001 }
    hostedZones:
      - { id: z, name: x.internal, vpcs: [v], queriesPerMonth: 2.5e-9 }
`;
    const error = caught(() => parseTopology(parseDocument(text)));
    const decimals = "has more than 6 decimals; linkplan keeps quantities to 0.000001";
    expect(error.problems).toEqual([
      { path: "hoursPerMonth", message: `729.9999999 ${decimals}` },
      { path: "accounts[0].vpcs[0].endpoints[0].gbPerMonth", message: `0.0000004 ${decimals}` },
      {
        path: "accounts[0].vpcs[0].endpoints[0].trafficSources[0].gbPerMonth",
        message:
          "123456789012345680000 has more than 15 significant digits; linkplan keeps quantities exactly only up to 15 (a longer number may already differ from the one written)",
      },
      {
        path: "accounts[0].vpcs[0].natGateways[0].destinations[0].gbPerMonth",
        message: `0.0000001 ${decimals}`,
      },
      {
        path: "accounts[0].vpcs[0].loadBalancers[0].traffic.activeConnections",
        message: `1.0000001 ${decimals}`,
      },
      { path: "accounts[0].hostedZones[0].queriesPerMonth", message: `0.0000000025 ${decimals}` },
    ]);
  });
});

describe("endpoint policies", () => {
  it('a "__proto__" key round-trips, as every other key of the JSON document', () => {
    const text = `name: t
accounts:
  - id: a
    vpcs:
      - id: v
        region: us-east-1
        azs: [us-east-1a]
        endpoints:
          - id: s3
            type: gateway
            service: s3
            policy: { Version: "2012-10-17", __proto__: { Statement: x } }
`;
    const policyOf = (data: unknown) => {
      const endpoint = parseTopologyDoc(data).accounts[0]?.vpcs[0]?.endpoints[0];
      return endpoint?.type === "gateway" ? endpoint.policy : undefined;
    };
    const policy = policyOf(parseDocument(text));
    expect(JSON.stringify(policy)).toBe('{"Version":"2012-10-17","__proto__":{"Statement":"x"}}');
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    // the same from JSON.parse (what the API's JSON parser would give, were __proto__ allowed)
    const fromJson = policyOf(JSON.parse(JSON.stringify(parseDocument(text))));
    expect(JSON.stringify(fromJson)).toBe('{"Version":"2012-10-17","__proto__":{"Statement":"x"}}');
  });
});
