import { readFile } from "node:fs/promises";
import { LinkplanError } from "../core/linkplanError.js";

/** Why a file cannot be read, in words ("no such file"). */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return String(code ?? error);
}

/** Read a file, or standard input when the path is "-"; `file_not_found` when it cannot. */
export async function readInput(path: string): Promise<string> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new LinkplanError("file_not_found", `cannot read ${path}: ${readFailure(error)}`, [], {
      cause: error,
    });
  }
}
