import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { SEVERITIES } from "../../check/finding.js";
import { RULES } from "../../check/rules.js";

const RuleInfo = z.object({
  id: z.string(),
  severity: z.enum(SEVERITIES),
  summary: z.string(),
  docs: z.string(),
});

/** GET /v1/check/rules: the rules `POST /v1/check` runs (as `linkplan check --list-rules`). */
export function checkRoutes(app: FastifyInstance): void {
  const rules = RULES.map(({ id, severity, summary, docs }) => ({ id, severity, summary, docs }));
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/check/rules",
    {
      schema: {
        tags: ["check"],
        summary: "The rules of linkplan check",
        response: { 200: z.object({ rules: z.array(RuleInfo) }) },
      },
    },
    async () => ({ rules }),
  );
}
