import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import type { ApiContext } from "../apiContext.js";

const CatalogInfo = z.object({
  name: z.string(),
  retrieved: z.string(),
  currency: z.literal("USD"),
});

/** GET /v1/catalog/regions: what the server prices with (its prices: the prices operation). */
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
}
