import * as z from "zod";
import { check, selectedRules } from "../check/check.js";
import { type Finding, FindingSchema, SEVERITIES } from "../check/finding.js";
import { RULES } from "../check/rules.js";
import { findingsSarif } from "../report/findingsSarif.js";
import { formatFindingsMarkdown } from "../report/formatFindingsMarkdown.js";
import { formatFindingsText } from "../report/formatFindingsText.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { listOption } from "./options.js";
import { readTopology } from "./readTopology.js";

const RULE_IDS = new Set(RULES.map((r) => r.id));
/** A rule's id; an unknown one is a bad option (the list is fixed, whatever the topology). */
const RuleId = z.string().refine((id) => RULE_IDS.has(id), {
  error: (issue) =>
    `unknown rule "${String(issue.input)}" (linkplan check --list-rules lists them)`,
});

export const CheckOptionsSchema = z.object({
  rule: listOption(RuleId).optional().describe("only these rules, comma-separated"),
  skipRule: listOption(RuleId).optional().describe("all rules but these, comma-separated"),
  failOn: z
    .enum([...SEVERITIES, "none"])
    .default("error")
    .describe("the CLI exits 4 when a finding is at least this severe"),
  source: z
    .string()
    .max(1_000)
    .optional()
    .describe("the file name SARIF results point at (default: the file checked, or topology.yaml)"),
});
export type CheckOptions = z.output<typeof CheckOptionsSchema>;

export const CheckJsonSchema = z
  .object({
    name: z.string(),
    counts: z.object({
      error: z.number().int(),
      warning: z.number().int(),
      info: z.number().int(),
    }),
    findings: z.array(FindingSchema),
  })
  .describe("The findings of linkplan check, most severe first");

/**
 * What check answers: the topology's name, its findings, the rules run, the SARIF uri and
 * the text checked (where SARIF regions point; null when the body was not read from text).
 */
export interface CheckResult {
  name: string;
  findings: Finding[];
  rules: ReturnType<typeof selectedRules>;
  source: string;
  text: string | null;
}

function toJson(result: CheckResult): z.infer<typeof CheckJsonSchema> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return { name: result.name, counts, findings: result.findings };
}

/** check: a topology in, findings (troubleshooting, security, cost) out. */
export const checkOperation = defineOperation({
  name: "check",
  summary: "find what would break or cost too much before rollout (rules with fixes and docs)",
  options: CheckOptionsSchema,
  formats: {
    json: { kind: "json", mediaType: MEDIA.json, schema: CheckJsonSchema, render: toJson },
    sarif: {
      kind: "json",
      mediaType: "application/sarif+json; charset=utf-8",
      schema: z.record(z.string(), z.unknown()).describe("a SARIF 2.1.0 log"),
      render: (r: CheckResult) => findingsSarif(r.findings, r.rules, r.source, "0.1.0", r.text),
    },
    text: {
      kind: "text",
      mediaType: MEDIA.text,
      render: (r: CheckResult) => formatFindingsText(r.name, r.findings),
    },
    markdown: {
      kind: "text",
      mediaType: MEDIA.markdown,
      render: (r: CheckResult) => formatFindingsMarkdown(r.name, r.findings),
    },
  },
  defaultFormat: { cli: "text", api: "json" },
  route: {
    method: "POST",
    url: "/v1/check",
    tag: "check",
    body: TopologySchema,
    bodyDescription: "a topology as JSON, or YAML with Content-Type: application/yaml",
  },
  run(body, options, ctx, text): CheckResult {
    const topology = readTopology(body, ctx.limits);
    const selection = {
      ...(options.rule ? { rules: options.rule } : {}),
      ...(options.skipRule ? { skipRules: options.skipRule } : {}),
    };
    const rules = selectedRules(selection);
    return {
      name: topology.name,
      findings: check(topology, { ...selection, catalog: ctx.catalog }),
      rules,
      source: options.source ?? "topology.yaml",
      text: text ?? null,
    };
  },
});
