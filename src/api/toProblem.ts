import type { FastifyError } from "fastify";
import { LinkplanError } from "../core/linkplanError.js";
import { type ProblemBody, problemBody } from "./problem.js";

/** Fastify's own client errors: a stable code and a fixed detail (never the framework's message). */
const FRAMEWORK_PROBLEMS: Record<string, () => ProblemBody> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    problemBody("body_too_large", "the request body is larger than this server accepts"),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    problemBody(
      "unsupported_media_type",
      "send the topology as application/json or application/yaml",
    ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    problemBody("malformed_request", "the Content-Length header does not match the body"),
  FST_ERR_BAD_URL: () =>
    problemBody("malformed_request", "the URL path is not valid percent-encoding"),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    problemBody("uri_too_long", "a path parameter is longer than this server accepts"),
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
  if (error instanceof LinkplanError) {
    // a LinkplanError keeps at most MAX_PROBLEMS problems and one entry counting the rest
    const problems = error.problems.map((p) => ({
      path: p.path,
      message: clientMessage(p.message),
    }));
    return problemBody(error.code, clientMessage(error.summary), problems);
  }
  const e = (typeof error === "object" && error !== null ? error : {}) as Partial<FastifyError> & {
    status?: number;
  };
  const known = e.code === undefined ? undefined : FRAMEWORK_PROBLEMS[e.code];
  if (known) return known();
  // zod's messages about the query string and path parameters name the parameter, not a value
  if (e.code === "FST_ERR_VALIDATION") {
    const errors = (e.validation ?? []).map((v) => ({
      path: v.instancePath.replace(/^\//, "").replace(/\//g, "."),
      message: v.message ?? "invalid",
    }));
    const first = errors[0];
    const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
    return problemBody(
      "invalid_option",
      `invalid query parameter${errors.length === 1 ? "" : "s"}: ${summary}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`,
      errors,
    );
  }
  const status = e.statusCode ?? e.status ?? 500;
  if (status >= 400 && status < 500) {
    return problemBody("malformed_request", "the request is malformed");
  }
  return problemBody("internal_error", "the server failed to answer; the request was not at fault");
}
