import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import type { ApiContext } from "../apiContext.js";

/** GET /healthz: the server is up, which catalog it prices with, and its pooled work. */
export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness",
        response: {
          200: z.object({
            status: z.literal("ok"),
            catalog: z.string(),
            pending: z
              .number()
              .int()
              .describe("operations running or queued in the worker pool now"),
          }),
        },
      },
    },
    async () => ({ status: "ok" as const, catalog: ctx.catalog.name, pending: ctx.work.pending }),
  );
}
