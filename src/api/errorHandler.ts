import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ProblemBody, problemBody } from "./problem.js";
import { toProblem } from "./toProblem.js";

/** Answer with a problem body (application/problem+json, its status). */
export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(body);
}

/** Problem+json for errors, unknown routes (404) and known routes with another method (405). */
export function installErrorHandling(
  app: FastifyInstance,
  routes: { method: string; pattern: RegExp }[],
): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toProblem(error);
    if (body.status < 500) return sendProblem(reply, body);
    request.log.error({ err: error }, "request failed");
    return sendProblem(reply, { ...body, requestId: String(request.id) });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // a 16 KB path is echoed as its start: the detail names the route, not the payload
    const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
    const allowed = routes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length > 0) {
      void reply.header("allow", [...new Set(allowed)].join(", "));
      return sendProblem(
        reply,
        problemBody(
          "method_not_allowed",
          `${request.method} is not allowed on ${shown}; use ${[...new Set(allowed)].join(" or ")}`,
        ),
      );
    }
    return sendProblem(reply, problemBody("not_found", `no route ${request.method} ${shown}`));
  });
}
