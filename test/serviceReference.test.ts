import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { PriceCatalog, ServiceList } from "../src/pricing/catalogSchema.js";
import { catalogServices } from "../src/pricing/catalogServices.js";
import { parseCatalog } from "../src/pricing/parseCatalog.js";
import {
  AWS_REGION_CODES,
  AWS_SERVICE_NAMES,
  AWS_SERVICES,
  awsServiceReference,
  BUNDLED_AWS_SERVICES,
  offeredIn,
} from "../src/topology/awsReference.js";
import { checkTopology } from "../src/topology/checkTopology.js";
import { parseTopology, parseTopologyDoc } from "../src/topology/parseTopology.js";
import { TopologySchema } from "../src/topology/topologySchema.js";
import { applyWhatIf } from "../src/whatif/whatIf.js";
import { problemOf, YAML } from "./helpers/apiKit.js";
import { problemsOf } from "./helpers/topologyProblems.js";

/**
 * A refreshed list read in us-east-1 and eu-west-2: sqs gone from us-east-1, a new service
 * `newsvc` in us-east-1, s3 without its gateway endpoint in eu-west-2 (made up, to tell the
 * lists apart), and every other bundled service as the bundled list has it.
 */
function refreshedList(): ServiceList {
  const regions = ["us-east-1", "eu-west-2"];
  const services: ServiceList["services"] = {};
  for (const [name, service] of AWS_SERVICES) {
    const inRegions = regions.filter((r) => offeredIn(service, r));
    if (inRegions.length > 0)
      services[name] = {
        types: [...service.types] as ServiceList["services"][string]["types"],
        regions: inRegions,
      };
  }
  services.sqs = { types: ["interface"], regions: ["eu-west-2"] };
  services.newsvc = { types: ["interface"], regions: ["us-east-1"] };
  services["s3-lite"] = { types: ["gateway"], regions: ["eu-west-2"] };
  return {
    retrieved: "2026-11-26",
    source: [{ title: "test", url: "https://example.com/" }],
    regions,
    services,
  };
}

const withServices = (): PriceCatalog => ({ ...bundledCatalog(), services: refreshedList() });
const services = awsServiceReference(refreshedList());

/** A topology with one endpoint (interface unless said) to `service` in a VPC of `region`. */
function endpointIn(region: string, service: string, type = "interface"): string {
  return `name: one
accounts:
  - id: a
    vpcs:
      - id: v
        region: ${region}
        azs: [${region}a]
        endpoints: [{ id: e, type: ${type}, service: ${service} }]
`;
}

const SERVICE = "accounts[0].vpcs[0].endpoints[0].service";

describe("awsServiceReference: a list read in some Regions over the bundled list", () => {
  it("is the bundled list unchanged without a list (same object, same names)", () => {
    expect(catalogServices(bundledCatalog())).toBe(BUNDLED_AWS_SERVICES);
    expect(BUNDLED_AWS_SERVICES.services).toBe(AWS_SERVICES);
    expect(BUNDLED_AWS_SERVICES.names).toBe(AWS_SERVICE_NAMES);
    expect(BUNDLED_AWS_SERVICES.gateways).toEqual(["dynamodb", "s3", "s3express"]);
  });

  it("knows every service of either list, in the bundled order then the new ones", () => {
    expect(services.names.slice(0, AWS_SERVICE_NAMES.length)).toEqual(AWS_SERVICE_NAMES);
    expect(services.names.slice(AWS_SERVICE_NAMES.length)).toEqual(["newsvc", "s3-lite"]);
    expect(services.gateways).toEqual(["dynamodb", "s3", "s3express", "s3-lite"]);
    expect(services.retrieved).toBe("2026-11-26");
  });

  it("offers a service in a Region read only if the list does, elsewhere as the bundled list does", () => {
    const offered = (name: string, region: string) => {
      const service = services.services.get(name);
      return service !== undefined && offeredIn(service, region);
    };
    expect(offered("sqs", "us-east-1")).toBe(false);
    expect(offered("sqs", "eu-west-2")).toBe(true);
    expect(offered("sqs", "eu-west-3")).toBe(true);
    expect(offered("sqs", "cn-north-1")).toBe(true); // the bundled alsoIn
    expect(offered("newsvc", "us-east-1")).toBe(true);
    expect(offered("newsvc", "eu-west-3")).toBe(false);
    expect(offered("account", "us-east-1")).toBe(true);
    expect(offered("account", "eu-west-2")).toBe(false);
  });

  it("a list that agrees with the bundled one where it was read changes nothing", () => {
    const regions = ["us-east-1", "eu-west-2", "cn-north-1", "us-gov-west-1"];
    const listed: ServiceList["services"] = {};
    for (const [name, service] of AWS_SERVICES) {
      const inRegions = regions.filter((r) => offeredIn(service, r));
      if (inRegions.length > 0)
        listed[name] = {
          types: [...service.types] as ServiceList["services"][string]["types"],
          regions: inRegions,
        };
    }
    const same = awsServiceReference({ retrieved: "x", source: [], regions, services: listed });
    expect(same.names).toEqual(AWS_SERVICE_NAMES);
    for (const [name, service] of AWS_SERVICES) {
      const merged = same.services.get(name);
      expect(merged?.types, name).toEqual(service.types);
      for (const region of AWS_REGION_CODES) {
        expect(merged && offeredIn(merged, region), `${name} ${region}`).toBe(
          offeredIn(service, region),
        );
      }
    }
  });

  it("a list without `regions` replaces the bundled one", () => {
    const only = awsServiceReference({
      retrieved: "2026-11-26",
      source: [],
      services: { s3: { types: ["gateway"], regions: "all" } },
    });
    expect(only.names).toEqual(["s3"]);
  });
});

