import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** A temporary directory for what a test writes, and a way to write files into it. */
export interface ScratchDir {
  /** the directory's absolute path */
  dir: string;
  /** the absolute path of `name` in the directory (not created) */
  path(name: string): string;
  /** write `text` to `name` in the directory; its absolute path */
  write(name: string, text: string): string;
}

/**
 * A fresh directory under the system's temporary directory, removed after the tests of the
 * file (or of the describe block it is made in). Tests write here, never into the checkout
 * (test/setup/cleanTree.ts fails the run otherwise).
 */
export function scratchDir(prefix: string): ScratchDir {
  const dir = mkdtempSync(join(tmpdir(), `linkplan-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => join(dir, name);
  return {
    dir,
    path,
    write(name, text) {
      writeFileSync(path(name), text);
      return path(name);
    },
  };
}
