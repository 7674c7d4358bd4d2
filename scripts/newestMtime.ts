import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The latest modification time (ms) of a file under `dir`: whether a build (dist/) is older
 * than its sources (bench/startupBench.ts rebuilds, test/helpers/cliEntry.ts falls back to
 * the sources).
 */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
