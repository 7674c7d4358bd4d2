import { Option } from "commander";
import { selectedRules } from "../check/check.js";
import { severityRank } from "../check/finding.js";
import { LinkplanError } from "../core/linkplanError.js";
import { terminalLines } from "../core/terminalText.js";
import { type CheckResult, checkOperation } from "../operations/checkOperation.js";
import { alignColumns } from "../report/alignColumns.js";
import type { CliCommandSpec } from "./operationCommand.js";

/** Fail with `check_failed` (exit 4) when a finding is at least as severe as --fail-on. */
function failOn(result: CheckResult, level: string): void {
  if (level === "none") return;
  const threshold = severityRank(level as "error" | "warning" | "info");
  const over = result.findings.filter((f) => severityRank(f.severity) >= threshold);
  if (over.length === 0) return;
  throw new LinkplanError(
    "check_failed",
    `${over.length} finding${over.length === 1 ? "" : "s"} at or above --fail-on ${level}`,
  );
}

/** `linkplan check <file>`: the check operation, its --fail-on gate and --list-rules. */
export function checkCommandSpec(): CliCommandSpec {
  return {
    operation: checkOperation,
    files: [{ name: "file", description: "topology YAML or JSON file, or - for standard input" }],
    priced: true,
    extraOptions: [new Option("--list-rules", "print every rule: id, severity, summary")],
    instead(flags, io) {
      if (flags.listRules !== true) return false;
      const rows = selectedRules().map((r) => [r.id, r.severity, r.summary]);
      io.stdout(terminalLines(`${alignColumns(rows, ["left", "left", "left"]).join("\n")}\n`));
      return true;
    },
    // SARIF results point at the file checked unless --source says otherwise
    defaults: ([path]) => (path !== undefined && path !== "-" ? { source: path } : {}),
    after: (result, flags) => failOn(result as CheckResult, String(flags.failOn ?? "error")),
  };
}
