import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../document/parseDocument.js";
import type { ServedExample } from "./apiContext.js";
import { packagePath } from "./packageRoot.js";

/** The examples/ folder of the package (next to src/ and dist/). */
export function examplesDir(): string {
  return packagePath("examples");
}

/** Read every examples/*.yaml once, with its description. */
export function loadExamples(dir = examplesDir()): ServedExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const yaml = readFileSync(join(dir, file), "utf8");
      const doc = parseDocument(yaml, file) as { description?: unknown };
      return {
        name: file.replace(/\.yaml$/, ""),
        description: typeof doc.description === "string" ? doc.description.trim() : "",
        yaml,
      };
    });
}
