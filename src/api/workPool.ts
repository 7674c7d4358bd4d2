import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { LinkplanError } from "./../core/linkplanError.js";
import { operationNamed } from "../operations/operations.js";
import { cloneableContext } from "./compiledSchemaContext.js";
import type { OperationContext, OperationInput, OperationReply } from "./operation.js";
import { packagePath } from "./packageRoot.js";
import { runOperation } from "./runOperation.js";
import { looksLikeTerraform } from "./terraformBody.js";

export interface WorkPoolOptions {
  /** worker threads; 0 runs every operation on the event loop */
  workers: number;
  /** milliseconds a pooled operation may take, queueing included, before it answers 503 */
  timeoutMs: number;
  /** bodies shorter than this many characters run on the event loop (not worth a hand-off) */
  inlineBelow: number;
  /** heap of one worker thread, in MiB: an operation that needs more answers 422 */
  workerHeapMiB: number;
}

/** How much lower the worker threads' CPU priority is than the event loop's (nice). */
const WORKER_NICE = 19;

/** Why a pooled operation was stopped (the abort reason tells the answer). */
const TIMED_OUT = "work_timeout";
const SHUT_DOWN = "shutting_down";

/**
 * The worker entry (operationWorker) and how to load it: the built dist/operationWorker.js
 * (an entry of the bundle, see scripts/build.ts), or — when this file runs from TypeScript
 * source under tsx or vitest — the .ts source through tsx's loader, registered in each
 * worker thread.
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { filename: packagePath("dist", "operationWorker.js") };
  const filename = fileURLToPath(new URL("./operationWorker.ts", here));
  if (process.execArgv.some((arg) => arg.includes("tsx"))) return { filename };
  const tsx = pathToFileURL(createRequire(here).resolve("tsx")).href;
  return { filename, execArgv: [...process.execArgv, "--import", tsx] };
}

/** Whether the input asks for a binary format (an image). */
function answersImage(input: OperationInput): boolean {
  if (input.operation === "import") return false;
  const operation = operationNamed(input.operation);
  const format = input.query.format ?? operation.defaultFormat.api;
  return typeof format === "string" && operation.formats[format]?.kind === "binary";
}

function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}

/**
 * Runs the topology operations: small bodies on the event loop (a hand-off to a thread
 * costs more than their work), the rest in a pool of worker threads (piscina) so the event
 * loop keeps answering, each with a deadline after which the worker is terminated and the
 * request answers 503 `work_timeout`. The pool starts at the first pooled request.
 */
export class WorkPool {
  readonly #options: WorkPoolOptions;
  readonly #ctx: OperationContext;
  readonly #running = new Set<AbortController>();
  #pool: Piscina<OperationInput, OperationReply> | undefined;

  constructor(ctx: OperationContext, options: WorkPoolOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  /**
   * Whether an operation on this input runs on the event loop: with no workers, or a small
   * body — but never Terraform (a few lines of HCL can expand into much work) nor an image
   * (a PNG takes up to seconds to draw, whatever the body's length).
   */
  runsInline(input: OperationInput): boolean {
    if (this.#options.workers === 0) return true;
    if (input.operation === "import" || looksLikeTerraform(input.body)) return false;
    return (input.body?.text.length ?? 0) < this.#options.inlineBelow && !answersImage(input);
  }

  /** The operation's answer; throws a ProblemError (503) past the deadline or when stopped. */
  async run(input: OperationInput): Promise<OperationReply> {
    if (this.runsInline(input)) return await runOperation(input, this.#ctx);
    const pool = this.#start();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.#options.timeoutMs);
    this.#running.add(controller);
    try {
      return await pool.run(input, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw this.#stopped(controller.signal.reason);
      if (isWorkerOutOfMemory(error)) {
        throw new LinkplanError(
          "limit_exceeded",
          "the request needs more memory than this server gives one request",
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.#running.delete(controller);
    }
  }

  /** How many pooled operations are running or queued now. */
  get pending(): number {
    return this.#running.size;
  }

  /** Stop every queued and running pooled operation: each answers 503 `shutting_down`. */
  stop(): void {
    for (const controller of this.#running) controller.abort(SHUT_DOWN);
  }

  /** Terminate the worker threads (nothing may be running: Fastify's onClose). */
  async close(): Promise<void> {
    this.stop();
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }

  #stopped(reason: unknown): LinkplanError {
    if (reason === SHUT_DOWN) {
      return new LinkplanError(
        "shutting_down",
        "the server is shutting down; send the request again",
      );
    }
    return new LinkplanError(
      "work_timeout",
      `the request needed more than ${this.#options.timeoutMs} ms of work; it was stopped`,
    );
  }

  #start(): Piscina<OperationInput, OperationReply> {
    if (this.#pool) return this.#pool;
    const threads = this.#options.workers;
    this.#pool = new Piscina<OperationInput, OperationReply>({
      ...workerEntry(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      workerData: cloneableContext(this.#ctx),
      resourceLimits: { maxOldGenerationSizeMb: this.#options.workerHeapMiB },
      // below the event loop's priority (Linux nice, per thread): health checks, small
      // inline requests and socket writes win the CPU over long pooled work
      niceIncrement: WORKER_NICE,
    });
    return this.#pool;
  }
}
