import { breakEvenOperation } from "./breakEvenOperation.js";
import { checkOperation } from "./checkOperation.js";
import { compareOperation } from "./compareOperation.js";
import { diagramCompareOperation } from "./diagramCompareOperation.js";
import { diagramOperation } from "./diagramOperation.js";
import { estimateOperation } from "./estimateOperation.js";
import type { AnyOperation } from "./operation.js";
import { pricesOperation } from "./pricesOperation.js";
import { validateOperation } from "./validateOperation.js";
import { whatIfOperation } from "./whatIfOperation.js";

/**
 * Every operation, by name: the one table the command line and the HTTP API are built
 * from (one command and one route each).
 */
export const OPERATIONS = {
  validate: validateOperation,
  estimate: estimateOperation,
  diagram: diagramOperation,
  diagramCompare: diagramCompareOperation,
  compare: compareOperation,
  whatif: whatIfOperation,
  breakeven: breakEvenOperation,
  prices: pricesOperation,
  check: checkOperation,
} as const satisfies Record<string, AnyOperation>;

export type OperationName = keyof typeof OPERATIONS;

/** The operation of a name (the worker threads dispatch by name). */
export function operationNamed(name: OperationName): AnyOperation {
  return OPERATIONS[name] as AnyOperation;
}
