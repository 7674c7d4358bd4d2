import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LinkplanError, type LinkplanErrorCode } from "../model/linkplanError.js";
import { type ProblemBody, ProblemError, problem } from "./problem.js";

/** HTTP status of each library error code; codes not listed answer 422. */
const STATUS: Partial<Record<LinkplanErrorCode, number>> = {
  invalid_syntax: 400,
  document_too_large: 413,
};

/** Answer with a problem body (application/problem+json, its status). */
export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(body);
}

/** Map whatever a request raised to a problem; never a stack trace, never 5xx for input. */
export function toProblem(error: unknown): ProblemBody {
  if (error instanceof ProblemError) return error.body;
  if (error instanceof LinkplanError) {
    const [summary = error.message] = error.message.split("\n");
    const status = STATUS[error.code] ?? 422;
    if (error.code === "invalid_syntax")
      return problem("malformed_body", status, summary, error.problems);
    return problem(error.code, status, summary, error.problems);
  }
  const e = error as Partial<FastifyError> & { status?: number };
  const status = e.statusCode ?? e.status ?? 500;
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return problem("body_too_large", 413, "the request body is larger than this server accepts");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return problem(
        "unsupported_media_type",
        415,
        "send the topology as application/json or application/yaml",
      );
    case "FST_ERR_BAD_URL":
      return problem("invalid_request", 400, "the URL path is not valid percent-encoding");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return problem("invalid_request", 414, "a path parameter is longer than this server accepts");
    case "FST_ERR_VALIDATION":
      return problem("invalid_request", 400, e.message ?? "invalid request");
  }
  if (status >= 400 && status < 500) {
    return problem("malformed_body", 400, (e.message ?? "malformed request").replace(/\s+/g, " "));
  }
  return problem(
    "internal_error",
    500,
    "the server failed to answer; the request was not at fault",
  );
}

/** Problem+json for errors, unknown routes (404) and known routes with another method (405). */
export function installErrorHandling(
  app: FastifyInstance,
  routes: { method: string; pattern: RegExp }[],
): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const allowed = routes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length > 0) {
      void reply.header("allow", [...new Set(allowed)].join(", "));
      return sendProblem(
        reply,
        problem(
          "method_not_allowed",
          405,
          `${request.method} is not allowed on ${path}; use ${[...new Set(allowed)].join(" or ")}`,
        ),
      );
    }
    return sendProblem(reply, problem("not_found", 404, `no route ${request.method} ${path}`));
  });
}
