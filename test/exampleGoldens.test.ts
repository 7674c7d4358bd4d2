import { describe, expect, it } from "vitest";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson } from "../src/report/estimateJson.js";
import { formatEstimateCsv } from "../src/report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../src/report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../src/report/formatEstimateTable.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";
import { expectGolden } from "./helpers/golden.js";

const catalog = bundledCatalog();

function estimateOf(name: string) {
  return estimate(exampleTopology(name), catalog);
}

describe("example estimates match their golden files", () => {
  it("has one example per article architecture, the dev/prod pair, the hub-and-spoke case and the broken one for check", () => {
    expect(EXAMPLE_NAMES).toEqual([
      "broken",
      "consumer-provider",
      "dev",
      "endpoints-module",
      "prod",
      "provider-service",
      "s3-gateway-policy",
      "saas-monitoring",
      "shared-services",
      "spokes",
    ]);
  });

  for (const name of EXAMPLE_NAMES) {
    it(`${name}: table, JSON, Markdown and CSV`, () => {
      const result = estimateOf(name);
      expectGolden(`estimate/${name}.txt`, formatEstimateTable(result));
      expectGolden(`estimate/${name}.json`, `${JSON.stringify(estimateToJson(result), null, 2)}\n`);
      expectGolden(`estimate/${name}.md`, formatEstimateMarkdown(result));
      expectGolden(`estimate/${name}.csv`, formatEstimateCsv(result));
    });
  }

  it("the article's endpoint module costs 284.70 a month and 0.39 an hour", () => {
    const json = estimateToJson(estimateOf("endpoints-module"));
    expect(json.totals).toEqual({ hourly: "0.39", monthly: "284.70" });
    expect(json.lines.filter((l) => l.kind === "gateway-endpoint").map((l) => l.monthly)).toEqual([
      "0.00",
      "0.00",
    ]);
  });
});
