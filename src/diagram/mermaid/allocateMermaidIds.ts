import type { DiagramGraph, DiagramItem } from "../graph/diagramGraph.js";
import { walkItems } from "../graph/diagramGraph.js";

/** Longest slug kept from a graph id before the `n_`/`g_` prefix and any counter. */
const MAX_SLUG = 48;

export interface MermaidIds {
  /** the Mermaid id of each node and group of the graph (by object, so duplicates differ) */
  readonly ofItem: ReadonlyMap<DiagramItem, string>;
  /** graph id → Mermaid id, for edge ends; nodes win over groups that share an id */
  readonly ofGraphId: ReadonlyMap<string, string>;
}

function slug(id: string): string {
  return id
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_SLUG);
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
  for (const { item } of walkItems(graph.items)) {
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
  }
  const ofGraphId = new Map<string, string>();
  for (const pass of ["node", "group"] as const) {
    for (const [item, id] of ofItem) {
      if (item.type === pass && !ofGraphId.has(item.id)) ofGraphId.set(item.id, id);
    }
  }
  return { ofItem, ofGraphId };
}
