import { isAlias, isMap, isScalar, isSeq, LineCounter } from "yaml";
import { composeYaml } from "./composeYaml.js";

/** Where a part of a document starts: line and column, both from 1 (UTF-16 code units). */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * The keys of a path as formatPath writes it (`accounts[0].vpcs[1]["odd key"].id`): names
 * and quoted keys as strings, list indexes as numbers; null when it is not such a path.
 */
export function pathKeys(path: string): (string | number)[] | null {
  const keys: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (!m || (at === 0 && path[0] === ".")) return null;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else {
      try {
        keys.push(JSON.parse(m[3] ?? '""') as string);
      } catch {
        return null;
      }
    }
    at = token.lastIndex;
  }
  return keys;
}

type Node = { range?: readonly number[] | null } | null | undefined;

/**
 * A function that finds where a path (`accounts[0].vpcs[1].endpoints[2].privateDns`)
 * is written in a YAML or JSON text: the key of a mapping entry, the start of a list item.
 * A path that goes further than the text (a value left to its default) is placed at the
 * deepest part of it that is written; a path none of whose keys is written, or a text that
 * cannot be read, is placed nowhere (null). The text is read once, when the function is
 * made, with the library's bounded YAML reader; each look-up walks the path (a mapping's
 * keys scanned, a list indexed).
 */
export function pathLocator(text: string): (path: string) => SourcePosition | null {
  const lineCounter = new LineCounter();
  let root: unknown;
  try {
    root = composeYaml(text, "source", lineCounter).contents;
  } catch {
    return () => null;
  }
  const position = (node: Node): SourcePosition | null => {
    const offset = node?.range?.[0];
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    const keys = pathKeys(path);
    if (keys === null) return null;
    let node: unknown = root;
    let found: SourcePosition | null = null;
    for (const key of keys) {
      let next: unknown;
      let at: Node;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isScalar(p.key) && p.key.value !== null && String(p.key.value) === String(key),
        );
        if (!pair) break;
        next = pair.value;
        at = pair.key as Node;
      } else if (isSeq(node) && typeof key === "number") {
        next = node.items[key];
        at = next as Node;
        if (next === undefined) break;
      } else break;
      found = position(at) ?? found;
      // an alias is placed where it is written; what it refers to is not followed
      if (isAlias(next)) break;
      node = next;
    }
    return found;
  };
}
