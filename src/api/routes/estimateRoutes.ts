import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { EstimateJsonSchema } from "../../model/estimateJson.js";
import { TopologySchema } from "../../model/topologySchema.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { EstimateQuerySchema } from "../operations/estimateOperation.js";
import { sendOperation } from "../sendOperation.js";

/** POST /v1/estimate and POST /v1/validate: a topology in, a priced estimate or a verdict out. */
export function estimateRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    "/v1/estimate",
    {
      schema: {
        tags: ["estimate"],
        summary: "Price a topology line by line",
        description:
          "Body: a topology as JSON, or YAML with Content-Type: application/yaml. Money is exact decimal strings; totals equal the sum of the lines.",
        querystring: EstimateQuerySchema,
        body: TopologySchema,
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: { 200: EstimateJsonSchema, ...errorResponses },
      },
    },
    (request, reply) => sendOperation(ctx.work, "estimate", request, reply),
  );

  typed.post(
    "/v1/validate",
    {
      schema: {
        tags: ["estimate"],
        summary: "Check a topology and report every problem",
        description:
          "200 with counts when the topology is valid; 422 with every problem and its path when not.",
        body: TopologySchema,
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: {
          200: z.object({
            valid: z.literal(true),
            accounts: z.number().int(),
            vpcs: z.number().int(),
            endpoints: z.number().int(),
            endpointServices: z.number().int(),
            hostedZones: z.number().int(),
          }),
          ...errorResponses,
        },
      },
    },
    (request, reply) => sendOperation(ctx.work, "validate", request, reply),
  );
}
