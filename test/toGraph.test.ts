import { describe, expect, it } from "vitest";
import { type DiagramGraph, walkItems } from "../src/diagram/graph/diagramGraph.js";
import { type GraphOptions, toGraph } from "../src/diagram/graph/toGraph.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { exampleTopology } from "./helpers/examples.js";

/** The containment tree as indented "kind id" lines. */
function outline(graph: DiagramGraph): string[] {
  return [...walkItems(graph.items)].map(
    ({ item, depth }) => `${"  ".repeat(depth)}${item.kind} ${item.id}`,
  );
}

function edges(graph: DiagramGraph): string[] {
  return graph.edges.map((e) => `${e.kind} ${e.from} -> ${e.to}${e.label ? ` [${e.label}]` : ""}`);
}

function graphOf(name: string, options: GraphOptions = {}) {
  return toGraph(exampleTopology(name), options);
}

describe("toGraph", () => {
  it("draws the article's overview: consumer app → endpoint ⇒ provider endpoint service → NLB → service", () => {
    const graph = graphOf("consumer-provider");
    expect(outline(graph)).toEqual([
      "account account:consumer",
      "  region region:consumer/eu-west-2",
      "    vpc vpc:consumer-vpc",
      "      workload workload:consumer-vpc/app",
      "      interface-endpoint endpoint:consumer-vpc/your-service",
      "account account:provider",
      "  region region:provider/eu-west-2",
      "    vpc vpc:provider-vpc",
      "      load-balancer lb:provider-vpc/service-nlb",
      "      service target:provider-vpc/service-nlb",
      "      endpoint-service endpoint-service:your-service",
    ]);
    expect(edges(graph)).toEqual([
      "uses workload:consumer-vpc/app -> endpoint:consumer-vpc/your-service",
      "privatelink endpoint:consumer-vpc/your-service -> endpoint-service:your-service [PrivateLink]",
      "targets lb:provider-vpc/service-nlb -> target:provider-vpc/service-nlb",
      "targets endpoint-service:your-service -> lb:provider-vpc/service-nlb",
    ]);
  });

  it("at azs detail places one ENI per AZ and links the workload to the ENI in its AZ", () => {
    const graph = graphOf("saas-monitoring", { detail: "azs" });
    const lines = outline(graph);
    expect(lines).toContain("      az az:app-vpc/us-east-1a");
    expect(lines).toContain("        interface-endpoint eni:app-vpc/datadog/us-east-1a");
    expect(lines).toContain("        interface-endpoint eni:app-vpc/datadog/us-east-1b");
    expect(lines.at(-1)).toBe("  saas saas:com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef");
    expect(edges(graph)).toContain(
      "alias zone:datadoghq -> eni:app-vpc/datadog/us-east-1a [alias]",
    );
  });

  it("at subnets detail nests subnets inside AZs", () => {
    const lines = outline(graphOf("prod", { detail: "subnets" }));
    expect(lines).toContain("        subnet subnet:app-vpc/private-a");
    expect(lines).toContain("          interface-endpoint eni:app-vpc/ecr-api/eu-west-2a");
    expect(lines).toContain("          nat-gateway nat:app-vpc/nat-a");
  });

  it("at accounts detail summarises endpoints and keeps the PrivateLink fan-out", () => {
    const graph = graphOf("shared-services", { detail: "accounts" });
    expect(outline(graph).filter((l) => !l.startsWith("  "))).toEqual([
      "account account:shared-services",
      "account account:workload-a",
      "account account:workload-b",
      "account account:workload-c",
    ]);
    expect(edges(graph).filter((e) => e.startsWith("privatelink"))).toHaveLength(6);
  });

  it("shows route tables, security groups and hides hosted zones on request", () => {
    const withTables = graphOf("endpoints-module", { routeTables: true, securityGroups: true });
    expect(edges(withTables)).toContain(
      "route route-table:main-vpc/private-a -> endpoint:main-vpc/s3",
    );
    const ecr = [...walkItems(withTables.items)].find(
      (i) => i.item.id === "endpoint:main-vpc/ecr-api",
    );
    expect(ecr?.item.detail).toBe("interface · ecr.api · 3 AZs · sg vpc-endpoints");
    const noZones = graphOf("provider-service", { hostedZones: false });
    expect(outline(noZones).some((l) => l.includes("hosted-zone"))).toBe(false);
  });

  it("annotates nodes and groups with monthly costs from the estimate", () => {
    const topology = exampleTopology("endpoints-module");
    const graph = toGraph(topology, { estimate: estimate(topology, bundledCatalog()) });
    const byId = new Map([...walkItems(graph.items)].map((i) => [i.item.id, i.item]));
    expect(byId.get("account:platform")?.cost).toBe("$284.70/mo");
    expect(byId.get("vpc:main-vpc")?.cost).toBe("$284.70/mo");
    expect(byId.get("endpoint:main-vpc/ecr-api")?.cost).toBe("$21.90/mo");
    expect(byId.get("endpoint:main-vpc/s3")?.cost).toBe("$0.00/mo");
    expect(graphOf("endpoints-module").items[0]?.cost).toBeNull();
  });

  it("gives every item a unique id and every edge existing ends, for every example and detail", () => {
    for (const name of [
      "consumer-provider",
      "endpoints-module",
      "provider-service",
      "shared-services",
      "saas-monitoring",
      "s3-gateway-policy",
      "dev",
      "prod",
    ]) {
      for (const detail of ["accounts", "vpcs", "azs", "subnets"] as const) {
        const graph = graphOf(name, { detail, routeTables: true });
        const ids = [...walkItems(graph.items)].map((i) => i.item.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of graph.edges) {
          expect(ids, `${name}/${detail}: ${e.id}`).toContain(e.from);
          expect(ids, `${name}/${detail}: ${e.id}`).toContain(e.to);
        }
      }
    }
  });

  it("says account once in an account's header, and nothing dangling without an id", () => {
    const header = (account: Record<string, unknown>) => {
      const topology = parseTopology({ name: "t", accounts: [{ vpcs: [], ...account }] });
      const group = toGraph(topology).items[0];
      return [group?.label, group?.detail].filter((part) => part != null).join(" · ");
    };
    const cases: [Record<string, unknown>, string][] = [
      [
        { id: "consumer", name: "Consumer account", awsAccountId: "111122223333" },
        "Consumer account · 111122223333",
      ],
      [
        { id: "net", name: "Network", awsAccountId: "111111111111" },
        "Network · account 111111111111",
      ],
      [{ id: "ops", name: "Ops" }, "Ops"],
      [{ id: "ops" }, "ops"],
      [{ id: "app-prod", name: "App (prod)" }, "App (prod)"],
      [{ id: "ops-shared", name: "Ops" }, "Ops · account ops-shared"],
      [{ id: "ops-shared", name: "Ops account" }, "Ops account · ops-shared"],
      [{ id: "platform", name: "Platform account" }, "Platform account"],
      [
        { id: "shared", name: "Shared ACCOUNT", awsAccountId: "222233334444" },
        "Shared ACCOUNT · 222233334444",
      ],
      [
        { id: "accounting", name: "Accounting", awsAccountId: "333344445555" },
        "Accounting · account 333344445555",
      ],
    ];
    for (const [account, expected] of cases) expect(header(account)).toBe(expected);
  });
});
