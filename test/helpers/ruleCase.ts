import { expect } from "vitest";
import { check } from "../../src/check/check.js";
import type { Finding } from "../../src/check/finding.js";
import { RULES } from "../../src/check/rules.js";
import { parseDocument } from "../../src/document/parseDocument.js";
import { parseTopology } from "../../src/topology/parseTopology.js";

/** A topology from YAML text, validated as every command validates it. */
export const topologyOf = (yaml: string) => parseTopology(parseDocument(yaml));

/** The findings of rule `id` alone on the topology in `yaml`. */
export const findingsOf = (id: string, yaml: string): Finding[] =>
  check(topologyOf(yaml), { rules: [id] });

/**
 * Assert that rule `id` finds exactly `expected` in `yaml` (each without rule, severity and
 * docs, which come from the rule) — message, fix, path, resource and money checked exactly.
 */
export function expectFindings(
  id: string,
  yaml: string,
  expected: Omit<Finding, "rule" | "severity" | "docs">[],
): void {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  expect(findingsOf(id, yaml)).toEqual(
    expected.map((f) => ({ rule: id, severity: rule.severity, docs: rule.docs, ...f })),
  );
}

/** The non-blank lines of `yaml`, each indented by `spaces` spaces. */
export const indent = (yaml: string, spaces: number): string =>
  yaml
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => `${" ".repeat(spaces)}${l}`)
    .join("\n");

/**
 * Account "a" with VPC "main" (us-east-1, AZs us-east-1a and us-east-1b) holding `vpcBody`,
 * then `accountExtra` in account "a" (e.g. endpointServices), then `extraAccounts` (items of
 * `accounts:`, indented by two spaces). `vpcBody` and `accountExtra` are written from column 0.
 */
export const vpcTopology = (vpcBody: string, accountExtra = "", extraAccounts = "") => `name: rules
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
${indent(vpcBody, 8)}
${indent(accountExtra, 4)}
${extraAccounts}`;

/** A narrow endpoint policy (one action on one bucket): endpoint-policy-full-access passes it. */
export const POLICY = `policy: { Statement: [{ Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }`;
