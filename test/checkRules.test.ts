import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, selectedRules } from "../src/check/check.js";
import { RULES } from "../src/check/rules.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { networkArb } from "./helpers/randomNetwork.js";
import { topologyArb } from "./helpers/randomTopology.js";
import { topologyOf, vpcTopology } from "./helpers/ruleCase.js";

describe("check", () => {
  it("lists the most severe findings first", () => {
    const open = vpcTopology(
      "loadBalancers: [{ id: nlb, type: network }]",
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, acceptanceRequired: false, allowedPrincipals: ["*"] }`,
    );
    const found = check(topologyOf(open));
    const ranks = found.map((f) => ["info", "warning", "error"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(found[0]?.rule).toBe("endpoint-service-open");
  });

  it("refuses an unknown rule id, naming it", () => {
    expect(() => selectedRules({ rules: ["nope"] })).toThrow(/unknown check rules/);
  });

  it("has a test file of its own for every rule (test/rules/<id>.test.ts), and none for another", () => {
    const own = readdirSync(new URL("./rules/", import.meta.url))
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.test\.ts$/, ""));
    expect(own.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("never throws on a valid topology", () => {
    fc.assert(
      fc.property(topologyArb, (doc) => {
        const findings = check(parseTopology(doc));
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("never throws on a valid topology with routes, security groups, workloads and AZ IDs", () => {
    const fired = new Set<string>();
    fc.assert(
      fc.property(networkArb, (doc) => {
        for (const finding of check(parseTopology(doc))) fired.add(finding.rule);
      }),
      { numRuns: 150 },
    );
    // the arbitrary reaches the rules that read those parts
    for (const rule of [
      "endpoint-sg-blocks-https",
      "gateway-endpoint-route-missing",
      "nat-cross-az",
    ])
      expect(fired).toContain(rule);
  });
});
