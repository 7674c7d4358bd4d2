import { LinkplanError, type Problem } from "../../core/linkplanError.js";

/** A file as hcl2json reads it: blocks by kind and labels, expressions as "${…}" strings. */
export type HclJson = Record<string, unknown>;

type Parse = (fileName: string, content: string) => Promise<unknown>;

/** hcl2json loads its WebAssembly when imported: import it only when HCL is read. */
async function loadParse(): Promise<Parse> {
  const module = (await import("@cdktn/hcl2json")) as {
    parse?: Parse;
    default?: { parse?: Parse };
  };
  const parse = module.parse ?? module.default?.parse;
  if (!parse) throw new LinkplanError("internal_error", "@cdktn/hcl2json has no parse function");
  return parse;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The diagnostics of hcl2json's message ("parse config: [main.tf:2,7-3,1: Invalid
 * expression; Expected …]") as problems at file:line:column.
 */
export function syntaxProblems(fileName: string, message: string): Problem[] {
  const body = message.replace(/^(Error: )?parse config: \[/, "").replace(/\]\s*$/, "");
  const at = new RegExp(
    `(?:^|\\s)${escapeRegExp(fileName)}:(\\d+),(\\d+)(?:-\\d+(?:,\\d+)?)?: `,
    "g",
  );
  const starts = [...body.matchAll(at)];
  if (starts.length === 0) return [{ path: fileName, message: body.trim() }];
  return starts.map((match, i) => {
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? body.length;
    const text = body.slice(from, to).trim().replace(/; /, ": ");
    return { path: `${fileName}:${match[1]}:${match[2]}`, message: text };
  });
}

/**
 * Parse HCL files (Terraform configuration or .tfvars) with hcl2json, all at once. A
 * syntax error throws LinkplanError "invalid_syntax" naming file:line:column (the first
 * failing file in the order given, with each of its diagnostics).
 */
export async function parseHclFiles(
  files: readonly { name: string; content: string }[],
): Promise<HclJson[]> {
  if (files.length === 0) return [];
  const parse = await loadParse();
  const results = await Promise.allSettled(files.map((f) => parse(f.name, f.content)));
  return results.map((result, i) => {
    const name = files[i]?.name ?? "";
    if (result.status === "rejected") {
      const message =
        result.reason instanceof Error ? result.reason.message : String(result.reason);
      const problems = syntaxProblems(name, message);
      throw new LinkplanError("invalid_syntax", `cannot parse ${name}`, problems);
    }
    const value = result.value;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as HclJson)
      : {};
  });
}
