import { describe, expect, it } from "vitest";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import type { PriceCatalog } from "../src/pricing/catalogSchema.js";
import { diffCatalogs } from "../src/pricing/diffCatalogs.js";
import { formatCatalogDiff } from "../src/report/formatCatalogDiff.js";

function catalog(
  regions: PriceCatalog["regions"],
  global: PriceCatalog["global"] = {},
): PriceCatalog {
  return { name: "c", currency: "USD", retrieved: "2026-11-27", global, regions };
}

const source = { source: "test" };

describe("diffCatalogs", () => {
  it("finds nothing between a catalog and itself, and compares prices as decimals", () => {
    const bundled = bundledCatalog();
    expect(diffCatalogs(bundled, bundled).changes).toEqual([]);
    const a = catalog({}, { route53HostedZone: { ...source, unit: "zone", usd: "0.50" } });
    const b = catalog({}, { route53HostedZone: { ...source, unit: "zone", usd: "0.5" } });
    expect(diffCatalogs(a, b)).toMatchObject({ changes: [], unchanged: 1 });
  });

  it("compares tiers one by one (price and bound), destinations, units and whole items", () => {
    const before = catalog({
      "us-east-1": {
        interfaceEndpointGb: {
          ...source,
          unit: "GB",
          tiers: [
            { upTo: 1048576, usd: "0.01" },
            { upTo: 5242880, usd: "0.006" },
            { upTo: null, usd: "0.004" },
          ],
        },
        interRegionGb: {
          ...source,
          unit: "GB",
          usd: "0.02",
          byDestination: { "us-east-2": "0.01" },
        },
        natGatewayHour: { ...source, unit: "hour", usd: "0.045" },
      },
    });
    const after = catalog({
      "us-east-1": {
        interfaceEndpointGb: {
          ...source,
          unit: "GB",
          tiers: [
            { upTo: 1048576, usd: "0.01" },
            { upTo: null, usd: "0.005" },
          ],
        },
        interRegionGb: {
          ...source,
          unit: "GB out",
          usd: "0.02",
          byDestination: { "us-west-2": "0" },
        },
        natGatewayGb: { ...source, unit: "GB", usd: "0.045" },
      },
    });
    const diff = diffCatalogs(before, after);
    const row = (
      figure: string,
      change: string,
      o: string | null,
      n: string | null,
      pct: string | null = null,
    ) => ({
      region: "us-east-1",
      figure,
      change,
      old: o,
      new: n,
      percent: pct,
    });
    expect(diff.changes).toEqual([
      { item: "interfaceEndpointGb", ...row("tier 2", "changed", "0.006", "0.005", "-16.7%") },
      { item: "interfaceEndpointGb", ...row("tier 2 bound", "changed", "5242880", "none") },
      { item: "interfaceEndpointGb", ...row("tier 3", "removed", "0.004", null) },
      { item: "natGatewayHour", ...row("", "removed", "0.045", null) },
      { item: "natGatewayGb", ...row("", "added", null, "0.045") },
      { item: "interRegionGb", ...row("unit", "changed", "GB", "GB out") },
      // destinations compare the rate that applies: an override, else the base rate (0.02)
      { item: "interRegionGb", ...row("to us-east-2", "changed", "0.01", "0.02", "+100.0%") },
      { item: "interRegionGb", ...row("to us-west-2", "changed", "0.02", "0", "-100.0%") },
    ]);
    expect(diff.unchanged).toBe(2);
    expect(formatCatalogDiff(diff)).toBe(
      [
        "prices diff: c (2026-11-27) → c (2026-11-27)",
        "",
        "REGION     ITEM                 FIGURE            OLD     NEW   CHANGE",
        "us-east-1  interfaceEndpointGb  tier 2          0.006   0.005   -16.7%",
        "us-east-1  interfaceEndpointGb  tier 2 bound  5242880    none  changed",
        "us-east-1  interfaceEndpointGb  tier 3          0.004       -  removed",
        "us-east-1  natGatewayHour                       0.045       -  removed",
        "us-east-1  natGatewayGb                             -   0.045    added",
        "us-east-1  interRegionGb        unit               GB  GB out  changed",
        "us-east-1  interRegionGb        to us-east-2     0.01    0.02  +100.0%",
        "us-east-1  interRegionGb        to us-west-2     0.02       0  -100.0%",
        "",
        "5 changed, 1 added, 2 removed, 2 unchanged (regions in both and Route 53)",
        "",
      ].join("\n"),
    );
  });
});
