import { LinkplanError } from "../../core/linkplanError.js";
import { evaluateValue, type TemplateParser } from "./evaluateBody.js";
import type { Env } from "./evaluateExpression.js";
import { MAX_INSTANCES } from "./readContext.js";
import {
  asNumber,
  ExpressionError,
  isPlainObject,
  NotKnown,
  opaque,
  sortedKeys,
} from "./terraformValue.js";

/** How many instances a resource or module call has, from its count or for_each. */
export type Instances =
  | { kind: "single" }
  | { kind: "count"; count: number }
  | { kind: "for_each"; entries: [string, unknown][] }
  | { kind: "unknown"; reason: string; argument: "count" | "for_each" };

function tooMany(what: string, n: number): LinkplanError {
  return new LinkplanError(
    "limit_exceeded",
    `${what} has ${n} instances, more than the ${MAX_INSTANCES} an import reads`,
  );
}

/** Evaluate `count` / `for_each` of a block body. */
export function expandInstances(
  body: Record<string, unknown>,
  env: Env,
  parse: TemplateParser,
  what: string,
): Instances {
  if (body.count !== undefined) {
    const value = evaluateValue(body.count, env, parse);
    const unknown = opaque(value);
    if (unknown) return { kind: "unknown", reason: unknown.reason, argument: "count" };
    try {
      const count = asNumber(value);
      if (!Number.isInteger(count) || count < 0)
        return { kind: "unknown", reason: `count is ${count}`, argument: "count" };
      if (count > MAX_INSTANCES) throw tooMany(what, count);
      return { kind: "count", count };
    } catch (error) {
      if (error instanceof ExpressionError || error instanceof NotKnown)
        return { kind: "unknown", reason: error.message, argument: "count" };
      throw error;
    }
  }
  if (body.for_each === undefined) return { kind: "single" };
  const value = evaluateValue(body.for_each, env, parse);
  const unknown = opaque(value);
  if (unknown) return { kind: "unknown", reason: unknown.reason, argument: "for_each" };
  let entries: [string, unknown][];
  if (isPlainObject(value)) entries = sortedKeys(value).map((k) => [k, value[k]]);
  else if (Array.isArray(value) && value.every((v) => typeof v === "string"))
    entries = [...new Set(value as string[])].sort().map((k) => [k, k]);
  else if (Array.isArray(value)) {
    const bad = value.find((v) => typeof v !== "string");
    const reason = opaque(bad)?.reason ?? "for_each needs a map or a set of strings";
    return { kind: "unknown", reason, argument: "for_each" };
  } else
    return {
      kind: "unknown",
      reason: "for_each needs a map or a set of strings",
      argument: "for_each",
    };
  if (entries.length > MAX_INSTANCES) throw tooMany(what, entries.length);
  return { kind: "for_each", entries };
}

/** The address suffix of an instance key: [0] or ["logs"]. */
export function keySuffix(key: string | number | undefined): string {
  if (key === undefined) return "";
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
