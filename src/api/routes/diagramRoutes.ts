import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TopologySchema } from "../../model/topologySchema.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { DiagramQuerySchema } from "../operations/diagramOperation.js";
import { sendOperation } from "../sendOperation.js";

/** POST /v1/diagram: a topology in, an ASCII, Mermaid or SVG drawing out. */
export function diagramRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/diagram",
    {
      schema: {
        tags: ["diagram"],
        summary: "Draw a topology as ASCII, Mermaid or SVG",
        description:
          "Responds text/plain (ascii), text/vnd.mermaid (mermaid) or image/svg+xml (svg). Body: a topology as JSON or YAML. A diagram over a size limit (nodes and groups, canvas cells, edge cells) is a 422 diagram_too_large: draw it at a coarser detail.",
        querystring: DiagramQuerySchema,
        body: TopologySchema,
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: {
          200: {
            description: "the drawing",
            content: {
              "text/plain": { schema: z.string() },
              "text/vnd.mermaid": { schema: z.string() },
              "image/svg+xml": { schema: z.string() },
            },
          },
          ...errorResponses,
        },
      },
    },
    (request, reply) => sendOperation(ctx.work, "diagram", request, reply),
  );
}
