import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { LinkplanError } from "../core/linkplanError.js";
import { parseDocument } from "../document/parseDocument.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { parseCatalog } from "../pricing/parseCatalog.js";
import type { CliIo } from "./cliIo.js";
import { readFailure, readInput } from "./readInput.js";

/**
 * A JSON or YAML file ("-" for stdin) as read (its text) and parsed (its data); syntax
 * errors name file:line:column.
 */
export async function loadDocument(path: string): Promise<{ text: string; data: unknown }> {
  const text = await readInput(path);
  return { text, data: parseDocument(text, path === "-" ? "stdin" : path) };
}

/** The catalog given with --catalog (JSON or YAML), or the bundled one. */
export async function loadCatalogFile(path: string | undefined): Promise<PriceCatalog> {
  if (path === undefined) return bundledCatalog();
  return parseCatalog(parseDocument(await readInput(path), path), path);
}

/** Write an output file (relative to the command's directory). */
export async function writeOutput(
  io: CliIo,
  path: string,
  text: string | Uint8Array,
): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, path), text);
  } catch (error) {
    throw new LinkplanError(
      "file_not_writable",
      `cannot write ${path}: ${readFailure(error)}`,
      [],
      {
        cause: error,
      },
    );
  }
}
