import { LinkplanError } from "../core/linkplanError.js";
import type { AnyOperation, OutputFormat } from "./operation.js";

/** The format of an operation by name (the API's default when none is named). */
export function formatOf(operation: AnyOperation, name: string | undefined): OutputFormat<unknown> {
  const names = Object.keys(operation.formats);
  const chosen = name ?? operation.defaultFormat.api;
  const format = operation.formats[chosen];
  if (!format) {
    throw new LinkplanError("invalid_option", `unknown format "${chosen}"`, [
      { path: "format", message: `must be one of ${names.join(", ")}` },
    ]);
  }
  return format;
}

/**
 * Refuse a format the options cannot be written in (the operation's formatProblem):
 * `invalid_option`, the problem's path made by `pathOf` from the option's name (the
 * command line names the flag, the API the query parameter).
 */
export function checkFormat(
  operation: AnyOperation,
  format: string,
  options: unknown,
  pathOf: (option: string) => string = (option) => option,
): void {
  const problem = operation.formatProblem?.(options, format);
  if (!problem) return;
  throw new LinkplanError("invalid_option", `invalid options for ${operation.name}`, [
    { path: pathOf(problem.path), message: problem.message },
  ]);
}
