import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { estimate } from "../../model/estimate.js";
import { EstimateJsonSchema, estimateToJson } from "../../model/estimateJson.js";
import { exactQuantity } from "../../model/exactQuantity.js";
import { TopologySchema } from "../../model/topologySchema.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { readTopology } from "../readTopology.js";

export const EstimateQuerySchema = z.object({
  hoursPerMonth: exactQuantity(z.coerce.number().positive().max(744))
    .optional()
    .describe("hours in the month (default: the topology's hoursPerMonth, else 730)"),
});

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
    async (request) => {
      const topology = readTopology(request.body, ctx.limits);
      const hours = request.query.hoursPerMonth;
      return estimateToJson(
        estimate(topology, ctx.catalog, hours === undefined ? {} : { hoursPerMonth: hours }),
      );
    },
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
    async (request) => {
      const topology = readTopology(request.body, ctx.limits);
      const sum = (f: (a: (typeof topology.accounts)[number]) => number) =>
        topology.accounts.reduce((n, a) => n + f(a), 0);
      return {
        valid: true as const,
        accounts: topology.accounts.length,
        vpcs: sum((a) => a.vpcs.length),
        endpoints: sum((a) => a.vpcs.reduce((n, v) => n + v.endpoints.length, 0)),
        endpointServices: sum((a) => a.endpointServices.length),
        hostedZones: sum((a) => a.hostedZones.length),
      };
    },
  );
}
