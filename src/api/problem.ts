import * as z from "zod";
import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode, problemType } from "../core/errorCodes.js";
import type { LinkplanError, Problem } from "../core/linkplanError.js";

/** Codes of the error table that only the command line meets (files, gates, the AWS sources). */
const CLI_ONLY: ReadonlySet<ErrorCode> = new Set([
  "invalid_syntax",
  "file_not_found",
  "file_not_writable",
  "gate_failed",
  "check_failed",
  "price_list_unavailable",
  "service_list_unavailable",
]);

/** Every code the API answers with (a body's syntax error is `malformed_body`). */
export const API_ERROR_CODES = ERROR_CODE_LIST.filter((code) => !CLI_ONLY.has(code)) as [
  ErrorCode,
  ...ErrorCode[],
];

/** RFC 9457 problem details, with linkplan's stable `code` and per-path `errors`. */
export const ProblemSchema = z
  .object({
    type: z.string().describe("URI identifying the problem type"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(API_ERROR_CODES),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe("every problem found in the input, each at its path (at most 100, then a count)"),
    requestId: z
      .string()
      .optional()
      .describe("on 500 internal_error: the request id (x-request-id) under which it was logged"),
  })
  .describe("RFC 9457 problem details (application/problem+json)");
export type ProblemBody = z.infer<typeof ProblemSchema>;

/** The problem body of a code from the error table: its status, title and type. */
export function problemBody(code: ErrorCode, detail: string, errors: Problem[] = []): ProblemBody {
  const api = CLI_ONLY.has(code) ? "internal_error" : code;
  const info = ERROR_CODES[api];
  return {
    type: problemType(api),
    title: info.title,
    status: info.status,
    detail,
    code: api,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** The problem body of a LinkplanError (its summary as the detail, its problems as errors). */
export function problemOf(error: LinkplanError): ProblemBody {
  return problemBody(error.code, error.summary, error.problems);
}
