import { didYouMean } from "../../core/didYouMean.js";
import { LinkplanError } from "../../core/linkplanError.js";
import type { DiagramGraph, DiagramItem } from "./diagramGraph.js";
import { walkItems } from "./diagramGraph.js";

/** The prefixes of the ids --focus takes bare: a VPC's, an account's, an endpoint service's. */
const FOCUS_KINDS = [
  ["vpc:", "a VPC"],
  ["account:", "an account"],
  ["endpoint-service:", "an endpoint service"],
] as const;

/**
 * The item `target` names: a VPC id, an account id or an endpoint service id ("app-vpc"),
 * or any element's graph id ("vpc:app-vpc", "endpoint:app-vpc/logs"); an id folded into
 * another element (--collapse) names that element.
 *
 * @throws LinkplanError("invalid_request") when it names none, or several (bare)
 */
function resolve(graph: DiagramGraph, target: string, byId: Map<string, DiagramItem>): string {
  const folded = new Map<string, string>();
  for (const { item } of walkItems(graph.items)) {
    for (const id of item.folded ?? []) if (!folded.has(id)) folded.set(id, item.id);
  }
  const find = (id: string) => (byId.has(id) ? id : folded.get(id));
  const matches = FOCUS_KINDS.map(([prefix, kind]) => ({
    kind,
    prefix,
    id: find(prefix + target),
  })).filter((m) => m.id !== undefined);
  const first = matches[0];
  if (matches.length > 1) {
    throw new LinkplanError("invalid_request", `--focus "${target}" is ambiguous`, [
      {
        path: "focus",
        message: `"${target}" names ${matches.map((m) => m.kind).join(" and ")}: write ${matches.map((m) => `"${m.prefix}${target}"`).join(" or ")}`,
      },
    ]);
  }
  const exact = first?.id ?? find(target);
  if (exact !== undefined) return exact;
  const names: string[] = [];
  for (const id of byId.keys()) {
    const kind = FOCUS_KINDS.find(([prefix]) => id.startsWith(prefix));
    if (kind) names.push(id.slice(kind[0].length));
  }
  const hint = didYouMean(target, names);
  throw new LinkplanError("invalid_request", `nothing to focus on: "${target}"`, [
    {
      path: "focus",
      message: `no VPC, account or endpoint service "${target}" in the diagram${hint === undefined ? "" : ` (did you mean "${hint}"?)`}`,
    },
  ]);
}

/**
 * --focus: the element `target` names (see resolve) with everything inside it, the
 * elements at the other end of the edges touching it (its neighbours) and the groups
 * around all of these; the rest, and the edges not between two kept elements, left out.
 * Linear in the graph; the input is not modified.
 *
 * @throws LinkplanError("invalid_request") naming the target when the graph has no such
 *   element (with a did-you-mean when an id is close)
 */
export function focusGraph(graph: DiagramGraph, target: string): DiagramGraph {
  const byId = new Map<string, DiagramItem>();
  const parent = new Map<string, string | null>();
  for (const { item, parent: p } of walkItems(graph.items)) {
    if (byId.has(item.id)) continue;
    byId.set(item.id, item);
    parent.set(item.id, p?.id ?? null);
  }
  const focus = resolve(graph, target, byId);
  const inside = new Set<string>();
  for (const { item } of walkItems([byId.get(focus) as DiagramItem])) inside.add(item.id);
  const keep = new Set(inside);
  const withAncestors = (id: string): void => {
    for (let at: string | null | undefined = id; at != null && !keep.has(at); at = parent.get(at))
      keep.add(at);
  };
  for (const e of graph.edges) {
    if (inside.has(e.from)) withAncestors(e.to);
    if (inside.has(e.to)) withAncestors(e.from);
  }
  for (let at = parent.get(focus); at != null; at = parent.get(at)) keep.add(at);
  const prune = (items: readonly DiagramItem[]): DiagramItem[] =>
    items
      .filter((item) => keep.has(item.id))
      .map((item) =>
        item.type === "group" && !inside.has(item.id)
          ? { ...item, children: prune(item.children) }
          : item,
      );
  return {
    ...graph,
    items: prune(graph.items),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}
