import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { BREAK_EVEN_DEFAULTS, breakEven } from "../../model/breakEven.js";
import { BreakEvenJsonSchema, breakEvenToJson } from "../../model/breakEvenJson.js";
import { exactQuantity } from "../../model/exactQuantity.js";
import { RegionSchema } from "../../model/topologySchema.js";
import { formatBreakEvenTable } from "../../report/formatBreakEvenTable.js";
import type { ApiContext } from "../apiContext.js";
import { problemResponse } from "../errorResponses.js";

/** A comma-separated query value as a list of items. */
function list<Out>(item: z.ZodType<Out, string>) {
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));
}

export const BreakEvenQuerySchema = z.object({
  region: RegionSchema.describe("AWS region code, e.g. us-east-1"),
  azs: z.coerce.number().int().min(1).max(6).default(BREAK_EVEN_DEFAULTS.azs),
  services: z
    .union([
      z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(1000)),
      list(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/)),
    ])
    .optional()
    .describe(
      `comma-separated services (default ${BREAK_EVEN_DEFAULTS.services.join(",")}), or how many interface services`,
    ),
  spokes: list(z.coerce.number<string>().int().min(1).max(10_000))
    .optional()
    .describe(
      `spoke VPC counts, comma-separated (default ${BREAK_EVEN_DEFAULTS.spokes.join(",")})`,
    ),
  hoursPerMonth: exactQuantity(z.coerce.number().positive().max(744)).optional(),
  format: z.enum(["json", "table"]).default("json"),
});

/** GET /v1/breakeven: when an endpoint beats NAT, and a hub VPC beats per-VPC endpoints. */
export function breakEvenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/breakeven",
    {
      schema: {
        tags: ["compare"],
        summary: "Break-even traffic: endpoint vs NAT gateway, hub VPC vs per-VPC endpoints",
        querystring: BreakEvenQuerySchema,
        response: {
          200: {
            description: "the break-even figures",
            content: {
              "application/json": { schema: BreakEvenJsonSchema },
              "text/plain": { schema: z.string() },
            },
          },
          400: problemResponse("invalid query (code invalid_request)"),
          422: problemResponse("a price the region lacks (code missing_price)"),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = breakEven(
        {
          region: q.region,
          azs: q.azs,
          ...(q.services ? { services: q.services } : {}),
          ...(q.spokes ? { spokes: q.spokes } : {}),
          ...(q.hoursPerMonth === undefined ? {} : { hoursPerMonth: q.hoursPerMonth }),
        },
        ctx.catalog,
      );
      if (q.format === "table") {
        return reply.type("text/plain; charset=utf-8").send(formatBreakEvenTable(result));
      }
      return breakEvenToJson(result);
    },
  );
}
