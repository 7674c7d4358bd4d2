import type { OperationContext } from "../operations/operation.js";
import { operationNamed } from "../operations/operations.js";
import { checkFormat, formatOf } from "../operations/renderResult.js";
import { jsonReply, jsonTextReply } from "./jsonReply.js";
import type { OperationInput, OperationReply } from "./operation.js";
import { problemBody } from "./problem.js";
import { readBody } from "./readBody.js";
import { importBody, terraformBody } from "./terraformBody.js";
import { toProblem } from "./toProblem.js";

const PROBLEM_TYPE = "application/problem+json; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Parse the body (a `{ terraform: … }` body imported first), run the operation and write
 * its answer in the format asked; errors propagate.
 */
async function dispatch(input: OperationInput, ctx: OperationContext): Promise<OperationReply> {
  if (input.operation === "import") {
    return { status: 200, contentType: JSON_TYPE, body: await importBody(input.body) };
  }
  const operation = operationNamed(input.operation);
  const format = formatOf(operation, input.query.format as string | undefined);
  const formatName = (input.query.format as string | undefined) ?? operation.defaultFormat.api;
  checkFormat(operation, formatName, input.query);
  const raw = await terraformBody(input.body);
  const body = operation.route.body ? readBody(raw) : null;
  const source = operation.route.body && raw ? raw.text : undefined;
  const result = operation.run(body, input.query, ctx, source);
  if (format.kind === "json") {
    const { text } = format;
    return text
      ? jsonTextReply(() => text(result), format.mediaType)
      : jsonReply(format.render(result), format.mediaType);
  }
  if (format.kind === "binary") {
    return { status: 200, contentType: format.mediaType, body: await format.render(result) };
  }
  const text = format.render(result);
  const warning = format.warning?.(text);
  return {
    status: 200,
    contentType: format.mediaType,
    body: text,
    ...(warning ? { warning } : {}),
  };
}

/**
 * One operation from the request's raw body to the answer's bytes — the single code path
 * of the topology routes, run on the event loop or in a worker thread. Problems caused by
 * the input (syntax, validation, limits, prices) come back as problem+json answers; an
 * input that exhausts the stack or the string length is a 422 `limit_exceeded`, never its
 * internal message. Anything else is thrown (a 500 for the caller to log).
 */
export async function runOperation(
  input: OperationInput,
  ctx: OperationContext,
): Promise<OperationReply> {
  try {
    return await dispatch(input, ctx);
  } catch (error) {
    let body = toProblem(error);
    if (body.status >= 500) {
      if (!(error instanceof RangeError)) throw error;
      body = problemBody(
        "limit_exceeded",
        "the request is nested too deeply or is too large for this server to process",
      );
    }
    return { status: body.status, contentType: PROBLEM_TYPE, body: JSON.stringify(body) };
  }
}
