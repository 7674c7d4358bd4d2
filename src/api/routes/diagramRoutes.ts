import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { estimate } from "../../model/estimate.js";
import { TopologySchema } from "../../model/topologySchema.js";
import { DIAGRAM_FORMATS, drawTopology } from "../../render/drawTopology.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { readTopology } from "../readTopology.js";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const DiagramQuerySchema = z.object({
  format: z.enum(DIAGRAM_FORMATS).default("svg").describe("ascii | mermaid | svg"),
  detail: z.enum(["accounts", "vpcs", "azs", "subnets"]).default("vpcs"),
  charset: z.enum(["unicode", "ascii"]).default("unicode").describe("for format=ascii"),
  theme: z.enum(["light", "dark"]).default("light").describe("for format=svg"),
  costs: flag.describe("annotate nodes and groups with monthly costs"),
  securityGroups: flag,
  routeTables: flag,
  hostedZones: flag.describe("default true"),
});

const CONTENT_TYPES = {
  ascii: "text/plain; charset=utf-8",
  mermaid: "text/vnd.mermaid; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
} as const;

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
    async (request, reply) => {
      const q = request.query;
      const topology = readTopology(request.body, ctx.limits);
      const text = drawTopology(topology, {
        ...q,
        estimate: q.costs ? estimate(topology, ctx.catalog) : null,
        limits: ctx.diagramLimits,
      });
      return reply.type(CONTENT_TYPES[q.format]).send(text);
    },
  );
}
