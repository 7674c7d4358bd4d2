import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { LinkplanError } from "../core/linkplanError.js";
import { parseDocument } from "../document/parseDocument.js";
import type { TerraformWarning } from "../terraform/terraformModel.js";
import type { CliIo } from "./cliIo.js";
import { readFailure } from "./readInput.js";

/** How much of a Terraform directory is read: files and bytes (a repository is not a module). */
export const TERRAFORM_DIR_LIMITS = { files: 2_000, bytes: 20 * 1024 * 1024 } as const;

/** What the command line says about Terraform inputs. */
export interface TerraformFlags {
  usage?: string;
  var?: Record<string, string>;
  varFile?: string[];
  region?: string;
  account?: string;
}

/** Parse --var k=v (repeatable). */
function parseVar(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0) throw new InvalidArgumentError("must be <name>=<value>");
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options of every command that reads topologies: for a .tf directory or a plan JSON. */
export function terraformOptions(): Option[] {
  return [
    new Option("--usage <file>", "usage file (traffic) for a Terraform directory or plan"),
    new Option("--var <name=value>", "Terraform variable (repeatable)").argParser(parseVar),
    new Option("--var-file <file>", "Terraform .tfvars or .tfvars.json (repeatable)").argParser(
      collect,
    ),
    new Option("--region <region>", "AWS Region when the Terraform does not say"),
    new Option("--account <id>", "account id for the imported resources"),
  ];
}

/** The .tf files under `dir` (not .terraform/), by path relative to it ("/"-separated). */
export async function readTerraformDir(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  let count = 0;
  let bytes = 0;
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".terraform" && !entry.name.startsWith(".")) await walk(path);
      } else if (entry.isFile() && entry.name.endsWith(".tf")) {
        const text = await readFile(path, "utf8");
        count += 1;
        bytes += text.length;
        if (count > TERRAFORM_DIR_LIMITS.files || bytes > TERRAFORM_DIR_LIMITS.bytes) {
          throw new LinkplanError(
            "limit_exceeded",
            `${dir} has more than ${TERRAFORM_DIR_LIMITS.files} .tf files or ${TERRAFORM_DIR_LIMITS.bytes / 1024 / 1024} MiB of them`,
          );
        }
        files[relative(dir, path).split(sep).join("/")] = text;
      }
    }
  };
  await walk(dir);
  if (!Object.keys(files).some((name) => !name.includes("/"))) {
    throw new LinkplanError("file_not_found", `${dir} has no .tf files`);
  }
  return files;
}

/** Whether a path is a directory (a Terraform root module). */
export async function isDirectory(path: string): Promise<boolean> {
  if (path === "-") return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether parsed JSON is a `terraform show -json` plan or state. */
export function isTerraformJson(data: unknown): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const record = data as Record<string, unknown>;
  return "format_version" in record && ("planned_values" in record || "values" in record);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new LinkplanError("file_not_found", `cannot read ${path}: ${readFailure(error)}`, [], {
      cause: error,
    });
  }
}

/** A topology's name from the directory or file it was imported from ("endpoints-module"). */
export function topologyName(path: string): string {
  const name = basename(resolve(path)).replace(/\.json$/i, "");
  return name === "" || name === "-" ? "terraform" : name;
}

/** One warning line, as the CLI prints it on stderr. */
export function warningLine(warning: TerraformWarning): string {
  // readers that already name the place in the message are printed as they wrote it
  if (warning.file && warning.message.startsWith(`${warning.file}:`))
    return `warning: ${warning.message}`;
  const where = warning.file
    ? `${warning.file}${warning.line === undefined ? "" : `:${warning.line}`}: `
    : "";
  const address = warning.address ? `${warning.address}: ` : "";
  return `warning: ${where}${address}${warning.message}`;
}

/** What the flags add to an import: variables, var files, usage, Region, account. */
export async function flagInputs(flags: TerraformFlags) {
  const varFiles: Record<string, string> = {};
  for (const path of flags.varFile ?? []) varFiles[path] = await readText(path);
  const usage =
    flags.usage === undefined ? undefined : parseDocument(await readText(flags.usage), flags.usage);
  return {
    ...(usage === undefined ? {} : { usage }),
    ...(flags.var ? { vars: flags.var } : {}),
    ...(flags.varFile ? { varFiles } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.account ? { account: flags.account } : {}),
  };
}

/**
 * A Terraform directory or plan JSON as a linkplan topology (importTerraform, loaded on
 * first use), with the warnings printed on stderr one line each.
 */
export async function importTerraformInput(
  input: ({ files: Record<string, string> } | { plan: unknown }) & { name?: string },
  flags: TerraformFlags,
  io: CliIo,
): Promise<{ topology: unknown; warnings: TerraformWarning[] }> {
  const { importTerraform } = await import("../terraform/importTerraform.js");
  const { topology, warnings } = await importTerraform({ ...input, ...(await flagInputs(flags)) });
  for (const warning of warnings) io.stderr(`${warningLine(warning)}\n`);
  return { topology, warnings };
}

/**
 * What a command reads where it takes a topology: a topology file, or a Terraform directory
 * (its .tf files) or plan/state JSON imported as one. `text` is the file's own text only for
 * a topology file (what findings point into).
 */
export async function loadTopologyInput(
  path: string,
  flags: TerraformFlags,
  io: CliIo,
  load: (path: string) => Promise<{ text: string; data: unknown }>,
): Promise<{ text?: string; data: unknown }> {
  if (await isDirectory(path)) {
    const files = await readTerraformDir(path);
    const name = topologyName(path);
    return { data: (await importTerraformInput({ files, name }, flags, io)).topology };
  }
  const document = await load(path);
  if (isTerraformJson(document.data)) {
    const input = { plan: document.data, name: topologyName(path) };
    return { data: (await importTerraformInput(input, flags, io)).topology };
  }
  return document;
}
