import { Command, Option } from "commander";
import * as z from "zod";
import { diagramFonts } from "../api/diagramFontFiles.js";
import { LinkplanError } from "../core/linkplanError.js";
import { DIAGRAM_LIMITS } from "../diagram/diagramLimits.js";
import type { AnyOperation, OperationContext, OutputFormat } from "../operations/operation.js";
import { checkFormat, formatOf } from "../operations/renderResult.js";
import { catalogServices } from "../pricing/catalogServices.js";
import type { CliIo } from "./cliIo.js";
import { loadCatalogFile, loadDocument, writeOutput } from "./loadInputs.js";
import { loadTopologyInput, terraformOptions } from "./terraformInput.js";

/** The command-line flags a run was given (commander's values, by camelCase name). */
export type CliFlags = Record<string, unknown>;

/**
 * How the command line reaches an operation: its positional arguments (files read as
 * documents) and how they make the operation's body, plus what only a command line has —
 * writing a file, a CI gate, a flag that picks another operation.
 */
export interface CliCommandSpec {
  operation: AnyOperation;
  /** the command's name (default: the operation's) */
  name?: string;
  /** files the command reads: JSON or YAML documents (topologies), "-" for standard input */
  files: { name: string; description: string }[];
  /** more files to read, named by flags (appended to the documents) */
  flagFiles?: (flags: CliFlags) => string[];
  /** the operation's body from the documents read (default: the first document) */
  body?: (documents: unknown[], flags: CliFlags) => unknown;
  /** flags only the command line has */
  extraOptions?: Option[];
  /** the operation to run instead, for these flags (e.g. diagram --compare) */
  pick?: (flags: CliFlags) => AnyOperation;
  /** writes the output itself instead (diagram --split): true if it did */
  write?: (result: unknown, flags: CliFlags, io: CliIo) => Promise<boolean>;
  /** after the output is written: write files, fail a gate */
  after?: (result: unknown, flags: CliFlags, io: CliIo) => Promise<void> | void;
  /** the operation reads the catalog: its prices, its AWS service list (adds --catalog) */
  priced?: boolean;
  /** adds -o/--output: write the output to a file instead of standard output */
  outputFile?: boolean;
  /** option values that follow from the files named (flags given win) */
  defaults?: (paths: readonly string[]) => CliFlags;
  /** answers instead of the operation for these flags (e.g. check --list-rules): true if it did */
  instead?: (flags: CliFlags, io: CliIo) => boolean;
}

/** What --catalog reads (the commands of the operations and `serve`). */
export const CATALOG_OPTION_DESCRIPTION =
  "catalog file (JSON/YAML) instead of the bundled one: its prices and, if it has one, its AWS service list (prices refresh)";

/** camelCase → kebab-case ("hoursPerMonth" → "hours-per-month"). */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

interface JsonProperty {
  description?: string;
  enum?: unknown[];
  default?: unknown;
  type?: string;
  anyOf?: JsonProperty[];
}

/** Commander options of an operation's options schema (one source: the zod schema). */
export function optionsOf(schema: z.ZodType): Option[] {
  const shape = (schema as unknown as z.ZodObject).shape;
  return Object.entries(shape).map(([name, property]) => {
    const p = z.toJSONSchema(property, { io: "input", unrepresentable: "any" }) as JsonProperty;
    // the default is what the property makes of an absent value (none: required)
    const absent = property.safeParse(undefined);
    const fallback = absent.success ? absent.data : undefined;
    const flag = kebab(name);
    const description = p.description ?? "";
    const isFlag = p.type === "boolean" || (p.anyOf ?? []).some((a) => a.type === "boolean");
    if (isFlag) {
      return fallback === true
        ? new Option(`--no-${flag}`, `do without: ${description}`)
        : new Option(`--${flag}`, description);
    }
    const option = new Option(`--${flag} <${flag.split("-")[0]}>`, description);
    if (p.enum) option.choices(p.enum.map(String));
    if (fallback !== undefined) option.default(fallback);
    if (!absent.success) option.makeOptionMandatory();
    return option;
  });
}

/**
/**
 * A result as written: a text format's text (its warning, if any, on stderr), a JSON
 * format's value indented by two spaces, a binary format's bytes.
 */
function outputOf(
  format: OutputFormat<unknown>,
  result: unknown,
  io: CliIo,
): string | Promise<Uint8Array> {
  if (format.kind === "binary") return format.render(result);
  if (format.kind !== "text") return `${JSON.stringify(format.render(result), null, 2)}\n`;
  const text = format.render(result);
  const warning = format.warning?.(text);
  if (warning) io.stderr(`warning: ${warning}\n`);
  return text;
}

/** Refuse to write a binary format to a terminal (before any work is done). */
function checkBinaryOutput(
  format: OutputFormat<unknown>,
  name: string,
  toFile: boolean,
  io: CliIo,
) {
  if (format.kind !== "binary" || toFile || io.stdoutIsTTY !== true) return;
  throw new LinkplanError(
    "invalid_option",
    `--format ${name} writes binary data: write it to a file with -o <file>, or pipe it`,
  );
}

