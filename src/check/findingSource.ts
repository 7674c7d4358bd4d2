import { pathKeys } from "../document/locatePath.js";
import type { Source } from "../topology/sourceSchema.js";

/**
 * Where the part a finding is about was written in Terraform: the `source` of the deepest
 * element on its path that carries one (set by linkplan import), or undefined. Linear in
 * the path's length.
 */
export function findingSource(topology: unknown, path: string): Source | undefined {
  let at: unknown = topology;
  let found: Source | undefined;
  for (const key of pathKeys(path) ?? []) {
    if (typeof at !== "object" || at === null) break;
    at = (at as Record<string | number, unknown>)[key];
    const source = (at as { source?: unknown } | null | undefined)?.source;
    if (typeof source === "object" && source !== null && "terraform" in source) {
      found = source as Source;
    }
  }
  return found;
}
