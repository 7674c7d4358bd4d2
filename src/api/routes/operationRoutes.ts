import type { FastifyInstance } from "fastify";
import * as z from "zod";
import type { AnyOperation } from "../../operations/operation.js";
import { OPERATIONS, type OperationName } from "../../operations/operations.js";
import type { ApiContext } from "../apiContext.js";
import {
  BODY_ERRORS,
  errorResponsesOf,
  QUERY_ERRORS,
  TOPOLOGY_MEDIA_TYPES,
} from "../errorResponses.js";
import { sendOperation } from "../sendOperation.js";

/** The query string of an operation's route: its options and `format`. */
export function queryOf(operation: AnyOperation): z.ZodObject {
  const names = Object.keys(operation.formats) as [string, ...string[]];
  const options = operation.options as unknown as z.ZodObject;
  return options.extend({
    format: z
      .enum(names)
      .default(operation.defaultFormat.api)
      .describe(`the answer's format: ${names.join(", ")}`),
  });
}

/** The 200 response of an operation: one content type per format. */
function okResponse(operation: AnyOperation) {
  const content: Record<string, { schema: z.ZodType }> = {};
  for (const format of Object.values(operation.formats)) {
    const type = format.mediaType.split(";")[0] ?? format.mediaType;
    content[type] = {
      schema:
        format.kind === "json"
          ? format.schema
          : format.kind === "binary"
            ? z.string().meta({ format: "binary" })
            : z.string(),
    };
  }
  return { description: operation.summary, content };
}

/**
 * One route per operation of the table, derived from it: its query string from the
 * operation's options (plus `format`), its body and answers documented from its schemas,
 * its work run by the pool (inline or in a worker thread).
 */
export function operationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const [name, operation] of Object.entries(OPERATIONS) as [OperationName, AnyOperation][]) {
    const { route } = operation;
    const summary = operation.summary.charAt(0).toUpperCase() + operation.summary.slice(1);
    app.route({
      method: route.method,
      url: route.url,
      schema: {
        tags: [route.tag],
        summary,
        ...(route.bodyDescription ? { description: `Body: ${route.bodyDescription}` } : {}),
        querystring: queryOf(operation),
        ...(route.body ? { body: route.body, consumes: TOPOLOGY_MEDIA_TYPES } : {}),
        response: {
          200: okResponse(operation),
          ...errorResponsesOf(route.body ? BODY_ERRORS : QUERY_ERRORS),
        },
      },
      handler: (request, reply) => sendOperation(ctx.work, name, request, reply),
    });
  }
}
