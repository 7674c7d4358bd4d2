import type { CheckRule } from "../check/checkRule.js";
import type { Finding } from "../check/finding.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/**
 * Findings as a SARIF 2.1.0 log (GitHub code scanning): one run of the tool "linkplan", its
 * rules with their docs, each finding a result located in the topology file at its JSON
 * path (a logical location; `uri` is the file checked).
 */
export function findingsSarif(
  findings: readonly Finding[],
  rules: readonly Omit<CheckRule, "check">[],
  uri: string,
  version: string,
): unknown {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "linkplan",
            version,
            informationUri: "https://github.com/linkplan/linkplan",
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: r.docs,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: rules.findIndex((r) => r.id === f.rule),
          level: LEVEL[f.severity],
          message: { text: `${f.message}. Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri } },
              logicalLocations: [{ fullyQualifiedName: f.path, name: f.resource }],
            },
          ],
          ...(f.savingMonthly === undefined
            ? {}
            : { properties: { savingMonthly: f.savingMonthly } }),
        })),
      },
    ],
  };
}
