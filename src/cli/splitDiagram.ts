import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Option } from "commander";
import { LinkplanError } from "../core/linkplanError.js";
import { drawByAccount } from "../diagram/drawByAccount.js";
import type { DiagramFormat } from "../diagram/drawTopology.js";
import { mermaidSizeWarning } from "../diagram/mermaid/mermaidSizeWarning.js";
import type { DiagramSubject } from "../operations/diagramOperation.js";
import type { CliIo } from "./cliIo.js";
import { writeOutput } from "./loadInputs.js";
import type { CliFlags } from "./operationCommand.js";

/** The file extension of each diagram format. */
const EXTENSION: Readonly<Record<DiagramFormat, string>> = {
  ascii: "txt",
  mermaid: "mmd",
  svg: "svg",
  drawio: "drawio",
};

/** `linkplan diagram --split account`. */
export function splitOption(): Option {
  return new Option(
    "--split <by>",
    "write one diagram per account into -o <directory>/ or -o <prefix> (<prefix>-<account>.mmd); an edge to another account ends at a stand-in of its peer",
  ).choices(["account"]);
}

/** A file name part from an account id: letters, digits, dot, dash, underscore. */
export function fileStem(account: string): string {
  const stem = account
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+|-+$/g, "")
    .slice(0, 64);
  return stem === "" ? "account" : stem;
}

/** Whether `path` names an existing directory. */
async function isDirectory(path: string): Promise<boolean> {
  const found = await stat(path).catch(() => null);
  return found?.isDirectory() ?? false;
}

/**
 * The file of each account: `<dir>/<account>.<ext>` when `output` ends with a slash or is
 * a directory (created when missing), else `<prefix>-<account>.<ext>` (a `.<ext>` at the
 * end of the prefix dropped). Account ids that come out alike get -2, -3, ….
 */
export async function splitPaths(
  io: CliIo,
  output: string,
  accounts: readonly string[],
  extension: string,
): Promise<string[]> {
  const intoDirectory = /[/\\]$/.test(output) || (await isDirectory(resolve(io.cwd, output)));
  if (intoDirectory) await mkdir(resolve(io.cwd, output), { recursive: true });
  const prefix = output.endsWith(`.${extension}`) ? output.slice(0, -extension.length - 1) : output;
  const used = new Set<string>();
  return accounts.map((account) => {
    const stem = fileStem(account);
    let name = stem;
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}`;
    used.add(name);
    return intoDirectory ? join(output, `${name}.${extension}`) : `${prefix}-${name}.${extension}`;
  });
}

/**
 * `diagram --split account`: one file per account (see drawByAccount), each named on
 * stderr, with the Mermaid size warning for any still too long. False (nothing written)
 * without --split.
 */
export async function writeSplitDiagram(
  result: unknown,
  flags: CliFlags,
  io: CliIo,
): Promise<boolean> {
  if (flags.split === undefined) return false;
  if (flags.compare !== undefined) {
    throw new LinkplanError("invalid_option", "--split cannot be combined with --compare", [
      { path: "--split", message: "draw the comparison whole, or split one topology" },
    ]);
  }
  if (typeof flags.output !== "string") {
    throw new LinkplanError("invalid_option", "--split writes files: give -o <directory>/", [
      { path: "--split", message: "needs -o <directory>/ or -o <prefix>" },
    ]);
  }
  if (!(String(flags.format) in EXTENSION)) {
    throw new LinkplanError("invalid_option", `--split cannot write --format ${flags.format}`, [
      { path: "--split", message: `split into ${Object.keys(EXTENSION).join(", ")}` },
    ]);
  }
  const subject = result as DiagramSubject;
  const format = flags.format as DiagramFormat;
  const drawings = drawByAccount(subject.topology, {
    ...subject.options,
    format,
    estimate: subject.estimate,
    findings: subject.findings,
    limits: subject.limits,
  });
  const paths = await splitPaths(
    io,
    flags.output,
    drawings.map((d) => d.account),
    EXTENSION[format],
  );
  for (const [i, drawing] of drawings.entries()) {
    const path = paths[i] ?? "";
    await writeOutput(io, path, drawing.text);
    io.stderr(`wrote ${path}\n`);
    const warning =
      format === "mermaid" ? mermaidSizeWarning(drawing.text, "draw it with less detail") : null;
    if (warning) io.stderr(`warning: ${path}: ${warning}\n`);
  }
  return true;
}
