/**
 * Child process of the scale benchmark: `linkplan estimate <file> --format json` through the
 * real CLI (stdout is the parent's pipe), or with `--parse-only` just reading and parsing
 * the file (the baseline). Prints one JSON line to stderr: exit code, ms, peak RSS in MiB.
 */
import { readFileSync } from "node:fs";
import { runCli } from "../src/cli/runCli.js";

const [mode, file] = process.argv.slice(2);
const start = performance.now();
let code = 0;
if (mode === "--parse-only" && file) {
  code = JSON.parse(readFileSync(file, "utf8")) ? 0 : 1;
} else if (mode === "--estimate" && file) {
  code = await runCli(["estimate", file, "--format", "json"]);
}
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stderr.write(`${JSON.stringify({ code, ms: performance.now() - start, maxRssMiB })}\n`);
