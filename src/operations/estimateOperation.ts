import * as z from "zod";
import { type Estimate, estimate } from "../estimate/estimate.js";
import { EstimateJsonSchema, estimateToJson } from "../report/estimateJson.js";
import { estimateJsonChunks } from "../report/estimateJsonChunks.js";
import { formatEstimateCsv } from "../report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../report/formatEstimateTable.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { hoursPerMonthOption } from "./options.js";
import { readTopology } from "./readTopology.js";

export const EstimateOptionsSchema = z.object({ hoursPerMonth: hoursPerMonthOption });
export type EstimateOptions = z.output<typeof EstimateOptionsSchema>;

/** estimate: a topology in, its cost line by line out. */
export const estimateOperation = defineOperation({
  name: "estimate",
  summary: "price a topology line by line (hourly, monthly, per GB, tiered)",
  options: EstimateOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: EstimateJsonSchema,
      render: estimateToJson,
      chunks: estimateJsonChunks,
    },
    table: { kind: "text", mediaType: MEDIA.text, render: formatEstimateTable },
    markdown: { kind: "text", mediaType: MEDIA.markdown, render: formatEstimateMarkdown },
    csv: { kind: "text", mediaType: MEDIA.csv, render: formatEstimateCsv },
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
  run(body, options: EstimateOptions, ctx): Estimate {
    const topology = readTopology(body, ctx.limits);
    const hours = options.hoursPerMonth;
    return estimate(topology, ctx.catalog, hours === undefined ? {} : { hoursPerMonth: hours });
  },
});
