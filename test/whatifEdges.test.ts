import { describe, expect, it } from "vitest";
import { breakEven } from "../src/compare/breakEven.js";
import { compare } from "../src/compare/compare.js";
import { formatMoney } from "../src/core/money.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { formatComparisonTable } from "../src/report/formatComparisonTable.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import type { Topology } from "../src/topology/topology.js";
import type { InterfaceEndpointDoc, TopologyDoc } from "../src/topology/topologySchema.js";
import { centralizeEndpoints } from "../src/whatif/centralizeEndpoints.js";
import { consolidateAzs } from "../src/whatif/consolidateAzs.js";
import { natToEndpoints } from "../src/whatif/natToEndpoints.js";
import { caught } from "./helpers/caught.js";
import { docOf, exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

/**
 * Edge cases found in review: pairings that would merge accounts, transforms whose result
 * would not validate, percentages that round to zero, options a what-if does not use.
 */

const catalog = bundledCatalog();

const ONE_ENDPOINT = (account: string, vpc: string, gb: number) => `
  - id: ${account}
    vpcs:
      - id: ${vpc}
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: logs, type: interface, service: logs, gbPerMonth: ${gb} }]`;

describe("compare: account pairs never merge accounts", () => {
  it("refuses a pair whose target is another account of the first topology", () => {
    const a = parseTopology(
      docOf(
        `name: two\naccounts:${ONE_ENDPOINT("dev", "v1", 1_000_000)}${ONE_ENDPOINT("prod", "v2", 1_000_000)}`,
      ),
    );
    const b = parseTopology(docOf(`name: one\naccounts:${ONE_ENDPOINT("prod", "v2", 1_000_000)}`));
    const error = caught(() =>
      compare(a, b, catalog, { pairs: [{ before: "dev", after: "prod" }] }),
    );
    expect(error.code).toBe("invalid_request");
    expect(error.problems).toEqual([
      {
        path: "pairs[0].after",
        message: '"prod" would then name two accounts of the first topology',
      },
    ]);
    // without the pair the invariant holds: delta = estimate(b) − estimate(a)
    const plain = compare(a, b, catalog);
    expect(plain.delta.monthly).toBe(
      estimate(b, catalog).totals.monthly - estimate(a, catalog).totals.monthly,
    );
    // swapping two accounts is fine
    const swapped = compare(a, a, catalog, {
      pairs: [
        { before: "dev", after: "prod" },
        { before: "prod", after: "dev" },
      ],
    });
    expect(swapped.delta.monthly).toBe(0n);
  });

  it("a delta that rounds to 0.0 % carries no sign", () => {
    const a = parseTopology(docOf(`name: a\naccounts:${ONE_ENDPOINT("x", "v", 0)}`));
    const b = parseTopology(
      docOf(`name: b\nhoursPerMonth: 729.9\naccounts:${ONE_ENDPOINT("x", "v", 0)}`),
    );
    const c = compare(a, b, catalog);
    // 7.30 → 7.299: −0.001, −0.0137 % → "0.0"
    expect(formatMoney(c.delta.monthly)).toBe("-0.001");
    expect(c.delta.percent).toBe("0.0");
    expect(formatComparisonTable(c)).toContain("-0.001  0.0 %");
  });
});

describe("what-if results stay valid", () => {
  it("centralising spokes fed from the same other region merges their sources", () => {
    const spoke = (id: string, gb: number) => `
      - id: ${id}
        region: us-east-1
        azs: [us-east-1a]
        endpoints:
          - id: logs
            type: interface
            service: logs
            gbPerMonth: ${gb}
            trafficSources: [{ region: us-west-2, gbPerMonth: 10 }]`;
    const doc = docOf(`
name: regions
accounts:
  - id: net
    vpcs:
      - { id: hub, region: us-east-1, azs: [us-east-1a] }${spoke("s1", 40)}${spoke("s2", 60)}`);
    const after = centralizeEndpoints(doc, { hubVpc: "hub" });
    const hub = after.accounts[0]?.vpcs[0]?.endpoints[0] as InterfaceEndpointDoc;
    expect(hub.gbPerMonth).toBe(100);
    expect(hub.trafficSources).toEqual([{ region: "us-west-2", gbPerMonth: 20 }]);
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("a new endpoint never takes an id a shared zone's bare alias would find twice", () => {
    const doc = docOf(`
name: alias
accounts:
  - id: net
    vpcs:
      - id: hub
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: sqs, type: interface, service: sqs }]
      - id: s1
        region: us-east-1
        azs: [us-east-1a]
        natGateways:
          - { id: nat, az: us-east-1a, gbPerMonth: 10, destinations: [{ service: sqs, gbPerMonth: 10 }] }
    hostedZones:
      - id: queue
        name: queue.internal
        vpcs: [hub, s1]
        records: [{ name: queue.internal, aliasToEndpoint: sqs }]`);
    const after = natToEndpoints(doc);
    const ids = after.accounts[0]?.vpcs[1]?.endpoints.map((e) => e.id);
    expect(ids).toEqual(["sqs-2"]);
    expect(() => parseTopology(after)).not.toThrow();
  });

  it("centralising names services no spoke has: an error naming them", () => {
    const doc = docOf(`
name: c
accounts:
  - id: net
    vpcs:
      - { id: hub, region: us-east-1, azs: [us-east-1a] }
      - id: s1
        region: us-east-1
        azs: [us-east-1a]
        endpoints: [{ id: logs, type: interface, service: logs, gbPerMonth: 5 }]`);
    const error = caught(() =>
      centralizeEndpoints(doc, { hubVpc: "hub", services: ["logs", "kms"] }),
    );
    expect(error.problems).toEqual([
      {
        path: "services[1]",
        message: "no other VPC in us-east-1 has an interface endpoint to kms",
      },
    ]);
  });
});

describe("CLI: options a what-if does not use, and break-even arguments", () => {
  it("--vpc with --centralize and --services with --consolidate-azs are errors", async () => {
    const central = await runCliCapture([
      "whatif",
      "examples/spokes.yaml",
      "--centralize",
      "hub-vpc",
      "--vpc",
      "payments-vpc",
    ]);
    expect(central.code).toBe(2);
    expect(central.stderr).toBe("linkplan: --vpc does not apply to --centralize\n");
    const consolidate = await runCliCapture([
      "whatif",
      "examples/prod.yaml",
      "--consolidate-azs",
      "1",
      "--services",
      "s3",
    ]);
    expect(consolidate.code).toBe(2);
    expect(consolidate.stderr).toBe("linkplan: --services does not apply to --consolidate-azs\n");
  });

  it("breakeven checks the region and service names", async () => {
    const region = await runCliCapture(["breakeven", "--region", "US-EAST-1"]);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain("--region: must be an AWS region code such as us-east-1");
    const services = await runCliCapture([
      "breakeven",
      "--region",
      "us-east-1",
      "--services",
      "S3",
    ]);
    expect(services.code).toBe(2);
    expect(services.stderr).toContain('--services: unknown AWS service "S3" (did you mean "s3"?)');
  });
});

describe("either form of topology", () => {
  const prodText = exampleYaml("prod");
  const spokesText = exampleYaml("spokes");

  it("transforms answer in the form given: a normalized topology estimates directly", () => {
    const cases: [string, (t: Topology) => Topology, (d: TopologyDoc) => TopologyDoc][] = [
      [prodText, (t) => consolidateAzs(t, { azs: 1 }), (d) => consolidateAzs(d, { azs: 1 })],
      [prodText, (t) => natToEndpoints(t), (d) => natToEndpoints(d)],
      [
        spokesText,
        (t) => centralizeEndpoints(t, { hubVpc: "hub-vpc" }),
        (d) => centralizeEndpoints(d, { hubVpc: "hub-vpc" }),
      ],
    ];
    for (const [text, onTopology, onDoc] of cases) {
      const topology = parseTopology(parseDocument(text));
      const after = onTopology(topology);
      // normalized: endpoints carry their ENIs
      expect(after.accounts.flatMap((a) => a.vpcs).every((v) => v.account !== undefined)).toBe(
        true,
      );
      const fromDoc = parseTopology(onDoc(docOf(text)));
      expect(formatMoney(estimate(after, catalog).totals.monthly)).toBe(
        formatMoney(estimate(fromDoc, catalog).totals.monthly),
      );
    }
    // prod → one AZ: the figure the README shows
    const prod = parseTopology(parseDocument(prodText));
    expect(
      formatMoney(compare(prod, consolidateAzs(prod, { azs: 1 }), catalog).delta.monthly),
    ).toBe("-72.67333336");
  });

  it("compare takes authored documents too, and defaults to the bundled catalog", () => {
    const doc = docOf(prodText);
    const c = compare(doc, consolidateAzs(doc, { azs: 1 }));
    expect(formatMoney(c.delta.monthly)).toBe("-72.67333336");
  });

  it("breakEven defaults to the bundled catalog and takes a count of services", () => {
    const named = breakEven({
      region: "us-east-1",
      azs: 3,
      services: ["ecr.api", "ecr.dkr", "logs", "sts"],
    });
    const counted = breakEven({ region: "us-east-1", azs: 3, services: 4 }, catalog);
    expect(counted.hub.services).toEqual([
      "interface-1",
      "interface-2",
      "interface-3",
      "interface-4",
    ]);
    expect(counted.hub.rows).toEqual(named.hub.rows);
    expect(counted.services[0]?.gbPerMonthPerAz).toBe(208_571_429n);
    expect(caught(() => breakEven({ region: "us-east-1", services: 0 })).problems).toEqual([
      { path: "services", message: "must be a list of services or a whole number from 1 to 1000" },
    ]);
    expect(
      caught(() => breakEven({ region: "us-east-1", services: ["s3", "foo.bar"] })).problems,
    ).toEqual([{ path: "services[1]", message: 'unknown AWS service "foo.bar"' }]);
    expect(caught(() => breakEven({ region: "us-east-7" })).problems).toEqual([
      { path: "region", message: 'unknown AWS region "us-east-7" (did you mean "us-east-1"?)' },
    ]);
  });
});
