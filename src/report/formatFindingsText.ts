import type { Finding } from "../check/finding.js";
import { terminalLines } from "../core/terminalText.js";
import { describeSource } from "../topology/sourceSchema.js";

function count(findings: readonly Finding[]): string {
  const by = (s: string) => findings.filter((f) => f.severity === s).length;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return `${n(by("error"), "error")}, ${n(by("warning"), "warning")}, ${by("info")} info`;
}

/** Findings for a terminal, grouped by severity: what, where, how to fix, the docs. */
export function formatFindingsText(name: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return terminalLines(`${name}: no findings\n`);
  const out = [`${name}: ${count(findings)}`];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push("", `${severity.toUpperCase()}S`);
    for (const f of group) {
      out.push(`  ${f.rule}  ${f.path}`);
      if (f.source) out.push(`    terraform: ${describeSource(f.source)}`);
      out.push(
        `    ${f.message}`,
        `    fix: ${f.fix}${f.savingMonthly === undefined ? "" : ` (saves ${f.savingMonthly} USD/month)`}`,
        `    docs: ${f.docs}`,
      );
    }
  }
  return terminalLines(`${out.join("\n")}\n`);
}

/** A one-line count of findings by severity, e.g. "1 error, 2 warnings, 0 info". */
export { count as countFindings };