describe("parseTopology with a service list (options.services)", () => {
  it("reports a service the list lacks in a Region it was read in, naming it", () => {
    expect(problemsOf(endpointIn("us-east-1", "sqs"), { services })).toEqual([
      { path: SERVICE, message: "sqs is not offered in us-east-1" },
    ]);
    // the bundled list has it
    expect(() => parseTopology(parseDocument(endpointIn("us-east-1", "sqs")))).not.toThrow();
  });

  it("accepts a service the list adds, which the bundled list does not know", () => {
    expect(() =>
      parseTopology(parseDocument(endpointIn("us-east-1", "newsvc")), { services }),
    ).not.toThrow();
    expect(problemsOf(endpointIn("us-east-1", "newsvc"))).toEqual([
      { path: SERVICE, message: 'unknown AWS service "newsvc"' },
    ]);
  });

  it("takes the list's endpoint types and gateway services", () => {
    expect(problemsOf(endpointIn("eu-west-2", "sqs", "gateway"), { services })[0]?.message).toBe(
      'gateway endpoints exist only for dynamodb, s3, s3express and s3-lite, not "sqs"; use type: interface',
    );
    expect(() =>
      parseTopology(parseDocument(endpointIn("eu-west-2", "s3-lite", "gateway")), { services }),
    ).not.toThrow();
  });

  it("suggests names of both lists for an unknown one", () => {
    expect(problemsOf(endpointIn("us-east-1", "newsv"), { services })).toEqual([
      { path: SERVICE, message: 'unknown AWS service "newsv" (did you mean "newsvc"?)' },
    ]);
  });

  it("checks NAT destinations, what-if results and checkTopology alike", () => {
    const nat = `name: nat
accounts:
  - id: a
    vpcs:
      - id: v
        region: us-east-1
        azs: [us-east-1a]
        natGateways:
          - { id: nat, az: us-east-1a, gbPerMonth: 10, destinations: [{ service: sqs, gbPerMonth: 1 }] }
`;
    expect(problemsOf(nat, { services })).toEqual([
      {
        path: "accounts[0].vpcs[0].natGateways[0].destinations[0].service",
        message: "sqs is not offered in us-east-1",
      },
    ]);
    const doc = parseTopologyDoc(parseDocument(nat.replace("sqs", "newsvc")), { services });
    const after = applyWhatIf(doc, { kind: "natToEndpoints" }, { services });
    expect(after.accounts[0]?.vpcs[0]?.endpoints.map((e) => e.type)).toEqual(["interface"]);
    expect(() => applyWhatIf(doc, { kind: "natToEndpoints" })).toThrow(
      "this what-if cannot be applied",
    );
    const checked = TopologySchema.parse(parseDocument(endpointIn("us-east-1", "sqs")));
    expect(checkTopology(checked).count).toBe(0);
    expect(checkTopology(checked, undefined, services).count).toBe(1);
  });
});

describe("the catalog's services section", () => {
  it("is validated with the catalog, every problem at its path", () => {
    const bad = {
      ...bundledCatalog(),
      services: {
        retrieved: "2026-11-26",
        source: [],
        regions: [],
        services: { S3: { types: ["gateway"], regions: "all" }, sqs: { types: ["vpn"] } },
      },
    };
    expect(() => parseCatalog(bad, "bad.json")).toThrow(
      [
        "invalid price catalog bad.json",
        "  services.regions: must have at least 1 item",
        "  services.services.S3: not a valid key: must be a service's short name, e.g. ecr.api",
        '  services.services.sqs.types[0]: must be one of "gateway", "interface", "gwlb", got a string ("vpn")',
        "  services.services.sqs.regions: does not match any allowed form (got nothing)",
      ].join("\n"),
    );
    expect(parseCatalog(withServices(), "ok.json").services).toEqual(refreshedList());
  });
});

describe("the API started with a catalog that has a service list", () => {
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    // inline, and in a worker thread (the context is copied to it)
    apps.push(await buildApp({ catalog: withServices(), workers: 0 }));
    apps.push(await buildApp({ catalog: withServices(), workers: 1, inlineBelow: 0 }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it("validates service names against it, on every topology route", async () => {
    for (const app of apps) {
      for (const url of ["/v1/validate", "/v1/estimate", "/v1/check", "/v1/diagram"]) {
        const rejected = await app.inject({
          method: "POST",
          url,
          headers: YAML,
          payload: endpointIn("us-east-1", "sqs"),
        });
        expect(problemOf(rejected, 422).errors, url).toEqual([
          { path: SERVICE, message: "sqs is not offered in us-east-1" },
        ]);
        const accepted = await app.inject({
          method: "POST",
          url,
          headers: YAML,
          payload: endpointIn("us-east-1", "newsvc"),
        });
        expect(accepted.statusCode, `${url} ${accepted.body}`).toBe(200);
      }
    }
  }, 60_000);

  it("without a list, the bundled one (as before)", async () => {
    const app = await buildApp({ workers: 0 });
    try {
      const res = await app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: endpointIn("us-east-1", "newsvc"),
      });
      expect(problemOf(res, 422).errors).toEqual([
        { path: SERVICE, message: 'unknown AWS service "newsvc"' },
      ]);
    } finally {
      await app.close();
    }
  });
});
