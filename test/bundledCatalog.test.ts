import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import catalog from "../src/pricing/bundledCatalog.json" with { type: "json" };
import {
  GLOBAL_ITEMS,
  type PriceCatalog,
  PriceCatalogSchema,
  type PriceEntry,
  REGIONAL_ITEMS,
  type RegionalItem,
} from "../src/pricing/catalogSchema.js";

const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-west-2",
  "eu-central-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ap-northeast-2",
];

/** Interface endpoint hourly rate per ENI (= per AZ), from pricing-facts.md. */
const INTERFACE_HOUR: Record<string, string> = {
  "us-east-1": "0.01",
  "us-east-2": "0.01",
  "us-west-2": "0.01",
  "eu-west-1": "0.011",
  "eu-west-2": "0.011",
  "eu-central-1": "0.012",
  "ap-southeast-1": "0.013",
  "ap-northeast-2": "0.013",
  "ap-northeast-1": "0.014",
  "ap-southeast-2": "0.014",
};

/** NAT gateway hour / GB, from pricing-facts.md. */
const NAT: Record<string, string> = {
  "us-east-1": "0.045",
  "eu-west-2": "0.05",
  "ap-southeast-1": "0.059",
  "ap-northeast-1": "0.062",
};

const INTERFACE_GB_TIERS = [
  { upTo: 1048576, usd: "0.01" },
  { upTo: 5242880, usd: "0.006" },
  { upTo: null, usd: "0.004" },
];

/** The only figures outside us-east-1 that pricing-facts.md states (and so are not unverified). */
function isVerified(region: string, item: RegionalItem): boolean {
  if (region === "us-east-1") {
    return item !== "gatewayLoadBalancerHour" && item !== "gatewayLoadBalancerLcuHour";
  }
  if (item === "interfaceEndpointHour") return region !== "ap-southeast-2";
  if (item === "natGatewayHour" || item === "natGatewayGb") return region in NAT;
  return false;
}

const parsed: PriceCatalog = PriceCatalogSchema.parse(catalog);

function entry(region: string, item: RegionalItem): PriceEntry {
  const found = parsed.regions[region]?.[item];
  if (!found) throw new Error(`missing ${region}.${item}`);
  return found;
}

function globalEntry(item: (typeof GLOBAL_ITEMS)[number]): PriceEntry {
  const found = parsed.global[item];
  if (!found) throw new Error(`missing global.${item}`);
  return found;
}

/** A deep copy of the bundled catalog, as plain JSON, for breaking on purpose. */
function copy(): { regions: Record<string, Record<string, Record<string, unknown>>> } {
  return structuredClone(catalog) as unknown as {
    regions: Record<string, Record<string, Record<string, unknown>>>;
  };
}

function parseError(input: unknown): z.ZodError {
  const result = PriceCatalogSchema.safeParse(input);
  expect(result.success).toBe(false);
  if (result.success) throw new Error("expected the catalog to be rejected");
  return result.error;
}

