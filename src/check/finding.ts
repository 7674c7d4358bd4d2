import * as z from "zod";
import { SourceSchema } from "../topology/sourceSchema.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding of `linkplan check`: a rule that a part of the topology breaks. */
export const FindingSchema = z
  .object({
    rule: z.string().describe("the rule's id, e.g. endpoint-service-open"),
    severity: z.enum(SEVERITIES),
    message: z.string().describe("what is wrong, naming the resources"),
    fix: z.string().describe("what to change"),
    path: z.string().describe("JSON path of the part in the topology, e.g. accounts[0].vpcs[1]"),
    resource: z.string().describe("the resource, as account/vpc/id"),
    docs: z.string().describe("AWS documentation about it"),
    savingMonthly: z
      .string()
      .optional()
      .describe("for cost findings: USD per month at stake, an exact decimal"),
    source: SourceSchema.optional().describe(
      "where the resource is written in Terraform (topologies from linkplan import)",
    ),
  })
  .describe("A finding of linkplan check");
export type Finding = z.infer<typeof FindingSchema>;

/** How severe a severity is: error 3, warning 2, info 1. */
export function severityRank(severity: Severity): number {
  return severity === "error" ? 3 : severity === "warning" ? 2 : 1;
}
