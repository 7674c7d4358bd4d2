import { describe, expect, it } from "vitest";
import { REGIONAL_ITEMS } from "../src/pricing/catalogSchema.js";
import { mapPriceList, type PriceListRecord } from "../src/pricing/mapPriceList.js";
import { hasUsagetypeSuffix, matchPriceListItem } from "../src/pricing/matchPriceListItem.js";
import { priceFromDimensions } from "../src/pricing/priceFromDimensions.js";
import { PRICE_LIST_ITEMS } from "../src/pricing/priceListItems.js";
import { shiftDecimal } from "../src/pricing/shiftDecimal.js";
import { type PriceRecordSpec, priceRecord } from "./helpers/priceRecord.js";

function dims(...ranges: [string, string, string | undefined][]) {
  return ranges.map(([beginRange, endRange, usd]) => ({ unit: "GB", beginRange, endRange, usd }));
}

function vpc(
  spec: Partial<PriceRecordSpec> & { sku: string },
  region = "us-east-1",
): PriceListRecord {
  return {
    serviceCode: "AmazonVPC",
    json: priceRecord({
      serviceCode: "AmazonVPC",
      productFamily: "VpcEndpoint",
      usagetype: "USE1-VpcEndpoint-Hours",
      unit: "Hrs",
      price: "0.0100000000",
      attributes: { regionCode: region },
      ...spec,
    }),
  };
}

const OPTIONS = { regions: ["us-east-1"], retrieved: "2026-11-27", global: false };

describe("usagetype suffixes", () => {
  it.each([
    ["VpcEndpoint-Hours", "VpcEndpoint-Hours", true],
    ["USE1-VpcEndpoint-Hours", "VpcEndpoint-Hours", true],
    ["EUW2-VpcEndpoint-Bytes", "VpcEndpoint-Bytes", true],
    ["EU-DataTransfer-Regional-Bytes", "DataTransfer-Regional-Bytes", true],
    ["USE1-USE2-AWS-Out-Bytes", "AWS-Out-Bytes", true],
    ["USE1-VpcEndpoint-GWLBE-Hours", "VpcEndpoint-GWLBE-Hours", true],
    ["USE1-VpcEndpoint-GWLBE-Hours", "VpcEndpoint-Hours", false],
    ["USE1-VpcEndpoint-GWLBE-Hours", "GWLBE-Hours", false],
    ["USE1-VpcEndpoint-Hours", "Hours", false],
    ["use1-VpcEndpoint-Hours", "VpcEndpoint-Hours", false],
    ["USE1VpcEndpoint-Hours", "VpcEndpoint-Hours", false],
    ["DataTransfer-Out-Bytes", "AWS-Out-Bytes", false],
  ])("%s ends with %s: %s", (usagetype, suffix, expected) => {
    expect(hasUsagetypeSuffix(usagetype, suffix)).toBe(expected);
  });

  it("covers every catalog item once, and tells load balancer kinds apart by product family", () => {
    expect(PRICE_LIST_ITEMS.map((i) => i.item)).toEqual([
      ...REGIONAL_ITEMS,
      "route53HostedZone",
      "route53Queries",
    ]);
    expect(matchPriceListItem("AWSELB", "Load Balancer-Network", "EUW2-LCUUsage")?.item).toBe(
      "networkLoadBalancerLcuHour",
    );
    expect(matchPriceListItem("AWSELB", "Load Balancer-Gateway", "LCUUsage")?.item).toBe(
      "gatewayLoadBalancerLcuHour",
    );
    expect(matchPriceListItem("AWSELB", "Load Balancer-Application", "LCUUsage")).toBeUndefined();
    // GWLB endpoints: the documented <region>-VpcEndpoint-GWLBE-… and the bare GWLBE-… form
    expect(
      matchPriceListItem("AmazonVPC", "VpcEndpoint", "APS1-VpcEndpoint-GWLBE-Hours")?.item,
    ).toBe("gwlbEndpointHour");
    expect(matchPriceListItem("AmazonVPC", "VpcEndpoint", "USE1-GWLBE-Bytes")?.item).toBe(
      "gwlbEndpointGb",
    );
    expect(matchPriceListItem("AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours")?.item).toBe(
      "interfaceEndpointHour",
    );
    expect(
      matchPriceListItem("AmazonEC2", "VpcEndpoint", "USE1-VpcEndpoint-Hours"),
    ).toBeUndefined();
  });
});

