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
