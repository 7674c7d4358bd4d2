import { describe, expect, it } from "vitest";
import { BREAK_EVEN_DEFAULTS, type BreakEven, breakEven } from "../src/compare/breakEven.js";
import { formatMoney, formatQuantity, parseScaled } from "../src/core/money.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { PriceCatalog } from "../src/pricing/catalogSchema.js";
import { BreakEvenJsonSchema, breakEvenToJson } from "../src/report/breakEvenJson.js";
import { formatBreakEvenTable } from "../src/report/formatBreakEvenTable.js";
import { caught } from "./helpers/caught.js";
import { usd } from "./helpers/money.js";

const catalog = bundledCatalog();

const service = (b: BreakEven, name: string) => {
  const found = b.services.find((s) => s.service === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe("break-even in us-east-1 (the pricing-facts worked check)", () => {
  const b = breakEven({ region: "us-east-1" }, catalog);

  it("uses the defaults and the catalog's rates", () => {
    expect(b.azs).toBe(3);
    expect(b.hoursPerMonth).toBe(730);
    expect(b.services.map((s) => s.service)).toEqual([...BREAK_EVEN_DEFAULTS.services]);
    expect(b.hub.rows.map((r) => r.spokes)).toEqual([...BREAK_EVEN_DEFAULTS.spokes]);
    expect(b.catalog).toEqual({ name: catalog.name, retrieved: catalog.retrieved });
    expect(breakEvenToJson(b).rates).toEqual({
      interfaceEndpointHour: "0.01",
      interfaceEndpointGb: "0.01",
      natGatewayGb: "0.045",
      transitGatewayAttachmentHour: "0.05",
      transitGatewayGb: "0.02",
      hostedZoneMonth: "0.50",
    });
  });

  it("an interface endpoint beats NAT above 7.30 / 0.035 = 208.571429 GB per AZ", () => {
    const ecr = service(b, "ecr.api");
    expect(ecr.endpoint).toBe("interface");
    // one ENI: 730 × 0.01 = 7.30 a month; saves 0.045 − 0.01 = 0.035 per GB
    // 7.30 / 0.035 = 208.5714285… → 208.571429 GB (micro-GB, rounded)
    expect(ecr.gbPerMonthPerAz).toBe(208_571_429n);
    // 3 AZs: 21.90 / 0.035 = 625.7142857… → 625.714286 (rounded once, not 3 × 208.571429)
    expect(ecr.gbPerMonth).toBe(625_714_286n);
    expect(ecr.fixedMonthly).toBe(3n * 730n * usd("0.01"));
    expect(formatMoney(ecr.fixedMonthly)).toBe("21.90");
    expect(ecr.savingPerGb).toBe(parseScaled("0.035", 12));
    // every interface service has the same figures
    for (const name of ["ecr.dkr", "logs", "sts"]) {
      expect(service(b, name)).toEqual({ ...ecr, service: name });
    }
  });

  it("a gateway service (s3) is always cheaper: 0 GB", () => {
    expect(service(b, "s3")).toEqual({
      service: "s3",
      endpoint: "gateway",
      fixedMonthly: 0n,
      savingPerGb: parseScaled("0.045", 12),
      gbPerMonth: 0n,
      gbPerMonthPerAz: null,
    });
  });

  it("hub vs endpoints in every VPC, by hand", () => {
    expect(b.hub.services).toEqual(["ecr.api", "ecr.dkr", "logs", "sts"]);
    // per VPC: 4 services × 3 AZs × 7.30 = 87.60
    const perVpc = 4n * 3n * 730n * usd("0.01");
    expect(formatMoney(perVpc)).toBe("87.60");
    // hub: 87.60 + (N + 1) attachments × 730 × 0.05 (36.50) + 4 zones × 0.50
    const hubOf = (n: bigint) => perVpc + (n + 1n) * 730n * usd("0.05") + 4n * usd("0.50");
    // hub cheaper below (N × 87.60 − hub) / 0.02 GB
    const belowOf = (n: bigint) => {
      const margin = n * perVpc - hubOf(n);
      return margin > 0n ? formatQuantity(margin / parseScaled("0.02", 12)) : null;
    };
    expect(
      b.hub.rows.map((r) => [
        r.spokes,
        formatMoney(r.perVpcMonthly),
        formatMoney(r.hubMonthly),
        r.hubCheaperBelowGb === null ? null : formatQuantity(r.hubCheaperBelowGb),
      ]),
    ).toEqual([
      // N=2: 175.20 vs 87.60 + 109.50 + 2.00 = 199.10 → never
      [2, "175.20", "199.10", null],
      // N=3: 262.80 vs 87.60 + 146.00 + 2.00 = 235.60 → 27.20 / 0.02 = 1360 GB
      [3, "262.80", "235.60", "1360"],
      // N=5: 438.00 vs 87.60 + 219.00 + 2.00 = 308.60 → 129.40 / 0.02 = 6470
      [5, "438.00", "308.60", "6470"],
      // N=10: 876.00 vs 87.60 + 401.50 + 2.00 = 491.10 → 384.90 / 0.02 = 19245
      [10, "876.00", "491.10", "19245"],
      // N=20: 1752.00 vs 87.60 + 766.50 + 2.00 = 856.10 → 895.90 / 0.02 = 44795
      [20, "1752.00", "856.10", "44795"],
    ]);
    for (const row of b.hub.rows) {
      const n = BigInt(row.spokes);
      expect(row.perVpcMonthly).toBe(n * perVpc);
      expect(row.hubMonthly).toBe(hubOf(n));
      expect(row.hubCheaperBelowGb === null ? null : formatQuantity(row.hubCheaperBelowGb)).toBe(
        belowOf(n),
      );
      expect(row.hubExtraPerGb).toBe(parseScaled("0.02", 12));
    }
  });

  it("minSpokes 3: the smallest N with N × 87.60 > 87.60 + (N + 1) × 36.50 + 2.00", () => {
    // N × (87.60 − 36.50) > 87.60 + 36.50 + 2.00 ⇔ N × 51.10 > 126.10 ⇔ N > 2.47
    expect(b.hub.minSpokes).toBe(3);
    const at = (n: number) => breakEven({ region: "us-east-1", spokes: [n] }, catalog).hub.rows[0];
    expect(at(2)?.hubCheaperBelowGb).toBeNull();
    expect(at(3)?.hubCheaperBelowGb).not.toBeNull();
  });

  it("the JSON form", () => {
    const json = BreakEvenJsonSchema.parse(breakEvenToJson(b));
    expect(json.region).toBe("us-east-1");
    expect(json.azs).toBe(3);
    expect(json.hoursPerMonth).toBe(730);
    expect(json.services[0]).toEqual({
      service: "ecr.api",
      endpoint: "interface",
      fixedMonthly: "21.90",
      savingPerGb: "0.035",
      gbPerMonth: "625.714286",
      gbPerMonthPerAz: "208.571429",
    });
    expect(json.services[4]).toEqual({
      service: "s3",
      endpoint: "gateway",
      fixedMonthly: "0.00",
      savingPerGb: "0.045",
      gbPerMonth: "0",
      gbPerMonthPerAz: null,
    });
    expect(json.hub.minSpokes).toBe(3);
    expect(json.hub.rows[0]).toEqual({
      spokes: 2,
      perVpcMonthly: "175.20",
      hubMonthly: "199.10",
      hubExtraPerGb: "0.02",
      hubCheaper: "never",
      hubCheaperBelowGb: null,
    });
    expect(json.hub.rows[1]?.hubCheaper).toBe("below");
    expect(json.hub.rows[1]?.hubCheaperBelowGb).toBe("1360");
    // plain JSON: survives a round trip
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("break-even options and other regions", () => {
  it("a hub with free transit gateway data is cheaper at any traffic once it beats per-VPC", () => {
    const free = structuredClone(catalog);
    const region = free.regions["us-east-1"];
    if (!region?.transitGatewayGb) throw new Error("us-east-1 has no transitGatewayGb");
    region.transitGatewayGb = { ...region.transitGatewayGb, usd: "0" };
    const b = breakEven({ region: "us-east-1", spokes: [2, 3] }, free);
    // 2 spokes: 175.20 per-VPC < 199.10 hub → never; 3: 262.80 > 235.60 → always
    expect(b.hub.rows.map((r) => [r.spokes, r.hubCheaper, r.hubCheaperBelowGb])).toEqual([
      [2, "never", null],
      [3, "always", null],
    ]);
    expect(formatBreakEvenTable(b)).toContain(
      "         3             262.80         235.60          always",
    );
  });

  it("eu-west-2: 0.011 × 730 = 8.03 / (0.05 − 0.01) = 200.75 GB per AZ", () => {
    const b = breakEven({ region: "eu-west-2" }, catalog);
    const ecr = service(b, "ecr.api");
    expect(formatMoney(ecr.fixedMonthly)).toBe("24.09");
    expect(ecr.gbPerMonthPerAz).toBe(200_750_000n);
    // 24.09 / 0.04 = 602.25
    expect(ecr.gbPerMonth).toBe(602_250_000n);
    // hub: 4 × 3 × 8.03 = 96.36 per VPC; attachments 730 × 0.06 = 43.80;
    // N × (96.36 − 43.80) > 96.36 + 43.80 + 2.00 ⇔ N × 52.56 > 142.16 ⇔ N > 2.70 → 3
    expect(b.hub.minSpokes).toBe(3);
    const three = b.hub.rows.find((r) => r.spokes === 3);
    // 3 × 96.36 = 289.08 vs 96.36 + 4 × 43.80 + 2.00 = 273.56 → 15.52 / 0.02 = 776 GB
    expect(three && formatMoney(three.hubMonthly)).toBe("273.56");
    expect(three?.hubCheaperBelowGb).toBe(776_000_000n);
  });

  it("azs, services, spokes and hoursPerMonth", () => {
    const b = breakEven(
      {
        region: "us-east-1",
        azs: 1,
        services: ["sts", "dynamodb"],
        spokes: [1, 4],
        hoursPerMonth: 720,
      },
      catalog,
    );
    // 720 × 0.01 = 7.20 / 0.035 = 205.714286 (1 AZ: the total is the per-AZ figure)
    expect(service(b, "sts").gbPerMonth).toBe(205_714_286n);
    expect(service(b, "sts").gbPerMonthPerAz).toBe(205_714_286n);
    expect(service(b, "dynamodb").endpoint).toBe("gateway");
    expect(b.hub.services).toEqual(["sts"]);
    // per VPC 7.20; hub 7.20 + (N + 1) × 720 × 0.05 (36.00) + 0.50: never cheaper
    expect(
      b.hub.rows.map((r) => [r.spokes, formatMoney(r.hubMonthly), r.hubCheaperBelowGb]),
    ).toEqual([
      [1, "79.70", null],
      [4, "187.70", null],
    ]);
    // N × (7.20 − 36.00) is never positive
    expect(b.hub.minSpokes).toBeNull();
  });

  it("gateway services only: nothing to share through a hub", () => {
    const b = breakEven({ region: "us-east-1", services: ["s3", "dynamodb"] }, catalog);
    expect(b.hub.services).toEqual([]);
    expect(b.hub.minSpokes).toBeNull();
    expect(b.hub.rows.every((r) => r.hubCheaperBelowGb === null)).toBe(true);
  });

  it("a region missing from the catalog is missing_price, naming region and items", () => {
    const error = caught(() => breakEven({ region: "sa-east-1" }, catalog));
    expect(error.code).toBe("missing_price");
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]?.message).toBe(
      "region sa-east-1 is not in the catalog (no price for interfaceEndpointHour)",
    );
    expect(error.problems.map((p) => p.message).join("\n")).toContain("natGatewayGb");
  });

  it("a catalog lacking one price names that price", () => {
    const lacking: PriceCatalog = structuredClone(catalog);
    const region = lacking.regions["us-east-1"];
    if (!region) throw new Error("no us-east-1");
    delete (region as Record<string, unknown>).transitGatewayGb;
    const error = caught(() => breakEven({ region: "us-east-1" }, lacking));
    expect(error.code).toBe("missing_price");
    expect(error.problems.map((p) => p.message)).toEqual([
      "no price for transitGatewayGb in region us-east-1",
    ]);
  });

  it("invalid azs, spokes, services or hours are invalid_request with a path", () => {
    const pathOf = (request: Parameters<typeof breakEven>[0]) => {
      const error = caught(() => breakEven(request, catalog));
      expect(error.code).toBe("invalid_request");
      return error.problems.map((p) => p.path);
    };
    expect(pathOf({ region: "us-east-1", azs: 0 })).toEqual(["azs"]);
    expect(pathOf({ region: "us-east-1", azs: 7 })).toEqual(["azs"]);
    expect(pathOf({ region: "us-east-1", azs: 1.5 })).toEqual(["azs"]);
    expect(pathOf({ region: "us-east-1", spokes: [3, 0] })).toEqual(["spokes[1]"]);
    expect(pathOf({ region: "us-east-1", spokes: [2.5] })).toEqual(["spokes[0]"]);
    expect(pathOf({ region: "us-east-1", spokes: [10_001] })).toEqual(["spokes[0]"]);
    expect(pathOf({ region: "us-east-1", services: [] })).toEqual(["services"]);
    expect(pathOf({ region: "us-east-1", hoursPerMonth: 0 })).toEqual(["hoursPerMonth"]);
    expect(pathOf({ region: "us-east-1", hoursPerMonth: 745 })).toEqual(["hoursPerMonth"]);
  });
});
