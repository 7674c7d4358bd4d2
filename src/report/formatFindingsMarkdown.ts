import type { Finding } from "../check/finding.js";
import { describeSource } from "../topology/sourceSchema.js";
import { countFindings } from "./formatFindingsText.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** Findings as a Markdown table, for a pull-request comment. */
export function formatFindingsMarkdown(name: string, findings: readonly Finding[]): string {
  const head = `### linkplan check: ${cell(name)}: ${findings.length === 0 ? "no findings" : countFindings(findings)}\n`;
  if (findings.length === 0) return head;
  // a resource imported from Terraform is located by its address and .tf line
  const where = (f: Finding) => `\`${cell(f.source ? describeSource(f.source) : f.path)}\``;
  const rows = findings.map(
    (f) =>
      `| ${f.severity} | [\`${f.rule}\`](${f.docs}) | ${where(f)} | ${cell(f.message)} | ${cell(f.fix)} |`,
  );
  return `${head}\n| Severity | Rule | Path | Finding | Fix |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`;
}
