import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { DiagramLimits } from "../render/diagramLimits.js";
import type { TopologyLimits } from "./readTopology.js";

/** A bundled example served by GET /v1/examples. */
export interface ServedExample {
  name: string;
  description: string;
  /** the YAML file as written */
  yaml: string;
}

/** What route handlers share: prices, limits and the examples (loaded once). */
export interface ApiContext {
  catalog: PriceCatalog;
  limits: TopologyLimits;
  diagramLimits: DiagramLimits;
  examples: ServedExample[];
}
