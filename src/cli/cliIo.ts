import { once } from "node:events";

/** Where the CLI writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  /** write a long output chunk by chunk, waiting whenever the stream's buffer is full */
  stdoutChunks: (chunks: Iterable<string>) => Promise<void>;
  /** write bytes (an image), waiting until the stream has taken them */
  stdoutBytes: (bytes: Uint8Array) => Promise<void>;
  /** standard output is a terminal (binary output is refused there) */
  stdoutIsTTY?: boolean;
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

/**
 * Write bytes to a stream and wait until it has taken them; if the reader goes away
 * (EPIPE: `… | head -c 8`), the rest is dropped, as a pipe reader that stopped wants.
 */
function writeBytes(stream: NodeJS.WriteStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const dropped = () => {};
    stream.on("error", dropped);
    stream.write(bytes, (error) => {
      // after a failed write the stream still emits "error": keep swallowing it
      if (!error) stream.off("error", dropped);
      resolve();
    });
  });
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stdoutChunks: (chunks) => writeChunks(process.stdout, chunks),
  stdoutBytes: (bytes) => writeBytes(process.stdout, bytes),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};
