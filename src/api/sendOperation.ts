import type { FastifyReply, FastifyRequest } from "fastify";
import type { OperationName } from "../operations/operations.js";
import type { RawBody } from "./operation.js";
import type { WorkPool } from "./workPool.js";

/** The header carrying a format's warning about an answer (e.g. Mermaid too long to draw). */
export const WARNING_HEADER = "Linkplan-Warning";

/** The body as the topology routes' content-type parsers left it (text, not parsed). */
function rawBodyOf(body: unknown): RawBody | null {
  const raw = body as Partial<RawBody> | undefined | null;
  return typeof raw?.text === "string" && (raw.format === "json" || raw.format === "yaml")
    ? { text: raw.text, format: raw.format }
    : null;
}

/** Run a topology operation (or an import) on the request, inline or in the pool, and send its answer. */
export async function sendOperation(
  work: WorkPool,
  operation: OperationName | "import",
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const answer = await work.run({
    operation,
    // a { terraform: … } body is imported into its topology by the operation (in the pool)
    body: rawBodyOf(request.body),
    query: (request.query ?? {}) as Record<string, unknown>,
  });
  const body =
    typeof answer.body === "string"
      ? answer.body
      : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
  if (answer.warning) void reply.header(WARNING_HEADER, answer.warning);
  void reply.code(answer.status).type(answer.contentType).send(body);
}
