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