describe("decimal prices", () => {
  it.each([
    ["0.0100000000", 0, "0.01"],
    ["0.0000004000", 6, "0.4"],
    ["1000000000", -6, "1000"],
    ["0.0000000000", 0, "0"],
    ["1048576", 0, "1048576"],
    ["5", -3, "0.005"],
    ["-0.01", 0, undefined],
    ["1e-3", 0, undefined],
    ["", 0, undefined],
  ] as const)("shiftDecimal(%s, %i) = %s", (text, places, expected) => {
    expect(shiftDecimal(text, places)).toBe(expected);
  });

  it("turns contiguous ranges into tiers, in range order", () => {
    expect(
      priceFromDimensions(
        dims(
          ["5242880", "Inf", "0.0040000000"],
          ["0", "1048576", "0.0100000000"],
          ["1048576", "5242880", "0.0060000000"],
        ),
      ),
    ).toEqual({
      kind: "tiered",
      tiers: [
        { upTo: 1048576, usd: "0.01" },
        { upTo: 5242880, usd: "0.006" },
        { upTo: null, usd: "0.004" },
      ],
    });
    expect(priceFromDimensions(dims(["0", "Inf", "0.0450000000"]))).toEqual({
      kind: "flat",
      usd: "0.045",
    });
  });

  it("refuses what it cannot represent exactly, saying why", () => {
    expect(priceFromDimensions(dims(["0", "10", "0.01"], ["20", "Inf", "0.02"]))).toEqual({
      kind: "unusable",
      reason: "ranges 0–10, 20–Inf do not run contiguously from 0 to Inf",
    });
    expect(priceFromDimensions(dims(["0", "10", "0.01"]))).toMatchObject({ kind: "unusable" });
    expect(priceFromDimensions(dims(["0", "Inf", "0.0000000000001"]))).toEqual({
      kind: "unusable",
      reason: "price 0.0000000000001 has more than 12 decimals",
    });
    expect(priceFromDimensions(dims(["0", "Inf", "N/A"]))).toEqual({
      kind: "unusable",
      reason: 'price "N/A" is not a decimal',
    });
    expect(
      priceFromDimensions(dims(["0", "Inf", "0.0000004"]), { name: "Queries", shift: 6 }),
    ).toEqual({ kind: "unusable", reason: 'unit "GB", expected "Queries"' });
    expect(priceFromDimensions(dims(["0", "Inf", undefined]))).toEqual({ kind: "no-usd" });
    expect(priceFromDimensions([])).toEqual({ kind: "no-usd" });
  });
});

