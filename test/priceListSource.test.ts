import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { PriceListMapping } from "../src/pricing/mapPriceList.js";
import { type PriceListProgress, refreshCatalog } from "../src/pricing/sources/priceListSource.js";
import { PriceListSourceError } from "../src/pricing/sources/priceListSourceError.js";
import { type EstimateJson, estimateToJson } from "../src/report/estimateJson.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { EXPECTED_PRICE_LIST_CATALOG } from "./fixtures/priceListCatalog.js";
import { YAML } from "./helpers/apiKit.js";
import { exampleYaml } from "./helpers/examples.js";
import { PRICE_LIST_PRODUCTS } from "./helpers/priceListFixture.js";
import { type PriceListServer, startPriceListServer } from "./helpers/priceListServer.js";

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const REGIONS = ["us-east-1", "eu-west-2"];

let server: PriceListServer;
let result: PriceListMapping & { pages: number };
const progress: PriceListProgress[] = [];

beforeAll(async () => {
  // request 2 (the second page of AmazonVPC us-east-1) is throttled once
  server = await startPriceListServer({
    products: PRICE_LIST_PRODUCTS,
    pageSize: 3,
    throttle: [2],
  });
  result = await refreshCatalog({
    regions: REGIONS,
    endpoint: server.url,
    credentials,
    retrieved: "2026-11-27",
    onProgress: (event) => progress.push(event),
  });
});

afterAll(() => server.close());

/** every kind of figure both catalogs price alike: endpoint tiers, inter-AZ and inter-region
 * transfer, NAT with its IPv4 address, NLB, Transit Gateway, Route 53 zone and query tiers */
const EVERY_FIGURE = `name: refresh-check
accounts:
  - id: app
    vpcs:
      - id: east
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-1c]
        endpoints:
          - id: ecr-api
            type: interface
            service: ecr.api
            azs: [us-east-1a, us-east-1b]
            gbPerMonth: 1500000
            trafficSources:
              - { az: us-east-1c, gbPerMonth: 200 }
              - { region: eu-west-2, gbPerMonth: 50 }
          - { id: s3, type: gateway, service: s3 }
        natGateways:
          - { id: nat-a, az: us-east-1a, gbPerMonth: 500 }
        loadBalancers:
          - id: nlb
            type: network
            azs: [us-east-1a, us-east-1b]
            traffic: { gbPerMonth: 730, newConnectionsPerSecond: 100, activeConnections: 1000, protocol: tcp }
      - id: london
        region: eu-west-2
        azs: [eu-west-2a]
        endpoints:
          - id: logs
            type: interface
            service: logs
            gbPerMonth: 100
            trafficSources:
              - { region: us-east-1, gbPerMonth: 40 }
        natGateways:
          - { id: nat-l, az: eu-west-2a, gbPerMonth: 10 }
    hostedZones:
      - { id: z, name: example.internal, private: true, vpcs: [east], queriesPerMonth: 2000000000 }
    transitGateways:
      - { id: tgw, region: us-east-1, attachments: [{ vpc: east, gbPerMonth: 300 }] }
`;

function topology(path: string) {
  const text = path === "every-figure" ? EVERY_FIGURE : readFileSync(path, "utf8");
  return parseTopology(parseDocument(text, path));
}

/** an estimate without the provenance of its prices (which differs by catalog) */
function figures(json: EstimateJson) {
  return {
    totals: json.totals,
    rollups: json.rollups,
    lines: json.lines.map(({ price, ...line }) => ({ ...line, item: price?.item })),
  };
}

