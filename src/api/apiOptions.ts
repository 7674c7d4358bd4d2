import { availableParallelism } from "node:os";
import { DIAGRAM_LIMITS } from "../diagram/diagramLimits.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";

export interface ApiOptions {
  /**
   * prices for estimates and cost annotations, and the AWS service list topologies are
   * validated against when it has one (default: the bundled catalog)
   */
  catalog?: PriceCatalog;
  /** largest request body in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** most VPCs one topology may have (default 2,000) */
  maxVpcs?: number;
  /** most endpoints one topology may have (default 50,000) */
  maxEndpoints?: number;
  /** most nodes and groups one diagram may have (default 10,000; see DiagramLimits) */
  maxDiagramNodes?: number;
  /** most cells of a diagram's canvas (default 8,000,000) */
  maxDiagramCanvasCells?: number;
  /** most cells a diagram's edges may need to run through (default 4,000,000) */
  maxDiagramEdgeCells?: number;
  /** allowed CORS origins; CORS is off when empty or absent */
  corsOrigins?: string[];
  /** log requests with Fastify's pino logger (default false) */
  logger?: boolean;
  /**
   * worker threads for estimate/validate/diagram/compare/what-if work (default: one per
   * CPU); 0 runs all of it on the event loop
   */
  workers?: number;
  /**
   * milliseconds of work (queueing in the pool included) after which a request answers 503
   * `work_timeout` and its worker is replaced (default 10,000)
   */
  workTimeout?: number;
  /**
   * bodies shorter than this many characters are worked on the event loop, where they cost
   * less than the hand-off to a thread (default 16,384; 0 sends every body to the pool)
   */
  inlineBelow?: number;
  /**
   * on `close()` (SIGTERM), milliseconds queued and running requests get to finish before
   * they answer 503 `shutting_down` (default 10,000)
   */
  grace?: number;
  /** heap of each worker thread in MiB; work that needs more answers 422 (default 2,048) */
  workerHeapMiB?: number;
  /**
   * serve the web playground at / (default false here, on for `linkplan serve`): true for
   * the page `npm run build` writes into dist/playground/, or the folder of a built page.
   * The API's routes and answers are the same either way.
   */
  playground?: boolean | string;
}

export const API_DEFAULTS = {
  bodyLimit: 1024 * 1024,
  maxVpcs: 2_000,
  maxEndpoints: 50_000,
  maxDiagramNodes: DIAGRAM_LIMITS.maxNodes,
  maxDiagramCanvasCells: DIAGRAM_LIMITS.maxCanvasCells,
  maxDiagramEdgeCells: DIAGRAM_LIMITS.maxEdgeCells,
  workers: availableParallelism(),
  workTimeout: 10_000,
  inlineBelow: 16_384,
  grace: 10_000,
  workerHeapMiB: 2_048,
} as const;
