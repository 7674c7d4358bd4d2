import { ERROR_CODES, type ErrorCode } from "../core/errorCodes.js";
import { ProblemSchema } from "./problem.js";

/** A problem response documented with its real media type, application/problem+json. */
export function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: ProblemSchema } } };
}

/** The problem responses of these codes, one per HTTP status (from the error table). */
export function errorResponsesOf(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      problemResponse(
        `${list.map((c) => ERROR_CODES[c].title).join("; ")} (code${list.length === 1 ? "" : "s"} ${list.join(", ")})`,
      ),
    ]),
  );
}

/** What any route may answer besides its own errors. */
const ANY_ROUTE: ErrorCode[] = ["invalid_option", "malformed_request", "internal_error"];

/** The problem responses of a route that takes a topology body. */
export const BODY_ERRORS: ErrorCode[] = [
  ...ANY_ROUTE,
  "invalid_request",
  "malformed_body",
  "body_too_large",
  "document_too_large",
  "unsupported_media_type",
  "invalid_topology",
  "nesting_too_deep",
  "limit_exceeded",
  "diagram_too_large",
  "missing_price",
  "work_timeout",
  "shutting_down",
];

/** The problem responses of a route that reads only its query string. */
export const QUERY_ERRORS: ErrorCode[] = [...ANY_ROUTE, "not_found", "missing_price"];

/** Media types a topology body may be sent as. */
export const TOPOLOGY_MEDIA_TYPES = ["application/json", "application/yaml"];
