import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The part of autocannon's JSON result the API benchmark reads. */
interface AutocannonJson {
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
}

export interface LoadRun {
  target: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU time of this (server) process per answered request, µs: the client is another process */
  cpuUsPerRequest: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  contentType?: string;
  connections: number;
  seconds: number;
}

/** autocannon's command-line entry (a child process: the client does not share our CPU account). */
const AUTOCANNON_CLI = join(
  dirname(createRequire(import.meta.url).resolve("autocannon/package.json")),
  "autocannon.js",
);

function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [AUTOCANNON_CLI, ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`autocannon failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/**
 * POST `body` to `url` with autocannon in a child process (keep-alive connections,
 * pipelining 1) for `seconds`, and measure this process's CPU time meanwhile: the servers
 * run here, so CPU per request is the server's alone.
 */
export async function fireLoad(target: string, options: LoadOptions): Promise<LoadRun> {
  const dir = mkdtempSync(join(tmpdir(), "linkplan-bench-"));
  const file = join(dir, "body");
  writeFileSync(file, options.body);
  try {
    const cpuBefore = process.cpuUsage();
    const stdout = await runCli([
      "--json",
      "--no-progress",
      "--connections",
      String(options.connections),
      "--pipelining",
      "1",
      "--duration",
      String(options.seconds),
      "--method",
      "POST",
      "--headers",
      `content-type=${options.contentType ?? "application/json"}`,
      "--input",
      file,
      options.url,
    ]);
    const cpu = process.cpuUsage(cpuBefore);
    const result = JSON.parse(stdout) as AutocannonJson;
    const answered = Math.max(1, result.requests.total);
    return {
      target,
      reqPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      cpuUsPerRequest: (cpu.user + cpu.system) / answered,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
