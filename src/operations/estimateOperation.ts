import * as z from "zod";
import { check } from "../check/check.js";
import type { Finding } from "../check/finding.js";
import { type Estimate, estimate } from "../estimate/estimate.js";
import { EstimateJsonSchema, estimateToJson } from "../report/estimateJson.js";
import { estimateJsonChunks } from "../report/estimateJsonChunks.js";
import { estimateJsonText } from "../report/estimateJsonText.js";
import { formatEstimateCsv } from "../report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../report/formatEstimateTable.js";
import { formatFindingsMarkdown } from "../report/formatFindingsMarkdown.js";
import { formatFindingsText } from "../report/formatFindingsText.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { flagOption, hoursPerMonthOption } from "./options.js";
import { readTopology } from "./readTopology.js";

export const EstimateOptionsSchema = z.object({
  hoursPerMonth: hoursPerMonthOption,
  check: flagOption(
    "also run linkplan check and show its findings under the estimate (table, markdown, json)",
  ),
});
export type EstimateOptions = z.output<typeof EstimateOptionsSchema>;

/** What estimate answers: the estimate, and the findings of check when asked (else null). */
export interface EstimateResult {
  estimate: Estimate;
  findings: Finding[] | null;
}

/** The formats that can carry findings (estimate --check): table, markdown, json. */
const WITH_FINDINGS = ["table", "markdown", "json"];

/** estimate: a topology in, its cost line by line out (and its findings, with check). */
export const estimateOperation = defineOperation({
  name: "estimate",
  summary: "price a topology line by line (hourly, monthly, per GB, tiered)",
  options: EstimateOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: EstimateJsonSchema,
      render: (r: EstimateResult) => estimateToJson(r.estimate, r.findings),
      chunks: (r: EstimateResult) => estimateJsonChunks(r.estimate, r.findings),
      text: (r: EstimateResult) => estimateJsonText(r.estimate, r.findings),
    },
    table: {
      kind: "text",
      mediaType: MEDIA.text,
      render: (r: EstimateResult) =>
        r.findings === null
          ? formatEstimateTable(r.estimate)
          : `${formatEstimateTable(r.estimate)}\n${formatFindingsText(r.estimate.name, r.findings)}`,
    },
    markdown: {
      kind: "text",
      mediaType: MEDIA.markdown,
      render: (r: EstimateResult) =>
        r.findings === null
          ? formatEstimateMarkdown(r.estimate)
          : `${formatEstimateMarkdown(r.estimate)}\n${formatFindingsMarkdown(r.estimate.name, r.findings)}`,
    },
    csv: {
      kind: "text",
      mediaType: MEDIA.csv,
      render: (r: EstimateResult) => formatEstimateCsv(r.estimate),
    },
  },
  defaultFormat: { cli: "table", api: "json" },
  route: {
    method: "POST",
    url: "/v1/estimate",
    tag: "estimate",
    body: TopologySchema,
    bodyDescription:
      "a topology as JSON, or YAML with Content-Type: application/yaml. Money is exact decimal strings; totals equal the sum of the lines.",
  },
  formatProblem: (options: EstimateOptions, format) =>
    options.check && !WITH_FINDINGS.includes(format)
      ? {
          path: "check",
          message: `needs the table, markdown or json format, not ${format}`,
        }
      : null,
  run(body, options: EstimateOptions, ctx): EstimateResult {
    const topology = readTopology(body, ctx.limits);
    const hours = options.hoursPerMonth;
    const priced = estimate(
      topology,
      ctx.catalog,
      hours === undefined ? {} : { hoursPerMonth: hours },
    );
    // findings do not change the estimate, nor fail it
    const findings = options.check ? check(topology, { catalog: ctx.catalog }) : null;
    return { estimate: priced, findings };
  },
});
