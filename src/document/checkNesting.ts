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
 * The path of the first list or mapping at level MAX_NESTING + 1 in document order (the data
 * is known to have one). Children are pushed last-first, so containers are visited in
 * document order.
 */
function firstTooDeep(data: object): (string | number)[] {
  const stack: Open[] = [{ value: data, depth: 1, parent: undefined, key: "" }];
  for (let open = stack.pop(); open; open = stack.pop()) {
    if (open.depth > MAX_NESTING) return pathOf(open);
    const { value } = open;
    const keys: readonly (string | number)[] | undefined = Array.isArray(value)
      ? undefined
      : Object.keys(value);
    const length = keys ? keys.length : (value as unknown[]).length;
    for (let i = length - 1; i >= 0; i--) {
      const key = keys ? (keys[i] ?? "") : i;
      const child: unknown = (value as Record<string | number, unknown>)[key];
      if (typeof child === "object" && child !== null)
        stack.push({ value: child, depth: open.depth + 1, parent: open, key });
    }
  }
  return [];
}

/**
 * Walk parsed data (iteratively: no recursion however deep it is) and refuse it with
 * `nesting_too_deep`, naming the path of the first list or mapping at level
 * MAX_NESTING + 1, when lists and mappings nest deeper than MAX_NESTING. Returns how many
 * values the data holds (containers and scalars), for callers that size their work by it.
 * Shared references are walked once per reference, cycles end at the depth limit. Every
 * request body passes here, so the walk allocates no object per value (one list of its
 * values per container); the path of a too-deep container is found by a second walk.
 */
export function checkNesting(data: unknown): number {
  let values = 1;
  if (typeof data !== "object" || data === null) return values;
  const stack: object[] = [data];
  const depths: number[] = [1];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    const depth = depths.pop() ?? 1;
    if (depth > MAX_NESTING) throw nestingTooDeep(formatPath(firstTooDeep(data)));
    const children: readonly unknown[] = Array.isArray(value) ? value : Object.values(value);
    values += children.length;
    for (const child of children) {
      if (typeof child === "object" && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return values;
}