describe("Price List refresh against a local GetProducts server (real SDK client)", () => {
  it("builds exactly the expected catalog", () => {
    expect(result.catalog).toEqual(EXPECTED_PRICE_LIST_CATALOG);
  });

  it("accounts for every record: mapped, unmapped by reason, no USD, missing items", () => {
    expect(result.records).toBe(39);
    expect(result.mapped).toBe(33);
    expect(result.pages).toBe(16);
    expect(result.unmapped).toEqual({
      count: 5,
      byReason: {
        "unknown-usagetype": {
          count: 5,
          examples: [
            "AmazonVPC VPC Public IPv4 Address USE1-PublicIPv4:IdleAddress us-east-1 (sku IPV41IDLE)",
            "AmazonVPC Cloud Connectivity USE1-VPN-Usage-Hours:ipsec.1 us-east-1 (sku VPN1HRS)",
            "AWSELB Load Balancer-Application USE1-LoadBalancerUsage us-east-1 (sku ALB1HRS)",
            "AWSDataTransfer Data Transfer USE1-EUW2-AWS-In-Bytes us-east-1 (sku DT1IN)",
            "AWSDataTransfer Data Transfer DataTransfer-Out-Bytes us-east-1 (sku DT1NET)",
          ],
        },
      },
    });
    expect(result.skipped).toEqual({
      count: 1,
      examples: ["AmazonEC2 NAT Gateway EUW2-NatGateway-Hours eu-west-2 (sku NAT2CNY)"],
    });
    expect(result.missing).toEqual({
      "eu-west-2": ["gatewayLoadBalancerHour", "gatewayLoadBalancerLcuHour"],
    });
  });

  it("sends signed GetProducts requests with MaxResults 100 and TERM_MATCH filters, and retries a throttle", () => {
    expect(server.requests).toHaveLength(17);
    expect(server.requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([400]);
    expect(server.requests[1]?.status).toBe(400);
    // the retry repeats the throttled request
    expect(server.requests[2]?.body).toEqual(server.requests[1]?.body);
    for (const request of server.requests) {
      expect(request.target).toBe("AWSPriceListService.GetProducts");
      expect(request.contentType).toBe("application/x-amz-json-1.1");
      expect(request.signed).toBe(true);
      expect(request.body.MaxResults).toBe(100);
      expect(request.body.Filters?.every((f) => f.Type === "TERM_MATCH")).toBe(true);
    }
    const firstPages = server.requests.filter((r, i) => r.body.NextToken === undefined && i !== 1);
    expect(
      firstPages.map((r) => [
        r.body.ServiceCode,
        r.body.Filters?.map((f) => `${f.Field}=${f.Value}`),
      ]),
    ).toEqual([
      ["AmazonVPC", ["regionCode=us-east-1"]],
      ["AWSELB", ["regionCode=us-east-1"]],
      ["AmazonEC2", ["regionCode=us-east-1", "productFamily=NAT Gateway"]],
      ["AWSDataTransfer", ["fromRegionCode=us-east-1"]],
      ["AmazonVPC", ["regionCode=eu-west-2"]],
      ["AWSELB", ["regionCode=eu-west-2"]],
      ["AmazonEC2", ["regionCode=eu-west-2", "productFamily=NAT Gateway"]],
      ["AWSDataTransfer", ["fromRegionCode=eu-west-2"]],
      ["AmazonRoute53", ["usagetype=HostedZone"]],
      ["AmazonRoute53", ["usagetype=DNS-Queries"]],
    ]);
  });

  it("reports progress after every page: service, region, pages, items", () => {
    const VPC = ["regionCode=us-east-1"]; // AmazonVPC and AWSELB alike
    expect(progress.slice(0, 4)).toEqual([
      { service: "AmazonVPC", region: "us-east-1", filters: VPC, pages: 1, items: 3 },
      { service: "AmazonVPC", region: "us-east-1", filters: VPC, pages: 2, items: 6 },
      { service: "AmazonVPC", region: "us-east-1", filters: VPC, pages: 3, items: 9 },
      { service: "AWSELB", region: "us-east-1", filters: VPC, pages: 1, items: 3 },
    ]);
    expect(progress).toHaveLength(16);
    expect(progress.at(-1)).toEqual({
      service: "AmazonRoute53",
      region: "global",
      filters: ["usagetype=DNS-Queries"],
      pages: 1,
      items: 1,
    });
  });

  it("prices a us-east-1 estimate exactly as the bundled catalog where the prices match", () => {
    for (const example of [
      "examples/endpoints-module.yaml",
      "examples/saas-monitoring.yaml",
      "examples/shared-services.yaml",
    ]) {
      const t = topology(example);
      const refreshed = estimateToJson(estimate(t, result.catalog));
      const bundled = estimateToJson(estimate(t, bundledCatalog()));
      expect(figures(refreshed)).toEqual(figures(bundled));
      expect(refreshed.catalog).toEqual({ name: "aws-price-list", retrieved: "2026-11-27" });
      for (const line of refreshed.lines.filter((l) => l.price)) {
        expect(line.price?.source).toMatch(/^AWS Price List API \w+ sku [A-Z0-9]+/);
        expect(line.price?.unverified).toBe(false);
      }
    }
  });

  it("differs from the bundled estimate only by the eu-west-2 NLB hour (0.0252 instead of 0.02646)", () => {
    const t = topology("examples/consumer-provider.yaml");
    const refreshed = estimateToJson(estimate(t, result.catalog));
    const bundled = estimateToJson(estimate(t, bundledCatalog()));
    expect(bundled.totals.monthly).toBe("43.3758");
    // 730 h × (0.02646 − 0.0252) = 0.9198 less
    expect(refreshed.totals.monthly).toBe("42.456");
    const changed = refreshed.lines.filter((line, i) => line.monthly !== bundled.lines[i]?.monthly);
    expect(changed.map((l) => [l.id, l.rate, l.monthly])).toEqual([
      ["provider/provider-vpc/network-load-balancer/service-nlb/hours", "0.0252", "18.396"],
    ]);
  });
});

describe("a refreshed catalog in the HTTP API (buildApp({ catalog }))", () => {
  it("serves its prices with their provenance and estimates with them", async () => {
    const app = await buildApp({ catalog: result.catalog, logger: false });
    try {
      const prices = await app.inject({
        method: "GET",
        url: "/v1/catalog/prices?region=eu-west-2",
      });
      expect(prices.statusCode).toBe(200);
      const body = JSON.parse(prices.body);
      expect(body.catalog).toEqual({
        name: "aws-price-list",
        retrieved: "2026-11-27",
        currency: "USD",
      });
      expect(body.prices).toEqual(EXPECTED_PRICE_LIST_CATALOG.regions["eu-west-2"]);
      const priced = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: exampleYaml("consumer-provider"),
      });
      expect(priced.statusCode).toBe(200);
      expect(JSON.parse(priced.body).totals.monthly).toBe("42.456");
    } finally {
      await app.close();
    }
  });
});

