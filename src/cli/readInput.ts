import { readFile } from "node:fs/promises";
import { LinkplanError } from "../model/linkplanError.js";

/** Read a file, or standard input when the path is "-". */
export async function readInput(path: string): Promise<string> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : String(code ?? error);
    throw new LinkplanError("invalid_syntax", `cannot read ${path}: ${reason}`, []);
  }
}