/** An operation's options from the flags, checked by its schema (paths name the flags). */
function readOptions(operation: AnyOperation, flags: CliFlags): unknown {
  const parsed = operation.options.safeParse(flags);
  if (parsed.success) return parsed.data;
  throw new LinkplanError(
    "invalid_option",
    `invalid options for ${operation.name}`,
    parsed.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? `--${kebab(String(issue.path[0]))}` : "",
      message: issue.message,
    })),
  );
}

/**
 * What an operation reads on the command line: the catalog (its AWS service list, when it
 * has one, validates service names), no size limits of a server.
 */
async function contextOf(
  flags: CliFlags,
  priced: boolean,
  format: OutputFormat<unknown>,
): Promise<OperationContext> {
  const maxNodes = flags.maxDiagramNodes;
  const catalog = await loadCatalogFile(priced ? (flags.catalog as string | undefined) : undefined);
  return {
    // images (PNG diagrams) are set in the bundled fonts
    ...(format.kind === "binary" ? diagramFonts() : {}),
    catalog,
    limits: {
      maxVpcs: Number.POSITIVE_INFINITY,
      maxEndpoints: Number.POSITIVE_INFINITY,
      services: catalog.services && catalogServices(catalog),
    },
    diagramLimits: {
      ...DIAGRAM_LIMITS,
      ...(typeof maxNodes === "number" ? { maxNodes } : {}),
    },
  };
}

/**
 * The `linkplan <operation>` command of an operation: its options from the operation's
 * schema, `--format` from its formats, its files read as documents; the same run, the same
 * errors and the same output as the operation's HTTP route.
 */
export function operationCommand(spec: CliCommandSpec, io: CliIo): Command {
  const { operation } = spec;
  const command = new Command(spec.name ?? operation.name).description(operation.summary);
  // a command that can answer without its files (instead) takes them as optional arguments
  for (const file of spec.files)
    command.argument(spec.instead ? `[${file.name}]` : `<${file.name}>`, file.description);
  for (const option of optionsOf(operation.options)) command.addOption(option);
  command.addOption(
    new Option("-f, --format <format>", "output format")
      .choices(Object.keys(operation.formats))
      .default(operation.defaultFormat.cli),
  );
  if (spec.priced) {
    command.addOption(new Option("--catalog <file>", CATALOG_OPTION_DESCRIPTION));
  }
  if (spec.outputFile) {
    command.addOption(
      new Option("-o, --output <file>", "write to a file instead of standard output"),
    );
  }
  for (const option of spec.extraOptions ?? []) command.addOption(option);
  // a topology can also be a Terraform directory or a plan/state JSON
  if (spec.files.length > 0) for (const option of terraformOptions()) command.addOption(option);
  command.action(async (...args: unknown[]) => {
    const flags = command.opts<CliFlags>();
    if (spec.instead?.(flags, io)) return;
    const missing = spec.files.find((_, i) => typeof args[i] !== "string");
    if (missing) throw new LinkplanError("invalid_option", `missing argument <${missing.name}>`);
    const paths = [
      ...(args.slice(0, spec.files.length) as string[]),
      ...(spec.flagFiles?.(flags) ?? []),
    ];
    if (paths.filter((p) => p === "-").length > 1) {
      throw new LinkplanError("invalid_option", "only one input can be read from standard input");
    }
    const chosen = spec.pick?.(flags) ?? operation;
    const options = readOptions(chosen, { ...spec.defaults?.(paths), ...flags });
    const format = formatOf(chosen, flags.format as string);
    checkFormat(chosen, String(flags.format), options, (name) => `--${kebab(name)}`);
    const output = typeof flags.output === "string" && spec.outputFile ? flags.output : null;
    checkBinaryOutput(format, String(flags.format), output !== null, io);
    const [loaded, ctx] = await Promise.all([
      Promise.all(paths.map((path) => loadTopologyInput(path, flags, io, loadDocument))),
      contextOf(flags, spec.priced === true, format),
    ]);
    const documents = loaded.map((document) => document.data);
    const body = spec.body ? spec.body(documents, flags) : (documents[0] ?? null);
    // the text of the body, when the body is the one document read
    const source = !spec.body && loaded.length === 1 ? loaded[0]?.text : undefined;
    const result = chosen.run(body, options, ctx, source);
    if (await spec.write?.(result, flags, io)) {
      await spec.after?.(result, flags, io);
      return;
    }
    if (output !== null) {
      await writeOutput(io, output, await outputOf(format, result, io));
      io.stderr(`wrote ${output}\n`);
    } else if (format.kind === "json" && format.chunks) {
      await io.stdoutChunks(format.chunks(result));
    } else {
      const written = await outputOf(format, result, io);
      if (typeof written === "string") io.stdout(written);
      else await io.stdoutBytes(written);
    }
    await spec.after?.(result, flags, io);
  });
  return command;
}
