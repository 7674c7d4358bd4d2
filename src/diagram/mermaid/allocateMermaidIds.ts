import { type DiagramGraph, type DiagramItem, eachItem } from "../graph/diagramGraph.js";

/** Longest slug kept from a graph id before the `n_`/`g_` prefix and any counter. */
const MAX_SLUG = 48;

export interface MermaidIds {
  /** the Mermaid id of each node and group of the graph (by object, so duplicates differ) */
  readonly ofItem: ReadonlyMap<DiagramItem, string>;
  /** graph id → Mermaid id, for edge ends; nodes win over groups that share an id */
  readonly ofGraphId: ReadonlyMap<string, string>;
}

/** `_` as a character code. */
const UNDERSCORE = 95;

/** The graph id with each run outside `[A-Za-z0-9_]` turned into `_`, trimmed of `_`, cut to MAX_SLUG. */
function slug(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_]+/g, "_");
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === UNDERSCORE) start++;
  while (end > start && s.charCodeAt(end - 1) === UNDERSCORE) end--;
  return s.slice(start, Math.min(end, start + MAX_SLUG));
}

/**
 * Mermaid ids for every item of a graph: `n_` (nodes) or `g_` (groups) + the graph id with
 * each run of characters outside `[A-Za-z0-9_]` turned into `_` (cut to 48 characters;
 * "item" when nothing is left). When that is already taken, `_2`, `_3`, … is appended, in
 * depth-first order, so distinct items never share an id. The prefix keeps ids off Mermaid
 * keywords (`end`, `graph`, `class`, `style`, …) and away from the `o`/`x` edge heads.
 */
export function allocateMermaidIds(graph: DiagramGraph): MermaidIds {
  const used = new Set<string>();
  // the counter each base got to: every lower one is taken (ids are never freed), so the
  // search for a free one starts there, and many items of one base take linear time
  const counters = new Map<string, number>();
  const ofItem = new Map<DiagramItem, string>();
  // graph id → Mermaid id: the first node of that id, else the first group
  const ofGraphId = new Map<string, string>();
  const groups: [id: string, mermaidId: string][] = [];
  eachItem(graph.items, (item) => {
    const base = `${item.type === "node" ? "n" : "g"}_${slug(item.id) || "item"}`;
    let id = base;
    if (used.has(id)) {
      let n = counters.get(base) ?? 2;
      while (used.has(`${base}_${n}`)) n++;
      id = `${base}_${n}`;
      counters.set(base, n + 1);
    }
    used.add(id);
    ofItem.set(item, id);
    if (item.type === "node") {
      if (!ofGraphId.has(item.id)) ofGraphId.set(item.id, id);
    } else groups.push([item.id, id]);
  });
  for (const [graphId, id] of groups) if (!ofGraphId.has(graphId)) ofGraphId.set(graphId, id);
  return { ofItem, ofGraphId };
}