describe("mapPriceList", () => {
  it("counts every record it cannot use, by reason", () => {
    const result = mapPriceList(
      [
        { serviceCode: "AmazonVPC", json: "not json" },
        { serviceCode: "AmazonVPC", json: '{"product":{"sku":"X"}}' },
        vpc({ sku: "OTHERREGION", usagetype: "APS1-VpcEndpoint-Hours" }, "ap-southeast-1"),
        vpc({
          sku: "GAP",
          usagetype: "USE1-VpcEndpoint-Bytes",
          unit: "GB",
          price: [["0", "1", "0.01"]],
        }),
        vpc({ sku: "RESERVED", reservedOnly: true }),
        vpc({ sku: "CNY", currency: "CNY" }),
        vpc({ sku: "OLD", effectiveDate: "2025-01-01T00:00:00Z", price: "0.0090000000" }),
        vpc({ sku: "NEW", effectiveDate: "2026-11-01T00:00:00Z" }),
        vpc({ sku: "SAMEDATE", effectiveDate: "2026-11-01T00:00:00Z" }),
        {
          serviceCode: "AmazonRoute53",
          json: priceRecord({
            sku: "ZONE",
            serviceCode: "AmazonRoute53",
            productFamily: "DNS Zone",
            usagetype: "HostedZone",
            unit: "HostedZone",
            price: "0.5",
          }),
        },
      ],
      OPTIONS,
    );
    expect(result.records).toBe(10);
    expect(result.mapped).toBe(1);
    expect(result.catalog.regions["us-east-1"]?.interfaceEndpointHour).toEqual({
      unit: "ENI-hour",
      source: "AWS Price List API AmazonVPC sku NEW",
      sku: "NEW",
      usagetype: "USE1-VpcEndpoint-Hours",
      effectiveDate: "2026-11-01T00:00:00Z",
      usd: "0.01",
    });
    expect(result.unmapped).toEqual({
      count: 7,
      byReason: {
        unreadable: {
          count: 2,
          examples: ["AmazonVPC record that is not a product JSON document"],
        },
        "region-not-requested": {
          count: 1,
          examples: [
            "AmazonVPC VpcEndpoint APS1-VpcEndpoint-Hours ap-southeast-1 (sku OTHERREGION)",
          ],
        },
        "unusable-price": {
          count: 1,
          examples: [
            "AmazonVPC VpcEndpoint USE1-VpcEndpoint-Bytes us-east-1 (sku GAP): ranges 0–1 do not run contiguously from 0 to Inf",
          ],
        },
        duplicate: {
          count: 2,
          examples: [
            "AmazonVPC VpcEndpoint USE1-VpcEndpoint-Hours us-east-1 (sku OLD) (kept sku NEW)",
            "AmazonVPC VpcEndpoint USE1-VpcEndpoint-Hours us-east-1 (sku SAMEDATE) (kept sku NEW)",
          ],
        },
        "unknown-usagetype": {
          count: 1,
          examples: ["AmazonRoute53 DNS Zone HostedZone (sku ZONE)"],
        },
      },
    });
    expect(result.skipped).toEqual({
      count: 2,
      examples: [
        "AmazonVPC VpcEndpoint USE1-VpcEndpoint-Hours us-east-1 (sku RESERVED)",
        "AmazonVPC VpcEndpoint USE1-VpcEndpoint-Hours us-east-1 (sku CNY)",
      ],
    });
    expect(result.missing["us-east-1"]).toEqual(
      REGIONAL_ITEMS.filter((i) => i !== "interfaceEndpointHour"),
    );
  });

  it("leaves a region no record priced out of the catalog, and lists it as missing", () => {
    const result = mapPriceList([], { ...OPTIONS, regions: ["us-east-1", "sa-east-1"] });
    expect(result.catalog.regions).toEqual({});
    expect(result.missing).toEqual({
      "us-east-1": [...REGIONAL_ITEMS],
      "sa-east-1": [...REGIONAL_ITEMS],
    });
    expect(mapPriceList([], { regions: [], retrieved: "2026-11-27" }).missing).toEqual({
      global: ["route53HostedZone", "route53Queries"],
    });
  });

  it("takes the inter-region rate from a record without destination, overriding per destination", () => {
    const transfer = (sku: string, usagetype: string, to: string | undefined, usd: string) => ({
      serviceCode: "AWSDataTransfer",
      json: priceRecord({
        sku,
        serviceCode: "AWSDataTransfer",
        productFamily: "Data Transfer",
        usagetype,
        unit: "GB",
        price: usd,
        attributes: { fromRegionCode: "us-east-1", ...(to ? { toRegionCode: to } : {}) },
      }),
    });
    const result = mapPriceList(
      [
        transfer("TOUSE2", "USE1-USE2-AWS-Out-Bytes", "us-east-2", "0.01"),
        transfer("ANY", "USE1-AWS-Out-Bytes", undefined, "0.02"),
        transfer("TOUSW2", "USE1-USW2-AWS-Out-Bytes", "us-west-2", "0.01"),
        transfer("SELF", "USE1-USE1-AWS-Out-Bytes", "us-east-1", "0.01"),
      ],
      OPTIONS,
    );
    expect(result.catalog.regions["us-east-1"]?.interRegionGb).toEqual({
      unit: "GB out",
      source: "AWS Price List API AWSDataTransfer sku ANY and 2 other destination records",
      sku: "ANY",
      usagetype: "USE1-AWS-Out-Bytes",
      effectiveDate: "2026-11-01T00:00:00Z",
      usd: "0.02",
      byDestination: { "us-east-2": "0.01", "us-west-2": "0.01" },
    });
    expect(result.unmapped.byReason["unusable-price"]?.examples).toEqual([
      "AWSDataTransfer Data Transfer USE1-USE1-AWS-Out-Bytes us-east-1 (sku SELF): inter-region price to its own region",
    ]);
  });
});