describe("bundled price catalog", () => {
  it("satisfies PriceCatalogSchema", () => {
    const result = PriceCatalogSchema.safeParse(catalog);
    expect(result.success, result.success ? "" : z.prettifyError(result.error)).toBe(true);
    expect(parsed.name).toBe("bundled");
    expect(parsed.currency).toBe("USD");
    expect(parsed.retrieved).toBe("2026-11-20");
  });

  it("is what bundledCatalog() returns, unchanged by the schema, a fresh copy each call", () => {
    // bundledCatalog() does not parse at run time: the schema must accept the file as it is
    expect(bundledCatalog()).toStrictEqual(parsed);
    expect(bundledCatalog()).not.toBe(bundledCatalog());
    const mine = bundledCatalog();
    mine.name = "changed";
    expect(bundledCatalog().name).toBe("bundled");
  });

  it("has exactly the ten regions, each with every regional item", () => {
    expect(Object.keys(parsed.regions).sort()).toEqual([...REGIONS].sort());
    for (const region of REGIONS) {
      expect(Object.keys(parsed.regions[region] ?? {}).sort(), region).toEqual(
        [...REGIONAL_ITEMS].sort(),
      );
    }
    expect(Object.keys(parsed.global).sort()).toEqual([...GLOBAL_ITEMS].sort());
  });

  it("gives every entry a unit and an AWS pricing page as source", () => {
    const entries: [string, PriceEntry][] = [
      ...GLOBAL_ITEMS.map((item): [string, PriceEntry] => [`global.${item}`, globalEntry(item)]),
      ...REGIONS.flatMap((region) =>
        REGIONAL_ITEMS.map((item): [string, PriceEntry] => [
          `${region}.${item}`,
          entry(region, item),
        ]),
      ),
    ];
    expect(entries).toHaveLength(GLOBAL_ITEMS.length + REGIONS.length * REGIONAL_ITEMS.length);
    for (const [where, e] of entries) {
      expect(e.unit.trim(), where).not.toBe("");
      expect(e.source.trim(), where).not.toBe("");
      expect(e.source, where).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
  });

  it("marks unverified exactly the figures pricing-facts.md does not state", () => {
    for (const region of REGIONS) {
      for (const item of REGIONAL_ITEMS) {
        const flag = entry(region, item).unverified === true;
        expect(flag, `${region}.${item}`).toBe(!isVerified(region, item));
      }
    }
    for (const item of GLOBAL_ITEMS) expect(globalEntry(item).unverified).toBeUndefined();
  });

  it("has the interface endpoint hourly rate of every region", () => {
    for (const region of REGIONS) {
      const e = entry(region, "interfaceEndpointHour");
      expect(e.usd, region).toBe(INTERFACE_HOUR[region]);
      expect(e.unit).toBe("ENI-hour");
      expect(e.usagetype).toBe("VpcEndpoint-Hours");
    }
  });

  it("has the interface endpoint data tiers (cumulative GB)", () => {
    for (const region of REGIONS) {
      const e = entry(region, "interfaceEndpointGb");
      expect(e.tiers, region).toEqual(INTERFACE_GB_TIERS);
      expect(e.usd).toBeUndefined();
      expect(e.unit).toBe("GB");
      expect(e.usagetype).toBe("VpcEndpoint-Bytes");
    }
  });

  it("has the us-east-1 Gateway Load Balancer endpoint and Network Load Balancer figures", () => {
    expect(entry("us-east-1", "gwlbEndpointHour").usd).toBe("0.01");
    expect(entry("us-east-1", "gwlbEndpointGb").usd).toBe("0.0035");
    expect(entry("us-east-1", "gwlbEndpointHour").usagetype).toContain("GWLBE");
    expect(entry("us-east-1", "gwlbEndpointGb").usagetype).toContain("GWLBE");

    const nlb = entry("us-east-1", "networkLoadBalancerHour");
    expect([nlb.usd, nlb.unit, nlb.usagetype]).toEqual(["0.0225", "NLB-hour", "LoadBalancerUsage"]);
    const nlcu = entry("us-east-1", "networkLoadBalancerLcuHour");
    expect([nlcu.usd, nlcu.unit, nlcu.usagetype]).toEqual(["0.006", "NLCU-hour", "LCUUsage"]);

    const gwlb = entry("us-east-1", "gatewayLoadBalancerHour");
    expect([gwlb.usd, gwlb.unit, gwlb.unverified]).toEqual(["0.0125", "GWLB-hour", true]);
    const glcu = entry("us-east-1", "gatewayLoadBalancerLcuHour");
    expect([glcu.usd, glcu.unit, glcu.unverified]).toEqual(["0.004", "GLCU-hour", true]);
  });

  it("has the NAT gateway figures of the four stated regions and public IPv4", () => {
    for (const [region, usd] of Object.entries(NAT)) {
      const hour = entry(region, "natGatewayHour");
      const gb = entry(region, "natGatewayGb");
      expect([hour.usd, hour.unit, hour.usagetype], region).toEqual([
        usd,
        "NAT-gateway-hour",
        "NatGateway-Hours",
      ]);
      expect([gb.usd, gb.unit, gb.usagetype], region).toEqual([usd, "GB", "NatGateway-Bytes"]);
    }
    const ip = entry("us-east-1", "publicIpv4Hour");
    expect([ip.usd, ip.unit]).toEqual(["0.005", "IPv4-address-hour"]);
  });

  it("has the us-east-1 Transit Gateway figures", () => {
    const attachment = entry("us-east-1", "transitGatewayAttachmentHour");
    expect([attachment.usd, attachment.unit]).toEqual(["0.05", "attachment-hour"]);
    const gb = entry("us-east-1", "transitGatewayGb");
    expect([gb.usd, gb.unit]).toEqual(["0.02", "GB"]);
  });

  it("has the data transfer figures", () => {
    for (const region of REGIONS) {
      const interAz = entry(region, "interAzGb");
      expect([interAz.usd, interAz.unit], region).toEqual(["0.01", "GB per direction"]);
      expect(entry(region, "interRegionGb").unit).toBe("GB out");
    }
    const east1 = entry("us-east-1", "interRegionGb");
    expect(east1.usd).toBe("0.02");
    expect(east1.byDestination).toEqual({ "us-east-2": "0.01" });
    const east2 = entry("us-east-2", "interRegionGb");
    expect(east2.usd).toBe("0.02");
    expect(east2.byDestination).toEqual({ "us-east-1": "0.01" });
    for (const region of ["us-west-2", "eu-west-1", "eu-west-2", "eu-central-1"]) {
      expect(entry(region, "interRegionGb").usd, region).toBe("0.02");
    }
    for (const region of REGIONS.filter((r) => r.startsWith("ap-"))) {
      const e = entry(region, "interRegionGb");
      expect(Number(e.usd), region).toBeGreaterThan(0.02);
      expect(e.unverified, region).toBe(true);
    }
  });

  it("has the Route 53 tiers", () => {
    const zones = globalEntry("route53HostedZone");
    expect(zones.unit).toBe("hosted-zone-month");
    expect(zones.tiers).toEqual([
      { upTo: 25, usd: "0.50" },
      { upTo: null, usd: "0.10" },
    ]);
    const queries = globalEntry("route53Queries");
    expect(queries.unit).toBe("million queries");
    expect(queries.tiers).toEqual([
      { upTo: 1000, usd: "0.40" },
      { upTo: null, usd: "0.20" },
    ]);
  });
});

describe("PriceCatalogSchema rejects a broken catalog", () => {
  it("names the path of a price that is not a decimal string", () => {
    const broken = copy();
    const hour = broken.regions["us-east-1"]?.interfaceEndpointHour;
    if (!hour) throw new Error("missing us-east-1.interfaceEndpointHour");
    hour.usd = "abc";
    const error = parseError(broken);
    expect(error.issues.map((i) => i.path)).toEqual([
      ["regions", "us-east-1", "interfaceEndpointHour", "usd"],
    ]);
    const message = z.prettifyError(error);
    expect(message).toContain('regions["us-east-1"].interfaceEndpointHour.usd');
    expect(message).toContain("must be a decimal string");
  });

  it("names the path of a middle tier that is open-ended", () => {
    const broken = copy();
    const gb = broken.regions["eu-west-1"]?.interfaceEndpointGb;
    if (!gb) throw new Error("missing eu-west-1.interfaceEndpointGb");
    gb.tiers = [
      { upTo: 1048576, usd: "0.01" },
      { upTo: null, usd: "0.006" },
      { upTo: null, usd: "0.004" },
    ];
    const error = parseError(broken);
    expect(error.issues.map((i) => i.path)).toEqual([
      ["regions", "eu-west-1", "interfaceEndpointGb", "tiers", 1, "upTo"],
    ]);
    const message = z.prettifyError(error);
    expect(message).toContain('regions["eu-west-1"].interfaceEndpointGb.tiers[1].upTo');
    expect(message).toContain("only the last tier may be null");
  });

  it("names the path of an entry with both usd and tiers", () => {
    const broken = copy();
    const gb = broken.regions["ap-northeast-1"]?.interfaceEndpointGb;
    if (!gb) throw new Error("missing ap-northeast-1.interfaceEndpointGb");
    gb.usd = "0.01";
    const error = parseError(broken);
    expect(error.issues[0]?.path).toEqual(["regions", "ap-northeast-1", "interfaceEndpointGb"]);
    expect(z.prettifyError(error)).toContain("give exactly one of usd or tiers");
  });

  it("rejects an unknown item name", () => {
    const broken = copy();
    const region = broken.regions["us-west-2"];
    const hour = region?.interfaceEndpointHour;
    if (!region || !hour) throw new Error("missing us-west-2.interfaceEndpointHour");
    region.interfaceEndpointHours = hour;
    const error = parseError(broken);
    expect(error.issues[0]?.path).toEqual(["regions", "us-west-2"]);
    expect(z.prettifyError(error)).toContain("interfaceEndpointHours");
  });
});
