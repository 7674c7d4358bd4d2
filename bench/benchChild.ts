import { spawn } from "node:child_process";

/** What a benchmark child printed: its result and how many bytes it wrote to stdout. */
export interface BenchChildOutput<T> {
  result: T;
  stdoutBytes: number;
}

/**
 * Run a benchmark's child (a TypeScript file, through tsx as `npm run linkplan` does) with
 * `nodeFlags` before it: its stdout is counted, not kept (it may be the output measured),
 * and its result is the JSON of the last line it writes to stderr.
 */
export function runBenchChild<T>(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): Promise<BenchChildOutput<T>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdoutBytes = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      const last = stderr.trim().split("\n").at(-1) ?? "";
      try {
        resolve({ result: JSON.parse(last) as T, stdoutBytes });
      } catch {
        reject(new Error(`benchmark child ${script} ${args.join(" ")} failed: ${stderr}`));
      }
    });
  });
}
