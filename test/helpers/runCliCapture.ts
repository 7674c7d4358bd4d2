import { runCli } from "../../src/cli/runCli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** what was written to standard output as bytes (binary formats), when anything was */
  stdoutBytes?: Buffer;
}

/** Run the CLI in-process with captured output. */
export async function runCliCapture(args: string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const bytes: Uint8Array[] = [];
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stdoutChunks: async (chunks) => {
      for (const chunk of chunks) stdout += chunk;
    },
    stdoutBytes: async (chunk) => {
      bytes.push(chunk);
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
  });
  return {
    code,
    stdout,
    stderr,
    ...(bytes.length > 0 ? { stdoutBytes: Buffer.concat(bytes) } : {}),
  };
}
