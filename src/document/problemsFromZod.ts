import type * as z from "zod";
import { MAX_PROBLEMS, moreProblems } from "../core/capProblems.js";
import { didYouMean } from "../core/didYouMean.js";
import { formatPath, type Problem } from "../core/linkplanError.js";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `a string (${JSON.stringify(shown)})`;
  }
  if (value === undefined) return "nothing";
  return `${typeof value === "number" ? "a number" : `a ${typeof value}`} (${String(value)})`;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function listChoices(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

function message(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return `is required (${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${describe(input)}`;
    case "too_small": {
      const bound = Number(issue.minimum);
      if (issue.origin === "array")
        return `must have at least ${bound} item${bound === 1 ? "" : "s"}`;
      if (issue.origin === "string") return `must not be empty`;
      return `must be ${issue.inclusive ? "≥" : ">"} ${bound}, got ${String(input)}`;
    }
    case "too_big": {
      const bound = Number(issue.maximum);
      if (issue.origin === "array") return `must have at most ${bound} items`;
      return `must be ${issue.inclusive ? "≤" : "<"} ${bound}, got ${String(input)}`;
    }
    case "invalid_value": {
      const hint =
        typeof input === "string" ? didYouMean(input, issue.values.map(String)) : undefined;
      return `must be one of ${listChoices(issue.values)}, got ${describe(input)}${hint ? ` (did you mean "${hint}"?)` : ""}`;
    }
    case "invalid_union": {
      const details = issue as unknown as { discriminator?: string; options?: unknown[] };
      if (details.options) {
        const value =
          details.discriminator && input && typeof input === "object"
            ? (input as Record<string, unknown>)[details.discriminator]
            : input;
        const hint =
          typeof value === "string" ? didYouMean(value, details.options.map(String)) : undefined;
        return `must be one of ${listChoices(details.options)}, got ${describe(value)}${hint ? ` (did you mean "${hint}"?)` : ""}`;
      }
      return `does not match any allowed form (got ${describe(input)})`;
    }
    case "invalid_format":
      return `${issue.message}, got ${describe(input)}`;
    case "invalid_key": {
      // a record key that fails its own schema (e.g. a catalog region that is not a region code)
      const inner = issue.issues[0];
      return inner ? `not a valid key: ${inner.message}` : issue.message;
    }
    case "unrecognized_keys":
    case "custom":
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Turn zod issues into path + plain-language problems, one per issue, in input order: the
 * first MAX_PROBLEMS (100), then one entry counting the rest (whose messages are not built)
 * and carrying `note` when given.
 */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], note = ""): Problem[] {
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: formatPath(issue.path),
    message: message(issue),
  }));
  const more = issues.length - problems.length;
  if (more > 0) problems.push(moreProblems(more, note));
  else if (note) problems.push({ path: "", message: `… ${note}` });
  return problems;
}
