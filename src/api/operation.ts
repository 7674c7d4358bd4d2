import type { OperationName } from "../operations/operations.js";

export type { OperationContext } from "../operations/operation.js";

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
  /** an operation, or "import" (POST /v1/import: Terraform in, a topology out) */
  operation: OperationName | "import";
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
  /** the format's warning about this answer (sent as the Linkplan-Warning header) */
  warning?: string;
}
