import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Ignored folders that tools (not tests) write to during a run, and out/playground/, where
 * the playground's browser test leaves a screenshot of each pane for a reader (issue 16).
 */
const TOOL_DIRS = ["node_modules/", "coverage/", "out/playground/"];

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}

/** Whether a path of the tree (relative, "/"-separated) is one of TOOL_DIRS or below one. */
function isToolPath(relativePath: string): boolean {
  return TOOL_DIRS.some((dir) => `${relativePath}/`.startsWith(dir));
}

/**
 * The content of a file, or of every file below a folder (TOOL_DIRS left out), as one
 * hash; null for a folder that holds nothing but TOOL_DIRS (it counts as absent).
 */
function fingerprint(root: string, entry: string): string | null {
  const hash = createHash("sha1");
  let files = 0;
  const visit = (relativePath: string) => {
    if (isToolPath(relativePath)) return;
    const p = join(root, relativePath);
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        hash.update(`${name}\n`);
        visit(`${relativePath}/${name}`);
      }
    } else if (stat.isFile()) {
      files += 1;
      hash.update(readFileSync(p));
    }
  };
  visit(entry.replace(/\/$/, ""));
  const isFolder = statSync(join(root, entry), { throwIfNoEntry: false })?.isDirectory();
  return isFolder && files === 0 ? null : hash.digest("hex").slice(0, 12);
}

/**
 * What `git status` shows of the working tree — modified, untracked and ignored entries —
 * each with its content (a folder's: every file below it), or null outside a git checkout.
 */
function treeState(root: string): string[] | null {
  const status = git(["status", "--porcelain=v1", "-z", "--ignored"], root);
  if (status === null) return null;
  return status
    .split("\0")
    .filter((entry) => entry.length > 3)
    .filter((entry) => !TOOL_DIRS.some((dir) => entry.slice(3).startsWith(dir)))
    .flatMap((entry) => {
      const print = fingerprint(root, entry.slice(3));
      return print === null ? [] : [`${entry} ${print}`];
    })
    .sort();
}

/**
 * Vitest global setup: no test writes into the repository. The state of the working tree
 * (git status with the content of changed and untracked files) is taken before the run and
 * compared after it; the run fails naming what appeared, vanished or changed. Skipped
 * outside a git checkout, when UPDATE_GOLDEN=1 rewrites the golden files and when
 * UPDATE_SCREENSHOT=1 rewrites the README's screenshot of the playground.
 */
export default function cleanTree(): (() => void) | undefined {
  if (process.env.UPDATE_GOLDEN === "1" || process.env.UPDATE_SCREENSHOT === "1") return undefined;
  const root = git(["rev-parse", "--show-toplevel"], process.cwd())?.trim();
  if (!root) return undefined;
  const before = treeState(root);
  if (before === null) return undefined;
  return () => {
    const after = treeState(root) ?? [];
    const gone = before.filter((e) => !after.includes(e)).map((e) => `  before: ${e}`);
    const came = after.filter((e) => !before.includes(e)).map((e) => `  after:  ${e}`);
    if (gone.length + came.length === 0) return;
    console.error(
      `\nThe test run changed the working tree (a test must write into a temporary directory):\n${[...gone, ...came].join("\n")}\n`,
    );
    // (vitest reports an error thrown here but still exits 0)
    process.exitCode = 1;
  };
}
