import { capProblems } from "./capProblems.js";
import type { ErrorCode } from "./errorCodes.js";
import type { Problem } from "./problem.js";

export { formatPath, type Problem } from "./problem.js";

/** A code of the error table (ERROR_CODES): status, exit code and title come from it. */
export type LinkplanErrorCode = ErrorCode;

/**
 * Every error linkplan throws: a code of the error table (its HTTP status, exit code and
 * title), a one-line summary and the problems found, each at its path. At most
 * MAX_PROBLEMS (100) are kept, then one entry counting the rest (see capProblems). Errors
 * of the input carry no stack to the user; `internal_error` stands for a fault of linkplan
 * (its cause keeps the stack for the log).
 */
export class LinkplanError extends Error {
  readonly code: LinkplanErrorCode;
  /** the first line of the message: what failed, without the problems */
  readonly summary: string;
  readonly problems: Problem[];

  constructor(
    code: LinkplanErrorCode,
    summary: string,
    problems: Problem[] = [],
    options?: { cause?: unknown },
  ) {
    const capped = capProblems(problems);
    super(
      capped.length === 0
        ? summary
        : `${summary}\n${capped.map((p) => `  ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n")}`,
      options,
    );
    this.name = "LinkplanError";
    this.code = code;
    this.summary = summary;
    this.problems = capped;
  }
}

/** A fault of linkplan (an invariant broken), never of the input. */
export function internalError(what: string, cause?: unknown): LinkplanError {
  return new LinkplanError("internal_error", what, [], cause === undefined ? undefined : { cause });
}
