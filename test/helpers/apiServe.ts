import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

import { cliEntry, TSX_CLI } from "./cliEntry.js";

/** A `linkplan serve` child process, listening. */
export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  /** resolves when the process has exited (with its code and signal) */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawn `linkplan serve --port 0 ...args` — by default this checkout's (cliEntry: the build
 * when it is fresh, else the sources), with `from: "source"` always `tsx src/cli/main.ts`
 * (what `npx tsx` runs), with `from: "dist"` always the built `bin/linkplan.js` — and wait
 * for its "listening on http://127.0.0.1:PORT" line on stderr.
 *
 * The tsx CLI is started with node directly, not through npx: npx does not forward SIGTERM
 * (it dies and leaves the server running, orphaned), while tsx relays the signal to the
 * server and exits with its exit code.
 */
export async function spawnServe(
  args: string[],
  timeoutMs = 20_000,
  from: "checkout" | "source" | "dist" = "checkout",
): Promise<ServeProcess> {
  const main =
    from === "dist"
      ? ["bin/linkplan.js"]
      : from === "source"
        ? [TSX_CLI, "src/cli/main.ts"]
        : cliEntry();
  const cli = [...main, "serve", "--port", "0", ...args];
  const child = spawn(process.execPath, cli, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`serve did not start in ${timeoutMs} ms; stderr: ${err}`));
    }, timeoutMs);
    const onData = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (!match) return;
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      resolve(Number(match[1]));
    };
    child.stderr?.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before listening; stderr: ${err}`));
    });
  });
  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    stdout: () => out,
    stderr: () => err,
    exited,
  };
}

/** Stop a serve process that is still running (test clean-up after a failure). */
export async function stopServe(serve: ServeProcess | undefined): Promise<void> {
  if (!serve || serve.child.exitCode !== null || serve.child.signalCode !== null) return;
  serve.child.kill("SIGTERM");
  await serve.exited;
}
