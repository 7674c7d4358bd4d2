import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LinkplanError } from "../core/linkplanError.js";

let root: string | undefined;

/**
 * The folder of linkplan's package.json, found upwards from this module: it runs as
 * src/api/packageRoot.ts (tsx, vitest) or inside a chunk of the built dist/, at another
 * depth, so a fixed relative URL would be right for one of them only. examples/ and dist/
 * are found from here.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new LinkplanError(
        "internal_error",
        `no package.json above ${fileURLToPath(import.meta.url)}: linkplan's files are not where it was installed`,
      );
    }
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A file or folder of the package, e.g. packagePath("examples") */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
