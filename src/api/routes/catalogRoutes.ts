import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { PriceEntrySchema, RegionPricesSchema } from "../../pricing/catalogSchema.js";
import type { ApiContext } from "../apiContext.js";
import { problemResponse } from "../errorResponses.js";
import { ProblemError, problem } from "../problem.js";

const CatalogInfo = z.object({
  name: z.string(),
  retrieved: z.string(),
  currency: z.literal("USD"),
});

/** GET /v1/catalog/regions and /v1/catalog/prices?region=: what the server prices with. */
export function catalogRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const info = {
    name: ctx.catalog.name,
    retrieved: ctx.catalog.retrieved,
    currency: ctx.catalog.currency,
  };
  typed.get(
    "/v1/catalog/regions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Regions the price catalog covers",
        response: { 200: z.object({ catalog: CatalogInfo, regions: z.array(z.string()) }) },
      },
    },
    async () => ({ catalog: info, regions: Object.keys(ctx.catalog.regions).sort() }),
  );
  typed.get(
    "/v1/catalog/prices",
    {
      schema: {
        tags: ["catalog"],
        summary: "Every price of one region (and the global Route 53 prices), with unit and source",
        querystring: z.object({
          region: z.string().min(1).describe("region code, e.g. us-east-1"),
        }),
        response: {
          200: z.object({
            catalog: CatalogInfo,
            region: z.string(),
            prices: RegionPricesSchema,
            global: z.record(z.string(), PriceEntrySchema),
          }),
          400: problemResponse("the region query parameter is missing (code invalid_request)"),
          404: problemResponse("the catalog has no such region"),
        },
      },
    },
    async (request) => {
      const { region } = request.query;
      // own keys only: "constructor" or "__proto__" is not a region
      const prices = Object.hasOwn(ctx.catalog.regions, region)
        ? ctx.catalog.regions[region]
        : undefined;
      if (!prices) {
        throw new ProblemError(
          problem(
            "not_found",
            404,
            `the catalog "${ctx.catalog.name}" has no region "${region}"; GET /v1/catalog/regions lists them`,
          ),
        );
      }
      const global = Object.fromEntries(
        Object.entries(ctx.catalog.global).filter(([, v]) => v !== undefined),
      );
      return { catalog: info, region, prices, global };
    },
  );
}
