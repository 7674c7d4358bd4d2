import { formatPath, LinkplanError } from "../core/linkplanError.js";

/** Deepest nesting of lists and mappings accepted anywhere (the document itself is level 1). */
export const MAX_NESTING = 64;

/** The error for a list or mapping at level MAX_NESTING + 1, found at `where`. */
export function nestingTooDeep(where: string, source = "the document"): LinkplanError {
  return new LinkplanError("nesting_too_deep", `${source} is nested too deeply`, [
    {
      path: where,
      message: `lists and mappings are nested more than ${MAX_NESTING} levels deep here; linkplan accepts at most ${MAX_NESTING}`,
    },
  ]);
}

interface Open {
  value: object;
  depth: number;
  /** the container this one is in (undefined for the document) and its key there */
  parent: Open | undefined;
  key: string | number;
}

function pathOf(open: Open): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at: Open | undefined = open; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/**
 * Walk parsed data (iteratively: no recursion however deep it is) and refuse it with
 * `nesting_too_deep`, naming the path of the first list or mapping at level
 * MAX_NESTING + 1, when lists and mappings nest deeper than MAX_NESTING. Returns how many
 * values the data holds (containers and scalars), for callers that size their work by it.
 * Shared references are walked once per reference, cycles end at the depth limit.
 */
export function checkNesting(data: unknown): number {
  let values = 1;
  if (typeof data !== "object" || data === null) return values;
  // children are pushed last-first, so containers are visited in document order and the
  // error names the first too-deep one
  const stack: Open[] = [{ value: data, depth: 1, parent: undefined, key: "" }];
  for (let open = stack.pop(); open; open = stack.pop()) {
    if (open.depth > MAX_NESTING) throw nestingTooDeep(formatPath(pathOf(open)));
    const { value } = open;
    const keys: readonly (string | number)[] | undefined = Array.isArray(value)
      ? undefined
      : Object.keys(value);
    const length = keys ? keys.length : (value as unknown[]).length;
    values += length;
    for (let i = length - 1; i >= 0; i--) {
      const key = keys ? (keys[i] ?? "") : i;
      const child: unknown = (value as Record<string | number, unknown>)[key];
      if (typeof child === "object" && child !== null)
        stack.push({ value: child, depth: open.depth + 1, parent: open, key });
    }
  }
  return values;
}
