import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { LinkplanError } from "../../core/linkplanError.js";
import type { ApiContext } from "../apiContext.js";
import { problemResponse } from "../errorResponses.js";

/** GET /v1/examples and /v1/examples/:name: the bundled example topologies. */
export function exampleRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/v1/examples",
    {
      schema: {
        tags: ["examples"],
        summary: "The bundled example topologies",
        response: {
          200: z.array(z.object({ name: z.string(), description: z.string(), href: z.string() })),
        },
      },
    },
    async () =>
      ctx.examples.map((e) => ({
        name: e.name,
        description: e.description,
        href: `/v1/examples/${e.name}`,
      })),
  );
  typed.get(
    "/v1/examples/:name",
    {
      schema: {
        tags: ["examples"],
        summary: "One example topology as YAML (ready to POST back to /v1/estimate)",
        params: z.object({ name: z.string() }),
        response: {
          200: {
            description: "the example",
            content: { "application/yaml": { schema: z.string() } },
          },
          404: problemResponse("no such example (code not_found)"),
        },
      },
    },
    async (request, reply) => {
      const example = ctx.examples.find((e) => e.name === request.params.name);
      if (!example) {
        throw new LinkplanError(
          "not_found",
          `no example "${request.params.name}"; GET /v1/examples lists them`,
        );
      }
      return reply.type("application/yaml; charset=utf-8").send(example.yaml);
    },
  );
}
