import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const GOLDEN_DIR = fileURLToPath(new URL("../golden/", import.meta.url));

/**
 * Compare `actual` with test/golden/<name>. With UPDATE_GOLDEN=1 the file is (re)written
 * instead; without it, a missing golden file fails the test.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file test/golden/${name} is missing; run UPDATE_GOLDEN=1 npm test`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
