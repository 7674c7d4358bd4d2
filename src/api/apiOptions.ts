import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { DIAGRAM_LIMITS } from "../render/diagramLimits.js";

export interface ApiOptions {
  /** prices for estimates and cost annotations (default: the bundled catalog) */
  catalog?: PriceCatalog;
  /** largest request body in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** most VPCs one topology may have (default 2,000) */
  maxVpcs?: number;
  /** most endpoints one topology may have (default 50,000) */
  maxEndpoints?: number;
  /** most nodes and groups one diagram may have (default 10,000; see DiagramLimits) */
  maxDiagramNodes?: number;
  /** most cells of a diagram's canvas (default 5,000,000) */
  maxDiagramCanvasCells?: number;
  /** most cells a diagram's edges may need to run through (default 4,000,000) */
  maxDiagramEdgeCells?: number;
  /** allowed CORS origins; CORS is off when empty or absent */
  corsOrigins?: string[];
  /** log requests with Fastify's pino logger (default false) */
  logger?: boolean;
}

export const API_DEFAULTS = {
  bodyLimit: 1024 * 1024,
  maxVpcs: 2_000,
  maxEndpoints: 50_000,
  maxDiagramNodes: DIAGRAM_LIMITS.maxNodes,
  maxDiagramCanvasCells: DIAGRAM_LIMITS.maxCanvasCells,
  maxDiagramEdgeCells: DIAGRAM_LIMITS.maxEdgeCells,
} as const;
