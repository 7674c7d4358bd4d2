import { once } from "node:events";

/** Where the CLI writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  /** write a long output chunk by chunk, waiting whenever the stream's buffer is full */
  stdoutChunks: (chunks: Iterable<string>) => Promise<void>;
  stderr: (text: string) => void;
  /** current directory for relative output paths */
  cwd: string;
}

/** Write chunks to a stream, respecting back-pressure; stops if the reader goes away. */
async function writeChunks(stream: NodeJS.WriteStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (stream.destroyed) return;
    if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), once(stream, "close")]);
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stdoutChunks: (chunks) => writeChunks(process.stdout, chunks),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};
