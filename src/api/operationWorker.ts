import { workerData } from "node:worker_threads";
import type { OperationContext, OperationInput, OperationReply } from "./operation.js";
import { runOperation } from "./runOperation.js";

/** The prices and limits of the app that started this worker (copied once, at start). */
const ctx = workerData as OperationContext;

/** A worker thread's task (piscina calls the default export): the same code as inline. */
export default function operationWorker(input: OperationInput): OperationReply {
  return runOperation(input, ctx);
}
