import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { DiagramLimits } from "../render/diagramLimits.js";
import type { TopologyLimits } from "./readTopology.js";

/** The routes whose work is CPU-bound: each is one operation on a topology body. */
export const OPERATION_NAMES = ["estimate", "validate", "diagram", "compare", "whatif"] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** A request body as received: its text and the syntax its content type announced. */
export interface RawBody {
  text: string;
  format: "json" | "yaml";
}

/**
 * What an operation needs from a request: cheap to hand to a worker thread (a string and a
 * small object are copied in microseconds; a parsed topology would be structured-cloned).
 */
export interface OperationInput {
  operation: OperationName;
  /** null when the request had no body */
  body: RawBody | null;
  /** the query string as the route's schema validated it */
  query: Record<string, unknown>;
}

/**
 * An operation's answer, ready to send: the status, its media type and the serialized body
 * (UTF-8 bytes when a worker thread encoded a large one, so it moves without a copy).
 */
export interface OperationReply {
  status: number;
  contentType: string;
  body: string | Uint8Array;
}

/** What operations read besides the request: prices and size limits (no I/O, no clock). */
export interface OperationContext {
  catalog: PriceCatalog;
  limits: TopologyLimits;
  diagramLimits: DiagramLimits;
}
