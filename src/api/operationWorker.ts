import { workerData } from "node:worker_threads";
import { Piscina } from "piscina";
import { withCompiledSchema } from "./compiledSchemaContext.js";
import type { OperationContext, OperationInput, OperationReply } from "./operation.js";
import { runOperation } from "./runOperation.js";

/**
 * The prices and limits of the app that started this worker (copied once, at start), with
 * the worker's own compiled topology schema.
 */
const ctx = withCompiledSchema(workerData as OperationContext);

/**
 * Answers at least this long are encoded to UTF-8 here and their bytes moved to the event
 * loop (no copy, no encoding there); shorter strings are cheaper to copy.
 */
const MOVE_FROM_CHARS = 64 * 1024;
const encoder = new TextEncoder();

/** Whether the bytes are the whole of their buffer (which can then be moved, not copied). */
function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

/** A worker thread's task (piscina calls the default export): the same code as inline. */
export default async function operationWorker(input: OperationInput): Promise<OperationReply> {
  const reply = await runOperation(input, ctx);
  let bytes: Uint8Array;
  if (typeof reply.body !== "string") {
    // an image: moved when it owns its buffer, else copied (a view into a larger buffer)
    if (!ownsBuffer(reply.body) || reply.body.buffer instanceof SharedArrayBuffer) return reply;
    bytes = reply.body;
  } else {
    if (reply.body.length < MOVE_FROM_CHARS) return reply;
    bytes = encoder.encode(reply.body);
  }
  // piscina's Transferable protocol: the value to send and what to transfer with it
  const movable = {
    [Piscina.transferableSymbol]: bytes.buffer,
    [Piscina.valueSymbol]: { ...reply, body: bytes },
  } as unknown as Parameters<typeof Piscina.move>[0];
  return Piscina.move(movable) as unknown as OperationReply;
}
