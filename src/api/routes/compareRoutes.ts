import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TopologySchema } from "../../model/topologySchema.js";
import { errorResponses } from "../errorResponses.js";
import { ProblemError, ProblemSchema, problem } from "../problem.js";

/** POST /v1/compare: documented now, answered 501 until the compare engine lands. */
export function compareRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/compare",
    {
      schema: {
        tags: ["compare"],
        summary: "Compare two topologies (not implemented yet: 501)",
        body: z.object({ a: TopologySchema, b: TopologySchema }),
        response: {
          501: ProblemSchema.describe("compare is not implemented yet"),
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
