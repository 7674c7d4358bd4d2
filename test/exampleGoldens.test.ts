import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson } from "../src/report/estimateJson.js";
import { formatEstimateCsv } from "../src/report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../src/report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../src/report/formatEstimateTable.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { expectGolden } from "./helpers/golden.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const catalog = bundledCatalog();

function estimateOf(file: string) {
  return estimate(
    parseTopology(parseDocument(readFileSync(EXAMPLES + file, "utf8"), file)),
    catalog,
  );
}

describe("example estimates match their golden files", () => {
  it("has one example per article architecture, the dev/prod pair and the hub-and-spoke case", () => {
    expect(examples).toEqual([
      "consumer-provider.yaml",
      "dev.yaml",
      "endpoints-module.yaml",
      "prod.yaml",
      "provider-service.yaml",
      "s3-gateway-policy.yaml",
      "saas-monitoring.yaml",
      "shared-services.yaml",
      "spokes.yaml",
    ]);
  });

  for (const file of examples) {
    const name = file.replace(/\.yaml$/, "");
    it(`${name}: table, JSON, Markdown and CSV`, () => {
      const result = estimateOf(file);
      expectGolden(`estimate/${name}.txt`, formatEstimateTable(result));
      expectGolden(`estimate/${name}.json`, `${JSON.stringify(estimateToJson(result), null, 2)}\n`);
      expectGolden(`estimate/${name}.md`, formatEstimateMarkdown(result));
      expectGolden(`estimate/${name}.csv`, formatEstimateCsv(result));
    });
  }

  it("the article's endpoint module costs 284.70 a month and 0.39 an hour", () => {
    const json = estimateToJson(estimateOf("endpoints-module.yaml"));
    expect(json.totals).toEqual({ hourly: "0.39", monthly: "284.70" });
    expect(json.lines.filter((l) => l.kind === "gateway-endpoint").map((l) => l.monthly)).toEqual([
      "0.00",
      "0.00",
    ]);
  });
});
