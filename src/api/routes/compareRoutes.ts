import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TopologySchema } from "../../model/topologySchema.js";
import { errorResponses, problemResponse, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { ProblemError, problem } from "../problem.js";

/** POST /v1/compare: documented now, answered 501 until the compare engine lands. */
export function compareRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/compare",
    {
      schema: {
        tags: ["compare"],
        summary: "Compare two topologies (not implemented yet: 501)",
        body: z.object({ a: TopologySchema, b: TopologySchema }),
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: {
          501: problemResponse("compare is not implemented yet"),
          ...errorResponses,
        },
      },
    },
    async () => {
      throw new ProblemError(
        problem(
          "not_implemented",
          501,
          "compare is not implemented yet; estimate both topologies with POST /v1/estimate",
        ),
      );
    },
  );
}
