import { z } from "zod";
import type { Problem as PathProblem } from "../model/linkplanError.js";

/** Stable codes of every error the API answers with. */
export const PROBLEM_CODES = [
  "malformed_body",
  "not_found",
  "method_not_allowed",
  "body_too_large",
  "unsupported_media_type",
  "invalid_request",
  "invalid_topology",
  "invalid_syntax",
  "invalid_catalog",
  "missing_price",
  "limit_exceeded",
  "nesting_too_deep",
  "document_too_large",
  "diagram_too_large",
  "not_implemented",
  "uri_too_long",
  "headers_too_large",
  "request_timeout",
  "work_timeout",
  "shutting_down",
  "internal_error",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** RFC 9457 problem details, with linkplan's stable `code` and per-path `errors`. */
export const ProblemSchema = z
  .object({
    type: z.string().describe("URI identifying the problem type"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe("every problem found in the input, each at its path"),
    requestId: z
      .string()
      .optional()
      .describe("on 500 internal_error: the request id (x-request-id) under which it was logged"),
  })
  .describe("RFC 9457 problem details (application/problem+json)");
export type ProblemBody = z.infer<typeof ProblemSchema>;

const TITLES: Record<ProblemCode, string> = {
  malformed_body: "Malformed request body",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  body_too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  invalid_request: "Invalid request",
  invalid_topology: "Invalid topology",
  invalid_syntax: "Malformed request body",
  invalid_catalog: "Invalid price catalog",
  missing_price: "Missing price",
  limit_exceeded: "Limit exceeded",
  nesting_too_deep: "Nesting too deep",
  document_too_large: "Document too large",
  diagram_too_large: "Diagram too large",
  not_implemented: "Not implemented",
  uri_too_long: "URI too long",
  headers_too_large: "Request headers too large",
  request_timeout: "Request timeout",
  work_timeout: "Work took too long",
  shutting_down: "Shutting down",
  internal_error: "Internal server error",
};

/** The problem body for a code, status and detail. */
export function problem(
  code: ProblemCode,
  status: number,
  detail: string,
  errors?: PathProblem[],
): ProblemBody {
  return {
    type: `https://linkplan.dev/problems/${code.replace(/_/g, "-")}`,
    title: TITLES[code],
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An error a route throws to answer with a problem. */
export class ProblemError extends Error {
  constructor(readonly body: ProblemBody) {
    super(body.detail);
    this.name = "ProblemError";
  }
}
