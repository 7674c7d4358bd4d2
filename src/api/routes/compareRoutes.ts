import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccountPair } from "../../model/alignAccounts.js";
import { type Comparison, compare } from "../../model/compare.js";
import {
  ComparisonJsonSchema,
  comparisonToJson,
  WhatIfResultSchema,
} from "../../model/comparisonJson.js";
import { exactQuantity } from "../../model/exactQuantity.js";
import { LinkplanError } from "../../model/linkplanError.js";
import { TopologySchema } from "../../model/topologySchema.js";
import { applyWhatIf, compareWhatIf, WhatIfSchema } from "../../model/whatif/whatIf.js";
import { formatComparisonMarkdown } from "../../report/formatComparisonMarkdown.js";
import { formatComparisonTable } from "../../report/formatComparisonTable.js";
import type { ApiContext } from "../apiContext.js";
import { errorResponses, TOPOLOGY_MEDIA_TYPES } from "../errorResponses.js";
import {
  checkLimits,
  readMember,
  readTopology,
  readTopologyDoc,
  withPathPrefix,
} from "../readTopology.js";

export const CompareQuerySchema = z.object({
  format: z
    .enum(["json", "markdown", "table"])
    .default("json")
    .describe("json, markdown (a pull-request comment) or table (plain text)"),
  hoursPerMonth: exactQuantity(z.coerce.number().positive().max(744)).optional(),
});

const PairSchema = z.object({ before: z.string(), after: z.string() });

const textResponses = {
  "text/markdown": { schema: z.string() },
  "text/plain": { schema: z.string() },
};

/** Send a comparison as JSON, Markdown or a plain-text table. */
function sendComparison(
  reply: FastifyReply,
  comparison: Comparison,
  format: "json" | "markdown" | "table",
  extra: Record<string, unknown> = {},
) {
  if (format === "markdown") {
    return reply.type("text/markdown; charset=utf-8").send(formatComparisonMarkdown(comparison));
  }
  if (format === "table") {
    return reply.type("text/plain; charset=utf-8").send(formatComparisonTable(comparison));
  }
  return reply.send({ ...extra, ...comparisonToJson(comparison) });
}

/** Account pairs from the body (optional), checked for shape. */
function pairsOf(body: unknown): AccountPair[] | undefined {
  const raw = (body as { pairs?: unknown } | null)?.pairs;
  if (raw === undefined) return undefined;
  const parsed = z.array(PairSchema).safeParse(raw);
  if (!parsed.success) {
    throw new LinkplanError("invalid_request", "invalid pairs", [
      { path: "pairs", message: "must be a list of { before, after } account ids" },
    ]);
  }
  return parsed.data;
}

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
    async (request, reply) => {
      const read = (v: unknown, where: string) => readTopology(v, ctx.limits, where);
      const a = readMember(request.body, "a", read);
      const b = readMember(request.body, "b", read);
      const pairs = pairsOf(request.body);
      const hours = request.query.hoursPerMonth;
      const comparison = compare(a, b, ctx.catalog, {
        ...(pairs ? { pairs } : {}),
        ...(hours === undefined ? {} : { hoursPerMonth: hours }),
      });
      return sendComparison(reply, comparison, request.query.format);
    },
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
    async (request, reply) => {
      const doc = readMember(request.body, "topology", (v, where) =>
        readTopologyDoc(v, ctx.limits, where),
      );
      const transform = readMember(request.body, "transform", (v) => {
        const parsed = WhatIfSchema.safeParse(v);
        if (parsed.success) return parsed.data;
        throw new LinkplanError(
          "invalid_request",
          "invalid transform",
          parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join("."),
            message: issue.message,
          })),
        );
      });
      const after = withPathPrefix("transform", () => applyWhatIf(doc, transform));
      checkLimits(after, ctx.limits, " the what-if produced");
      const hours = request.query.hoursPerMonth;
      const comparison = compareWhatIf(doc, after, ctx.catalog, {
        ...(hours === undefined ? {} : { hoursPerMonth: hours }),
      });
      return sendComparison(reply, comparison, request.query.format, {
        transform,
        topology: after,
      });
    },
  );
}
