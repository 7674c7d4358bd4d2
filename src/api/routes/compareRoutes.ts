import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ComparisonJsonSchema, WhatIfResultSchema } from "../../model/comparisonJson.js";
import { TopologySchema } from "../../model/topologySchema.js";
import { WhatIfSchema } from "../../model/whatif/whatIf.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import { CompareQuerySchema, PairSchema } from "../operations/compareOperation.js";
import { sendOperation } from "../sendOperation.js";

const textResponses = {
  "text/markdown": { schema: z.string() },
  "text/plain": { schema: z.string() },
};

/** POST /v1/compare and POST /v1/whatif: two topologies (or one and a transform) in, a diff out. */
export function compareRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    "/v1/compare",
    {
      schema: {
        tags: ["compare"],
        summary: "What topology b costs relative to topology a",
        description:
          "Body: { a, b, pairs? } (JSON, or YAML with Content-Type: application/yaml). Lines are matched by id; an account of a with a different id than b's is paired automatically when each has one account, or by `pairs`. Problems in a topology have paths starting with a. or b.",
        querystring: CompareQuerySchema,
        body: z.object({
          a: TopologySchema.describe("the first topology (e.g. dev, or the main branch)"),
          b: TopologySchema.describe("the second topology (e.g. prod, or the pull request)"),
          pairs: z
            .array(PairSchema)
            .optional()
            .describe("accounts of a that stand for accounts of b"),
        }),
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: {
          200: {
            description: "the comparison",
            content: {
              "application/json": { schema: ComparisonJsonSchema },
              ...textResponses,
            },
          },
          ...errorResponses,
        },
      },
    },
    (request, reply) => sendOperation(ctx.work, "compare", request, reply),
  );

  typed.post(
    "/v1/whatif",
    {
      schema: {
        tags: ["compare"],
        summary: "Apply a what-if to a topology and compare before and after",
        description:
          "Body: { topology, transform } where transform is { kind: consolidateAzs, azs, vpc? }, { kind: natToEndpoints, services?, vpc? } or { kind: centralizeEndpoints, hubVpc, services? }. The JSON answer carries the transformed topology (valid input for every other route) and the comparison.",
        querystring: CompareQuerySchema,
        body: z.object({ topology: TopologySchema, transform: WhatIfSchema }),
        consumes: TOPOLOGY_MEDIA_TYPES,
        response: {
          200: {
            description: "the transformed topology and the comparison",
            content: {
              "application/json": {
                schema: WhatIfResultSchema,
              },
              ...textResponses,
            },
          },
          ...errorResponses,
        },
      },
    },
    (request, reply) => sendOperation(ctx.work, "whatif", request, reply),
  );
}
