import * as z from "zod";
import type { Problem } from "../core/linkplanError.js";
import { problemsFromZod } from "./problemsFromZod.js";

/**
 * Most values (lists, mappings and scalars) a document may hold to be checked in full by
 * zod. zod collects a container's issues with `push(...childIssues)`, which overflows the
 * stack past about 120,000 issues, and a value yields at most 4 issues: a failing document
 * above this budget is checked in detail on its first 20,000 values (in document order).
 */
export const DETAIL_BUDGET = 20_000;

export type Validation<T> =
  | { success: true; data: T }
  | {
      success: false;
      problems: Problem[];
      /** problems found (in the part checked in detail when `partial`) */
      count: number;
      partial: boolean;
      /**
       * When every problem is an unknown key: the document parsed without those keys, so
       * later checks can report their problems too instead of being hidden behind a typo.
       */
      withoutUnknownKeys?: T;
    };

/** zod's parse context flag that stops each container at its first failing child. */
const FIRST_FAILURE = { abortEarly: true } as z.core.ParseContextInternal<z.core.$ZodIssue>;
const FIRST_FAILURE_DETAILED = {
  abortEarly: true,
  reportInput: true,
} as z.core.ParseContextInternal<z.core.$ZodIssue>;

type Key = string | number;

interface Open {
  source: object;
  copy: Record<string, unknown> | unknown[];
  keys: readonly Key[];
  next: number;
  path: Key[];
}

/**
 * A copy of the first `budget` values of `data` in document order, and the path of the
 * deepest container left incomplete (undefined when everything was copied).
 */
function prefixOf(data: unknown, budget: number): { copy: unknown; cut: Key[] | undefined } {
  if (typeof data !== "object" || data === null) return { copy: data, cut: undefined };
  const open = (source: object, path: Key[]): Open => {
    const keys = Array.isArray(source) ? [...source.keys()] : Object.keys(source);
    return { source, copy: Array.isArray(source) ? [] : {}, keys, next: 0, path };
  };
  const root = open(data, []);
  const stack: Open[] = [root];
  let copied = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const key = top.keys[top.next];
    if (key === undefined) {
      stack.pop();
      continue;
    }
    if (copied >= budget) return { copy: root.copy, cut: top.path };
    top.next++;
    copied++;
    const child: unknown = (top.source as Record<Key, unknown>)[key];
    const inner =
      typeof child === "object" && child !== null ? open(child, [...top.path, key]) : undefined;
    // defineProperty: a "__proto__" key (inside an endpoint policy) stays a plain key
    Object.defineProperty(top.copy, key, {
      value: inner ? inner.copy : child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (inner) stack.push(inner);
  }
  return { copy: root.copy, cut: undefined };
}

function member(value: unknown, key: PropertyKey): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;
}

function hasKey(value: unknown, key: PropertyKey): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key);
}

/** Issues about an incomplete container that its cut cannot cause (its type, its unknown keys). */
const UNCHANGED_BY_CUT: ReadonlySet<string> = new Set([
  "invalid_type",
  "unrecognized_keys",
  "too_big",
]);

/**
 * Whether an issue found in the prefix copy may be caused by the cut: it is about an
 * incomplete container (a list too short, a union undecided, …), or about a key of one that
 * the source has and the copy lacks ("is required").
 */
function causedByCut(
  { path, code }: z.core.$ZodIssue,
  cut: readonly Key[],
  data: unknown,
  copy: unknown,
): boolean {
  if (path.length <= cut.length && path.every((key, i) => key === cut[i]))
    return !UNCHANGED_BY_CUT.has(code);
  const parent = path.slice(0, -1);
  if (parent.length > cut.length || !parent.every((key, i) => key === cut[i])) return false;
  let source = data;
  let copied = copy;
  for (const key of parent) {
    source = member(source, key);
    copied = member(copied, key);
  }
  const last = path[path.length - 1];
  return last !== undefined && hasKey(source, last) && !hasKey(copied, last);
}

/** A copy of `data` without the keys the issues name (a small document: at most DETAIL_BUDGET values). */
function dropKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(data);
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    let at: unknown = copy;
    for (const key of issue.path) at = member(at, key);
    if (typeof at !== "object" || at === null) continue;
    for (const key of issue.keys) delete (at as Record<string, unknown>)[key];
  }
  return copy;
}

/**
 * Validate `data` (holding `values` values, see checkNesting) against `schema` without
 * letting zod overflow the stack. A document of at most DETAIL_BUDGET values is parsed as
 * usual, and again for the messages when it fails. A larger one is parsed first with zod's
 * abortEarly (each container stops at its first failing child: few issues whatever the
 * input; valid documents pay nothing more), and when it fails its first DETAIL_BUDGET values
 * are checked in detail. Problems come capped (problemsFromZod).
 */
export function validateSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  values: number,
): Validation<z.output<S>> {
  const small = values <= DETAIL_BUDGET;
  // a small document cannot yield enough issues to overflow: zod's usual, fastest path
  const first = small ? schema.safeParse(data) : z.safeParse(schema, data, FIRST_FAILURE);
  if (first.success) return { success: true, data: first.data };
  if (small) {
    // again, keeping the offending inputs for messages that quote them ("got …")
    const { issues } = z.safeParse(schema, data, { reportInput: true }).error ?? first.error;
    const lenient = issues.every((issue) => issue.code === "unrecognized_keys")
      ? schema.safeParse(dropKeys(data, issues))
      : undefined;
    return {
      success: false,
      problems: problemsFromZod(issues),
      count: issues.length,
      partial: false,
      ...(lenient?.success ? { withoutUnknownKeys: lenient.data } : {}),
    };
  }
  const { copy, cut } = prefixOf(data, DETAIL_BUDGET);
  const detailed = z.safeParse(schema, copy, { reportInput: true }).error?.issues ?? [];
  let issues = cut ? detailed.filter((issue) => !causedByCut(issue, cut, data, copy)) : detailed;
  // every problem lies beyond the prefix: report the first one
  if (issues.length === 0)
    issues = (z.safeParse(schema, data, FIRST_FAILURE_DETAILED).error ?? first.error).issues;
  const note = `only the first ${DETAIL_BUDGET.toLocaleString("en-US")} of the document's ${values.toLocaleString("en-US")} values were checked in detail, there may be more problems`;
  return {
    success: false,
    problems: problemsFromZod(issues, note),
    count: issues.length,
    partial: true,
  };
}
