import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import type { ApiContext } from "../apiContext.js";

/** GET /healthz: the server is up and which catalog it prices with. */
export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness",
        response: { 200: z.object({ status: z.literal("ok"), catalog: z.string() }) },
      },
    },
    async () => ({ status: "ok" as const, catalog: ctx.catalog.name }),
  );
}
