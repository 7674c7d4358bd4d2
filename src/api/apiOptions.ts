import type { PriceCatalog } from "../pricing/catalogSchema.js";

export interface ApiOptions {
  /** prices for estimates and cost annotations (default: the bundled catalog) */
  catalog?: PriceCatalog;
  /** largest request body in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** most VPCs one topology may have (default 2,000) */
  maxVpcs?: number;
  /** most endpoints one topology may have (default 50,000) */
  maxEndpoints?: number;
  /** allowed CORS origins; CORS is off when empty or absent */
  corsOrigins?: string[];
  /** log requests with Fastify's pino logger (default false) */
  logger?: boolean;
}

export const API_DEFAULTS = {
  bodyLimit: 1024 * 1024,
  maxVpcs: 2_000,
  maxEndpoints: 50_000,
} as const;
