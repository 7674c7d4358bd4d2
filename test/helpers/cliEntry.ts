import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime } from "../../scripts/newestMtime.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The tsx CLI that `npx tsx` runs (node_modules/tsx/dist/cli.mjs). */
export const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

/**
 * The arguments of `node` that run this checkout's `linkplan`: the built CLI
 * (bin/linkplan.js → dist/cli.js, what an installed linkplan runs; ~0.5 s a command) when
 * dist/ was built after the last change under src/ — as on a fresh clone, where
 * `npm install` builds it — else the sources through tsx (~2.5 s a command), so a test
 * never runs a stale build.
 */
export function cliEntry(): string[] {
  const built = join(ROOT, "dist", "cli.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, "src"))) {
    return [join(ROOT, "bin", "linkplan.js")];
  }
  return [TSX_CLI, join(ROOT, "src", "cli", "main.ts")];
}
