import { describe, expect, it } from "vitest";
import { LinkplanError } from "../src/core/linkplanError.js";
import { walkItems } from "../src/diagram/graph/diagramGraph.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { parseTopology, parseTopologyDoc } from "../src/topology/parseTopology.js";
import { isNormalized, normalized, toDoc } from "../src/topology/topologyForm.js";

/** Two VPCs sharing one private zone; `api` exists in both, `only-a` in the first only. */
function zoneDoc(alias: string) {
  const vpc = (id: string, endpoints: string[]) => ({
    id,
    region: "eu-west-2",
    cidr: id === "a" ? "10.1.0.0/16" : "10.2.0.0/16",
    azs: ["eu-west-2a"],
    endpoints: endpoints.map((e) => ({ id: e, type: "interface", service: "sts" })),
  });
  return {
    name: "zones",
    accounts: [
      {
        id: "acct",
        vpcs: [vpc("a", ["api", "only-a"]), vpc("b", ["api"])],
        hostedZones: [
          {
            id: "zone",
            name: "corp.internal",
            vpcs: ["b", "a"],
            records: [{ name: "x.corp.internal", type: "A", aliasToEndpoint: alias }],
          },
        ],
      },
    ],
  };
}

describe("the two topology forms", () => {
  it("tags the normalized form and tells the forms apart by the tag alone", () => {
    const doc = parseTopologyDoc(zoneDoc("only-a"));
    const topology = parseTopology(zoneDoc("only-a"));
    expect(topology.form).toBe("normalized");
    expect(isNormalized(topology)).toBe(true);
    expect(isNormalized(doc)).toBe(false);
    // a document that happens to carry fields of the normalized form is still a document
    expect(() => parseTopologyDoc({ ...zoneDoc("only-a"), form: "normalized" })).toThrow(
      LinkplanError,
    );
    expect(normalized(doc)).toEqual(topology);
    expect(toDoc(topology)).not.toHaveProperty("form");
    expect(parseTopology(toDoc(topology))).toEqual(topology);
  });
});

describe("endpoint references are resolved once, at normalization", () => {
  it('writes a bare alias target as "vpc/endpoint"', () => {
    const topology = parseTopology(zoneDoc("only-a"));
    const record = topology.accounts[0]?.hostedZones[0]?.records[0];
    expect(record?.aliasToEndpoint).toBe("a/only-a");
  });

  it("keeps a qualified target as written", () => {
    const topology = parseTopology(zoneDoc("b/api"));
    expect(topology.accounts[0]?.hostedZones[0]?.records[0]?.aliasToEndpoint).toBe("b/api");
  });

  it("rejects an ambiguous bare target, naming both VPCs", () => {
    try {
      parseTopology(zoneDoc("api"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LinkplanError);
      expect((error as LinkplanError).problems).toEqual([
        {
          path: "accounts[0].hostedZones[0].records[0].aliasToEndpoint",
          message: 'endpoint "api" is ambiguous: it exists in VPCs "b", "a"; write "vpc/api"',
        },
      ]);
    }
  });

  it("draws the alias edge to the endpoint the estimate resolved", () => {
    const graph = toGraph(parseTopology(zoneDoc("b/api")), { hostedZones: true });
    const aliases = graph.edges.filter((e) => e.kind === "alias");
    expect(aliases).toHaveLength(1);
    const ids = [...walkItems(graph.items)].map(({ item }) => item.id);
    expect(aliases[0]?.to).toBe("endpoint:b/api");
    expect(ids).toContain("endpoint:b/api");
  });
});
