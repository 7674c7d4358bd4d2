import type { FastifyError } from "fastify";
import { LinkplanError, type LinkplanErrorCode } from "../model/linkplanError.js";
import { type ProblemBody, ProblemError, problem } from "./problem.js";

/** HTTP status of each library error code; codes not listed answer 422. */
const STATUS: Partial<Record<LinkplanErrorCode, number>> = {
  invalid_syntax: 400,
  document_too_large: 413,
};

/** Fastify's own client errors: a stable code and a fixed detail (never the framework's message). */
const FRAMEWORK_PROBLEMS: Record<string, () => ProblemBody> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    problem("body_too_large", 413, "the request body is larger than this server accepts"),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    problem(
      "unsupported_media_type",
      415,
      "send the topology as application/json or application/yaml",
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    problem("invalid_request", 400, "the Content-Length header does not match the body"),
  FST_ERR_BAD_URL: () =>
    problem("invalid_request", 400, "the URL path is not valid percent-encoding"),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    problem("invalid_request", 414, "a path parameter is longer than this server accepts"),
};

/** Messages of the engine, not of the input: they never reach a client as they are. */
const INTERNAL_MESSAGE =
  /Maximum call stack size exceeded|Invalid (?:string|array) length|out of memory/i;

/** A problem's message as the client may see it. */
function clientMessage(message: string): string {
  return INTERNAL_MESSAGE.test(message) ? "nested too deeply or too large to read here" : message;
}

/**
 * Map whatever a request raised to a problem: the library's and the API's errors with their
 * code and paths, Fastify's client errors with a fixed detail, anything else a 500
 * `internal_error` whose detail says nothing about the cause (the log has it).
 */
export function toProblem(error: unknown): ProblemBody {
  if (error instanceof ProblemError) return error.body;
  if (error instanceof LinkplanError) {
    const [summary = error.message] = error.message.split("\n");
    // a LinkplanError keeps at most MAX_PROBLEMS problems and one entry counting the rest
    const problems = error.problems.map((p) => ({
      path: p.path,
      message: clientMessage(p.message),
    }));
    if (error.code === "invalid_syntax")
      return problem("malformed_body", 400, clientMessage(summary), problems);
    return problem(error.code, STATUS[error.code] ?? 422, clientMessage(summary), problems);
  }
  const e = (typeof error === "object" && error !== null ? error : {}) as Partial<FastifyError> & {
    status?: number;
  };
  const known = e.code === undefined ? undefined : FRAMEWORK_PROBLEMS[e.code];
  if (known) return known();
  // zod's messages about the query string and path parameters name the parameter, not a value
  if (e.code === "FST_ERR_VALIDATION")
    return problem("invalid_request", 400, (e.message ?? "invalid request").replace(/\s+/g, " "));
  const status = e.statusCode ?? e.status ?? 500;
  if (status >= 400 && status < 500) {
    return problem("invalid_request", 400, "the request is malformed");
  }
  return problem(
    "internal_error",
    500,
    "the server failed to answer; the request was not at fault",
  );
}
