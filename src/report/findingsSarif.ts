import type { CheckRule } from "../check/checkRule.js";
import type { Finding } from "../check/finding.js";
import { pathLocator } from "../document/locatePath.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/**
 * Findings as a SARIF 2.1.0 log (GitHub code scanning): one run of the tool "linkplan", its
 * rules with their docs, each finding a result located in the topology file at its JSON
 * path (a logical location; `uri` is the file checked). Given the text of that file
 * (`source`), a result whose path is written there also gets a region: the line and column
 * where the path's deepest written part starts. A finding on a topology imported from a
 * Terraform directory (no text, and the resource's `source` names its file) points at the
 * `.tf` file inside that directory (`uri`) and the line of the resource block; every
 * finding with a `source` also names its Terraform address as a logical location. Pure:
 * the text is passed in, not read.
 */
export function findingsSarif(
  findings: readonly Finding[],
  rules: readonly Omit<CheckRule, "check">[],
  uri: string,
  version: string,
  source: string | null = null,
): unknown {
  const locate = source !== null && findings.length > 0 ? pathLocator(source) : () => null;
  const physicalLocation = ({ path, source: written }: Finding) => {
    if (source === null && written?.file !== undefined) {
      return {
        artifactLocation: { uri: `${uri.replace(/\/+$/, "")}/${written.file}` },
        ...(written.line === undefined ? {} : { region: { startLine: written.line } }),
      };
    }
    const at = locate(path);
    return {
      artifactLocation: { uri },
      ...(at ? { region: { startLine: at.line, startColumn: at.column } } : {}),
    };
  };
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
              physicalLocation: physicalLocation(f),
              logicalLocations: [
                { fullyQualifiedName: f.path, name: f.resource },
                ...(f.source ? [{ fullyQualifiedName: f.source.terraform, kind: "resource" }] : []),
              ],
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