describe("Price List source failures", () => {
  async function failure(run: () => Promise<unknown>): Promise<PriceListSourceError> {
    try {
      await run();
    } catch (error) {
      if (error instanceof PriceListSourceError) return error;
      throw error;
    }
    throw new Error("expected a PriceListSourceError");
  }

  it("names a refused connection as a network failure", async () => {
    const closed = await startPriceListServer({ products: {}, pageSize: 1 });
    await closed.close();
    const error = await failure(() =>
      refreshCatalog({ regions: ["us-east-1"], endpoint: closed.url, credentials }),
    );
    expect(error.failure).toBe("network");
    expect(error.message).toBe(
      `cannot reach the AWS Price List API (connect ECONNREFUSED ${closed.url.replace("http://", "")})`,
    );
  });

  it("names missing credentials (a provider that finds none)", async () => {
    const none = async () => {
      throw Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      });
    };
    const error = await failure(() =>
      refreshCatalog({ regions: ["us-east-1"], endpoint: server.url, credentials: none }),
    );
    expect(error.failure).toBe("credentials");
    expect(error.message).toBe(
      "no AWS credentials found (Could not load credentials from any providers)",
    );
  });

  it("names the IAM permission when the API denies access", async () => {
    const denied = await startPriceListServer({
      products: {},
      pageSize: 1,
      failWith: { type: "AccessDeniedException", message: "User is not authorized", status: 400 },
    });
    try {
      const error = await failure(() =>
        refreshCatalog({ regions: ["us-east-1"], endpoint: denied.url, credentials }),
      );
      expect(error.failure).toBe("access-denied");
      expect(error.message).toBe(
        "the AWS Price List API refused the credentials (AccessDeniedException: User is not authorized); they need the IAM permission pricing:GetProducts",
      );
    } finally {
      await denied.close();
    }
  });
});
