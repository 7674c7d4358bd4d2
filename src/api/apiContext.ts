import type { DiagramLimits } from "../diagram/diagramLimits.js";
import type { TopologyLimits } from "../operations/readTopology.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { WorkPool } from "./workPool.js";

/** A bundled example served by GET /v1/examples. */
export interface ServedExample {
  name: string;
  description: string;
  /** the YAML file as written */
  yaml: string;
}

/** What route handlers share: prices, limits, the examples (loaded once) and the work pool. */
export interface ApiContext {
  catalog: PriceCatalog;
  limits: TopologyLimits;
  diagramLimits: DiagramLimits;
  examples: ServedExample[];
  /** runs the topology operations (inline or in worker threads) */
  work: WorkPool;
}
