import type { OperationContext, OperationInput, OperationReply } from "./operation.js";
import type { CompareQuery } from "./operations/compareOperation.js";
import { compareOperation } from "./operations/compareOperation.js";
import { type DiagramQuery, diagramOperation } from "./operations/diagramOperation.js";
import { type EstimateQuery, estimateOperation } from "./operations/estimateOperation.js";
import { validateOperation } from "./operations/validateOperation.js";
import { whatIfOperation } from "./operations/whatIfOperation.js";
import { problem } from "./problem.js";
import { readBody } from "./readBody.js";
import { toProblem } from "./toProblem.js";

const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

/** Parse the body and run one operation; errors propagate. */
function dispatch(input: OperationInput, ctx: OperationContext): OperationReply {
  const body = readBody(input.body);
  switch (input.operation) {
    case "estimate":
      return estimateOperation(body, input.query as EstimateQuery, ctx);
    case "validate":
      return validateOperation(body, ctx);
    case "diagram":
      return diagramOperation(body, input.query as DiagramQuery, ctx);
    case "compare":
      return compareOperation(body, input.query as CompareQuery, ctx);
    case "whatif":
      return whatIfOperation(body, input.query as CompareQuery, ctx);
  }
}

/**
 * One operation from the request's raw body to the answer's bytes — the single code path
 * of the topology routes, run on the event loop or in a worker thread. Problems caused by
 * the input (syntax, validation, limits, prices) come back as problem+json answers; an
 * input that exhausts the stack or the string length is a 422 `limit_exceeded`, never its
 * internal message. Anything else is thrown (a 500 for the caller to log).
 */
export function runOperation(input: OperationInput, ctx: OperationContext): OperationReply {
  try {
    return dispatch(input, ctx);
  } catch (error) {
    let body = toProblem(error);
    if (body.status >= 500) {
      if (!(error instanceof RangeError)) throw error;
      body = problem(
        "limit_exceeded",
        422,
        "the request is nested too deeply or is too large for this server to process",
      );
    }
    return { status: body.status, contentType: PROBLEM_TYPE, body: JSON.stringify(body) };
  }
}
