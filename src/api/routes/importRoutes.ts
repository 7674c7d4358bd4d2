import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../apiContext.js";
import { BODY_ERRORS, errorResponsesOf, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { ImportRequestSchema, ImportResponseSchema } from "../importRequest.js";
import { sendOperation } from "../sendOperation.js";

/**
 * POST /v1/import: a Terraform configuration or plan as a linkplan topology, with warnings
 * (the work runs in the pool, like the topology operations).
 */
export function importRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post(
    "/v1/import",
    {
      schema: {
        tags: ["import"],
        summary: "Import Terraform (.tf files or a plan/state JSON) as a topology",
        description:
          "Body: { files: { path: text }, vars?, varFiles?, usage?, region?, account? } or { plan, usage?, region?, account? }, as JSON or YAML.",
        body: ImportRequestSchema,
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: { 200: ImportResponseSchema, ...errorResponsesOf(BODY_ERRORS) },
      },
    },
    (request, reply) => sendOperation(ctx.work, "import", request, reply),
  );
}
