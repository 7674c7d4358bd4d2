import {
  type DiagramEdge,
  type DiagramGraph,
  type DiagramGroup,
  type DiagramItem,
  type DiagramStatus,
  walkItems,
} from "./diagramGraph.js";
import { costChange, itemChanged } from "./itemChange.js";
import { OrderedChildren } from "./orderedChildren.js";

/** The ids of every node and group of a tree of items. */
function itemIds(items: readonly DiagramItem[]): Set<string> {
  const found = new Set<string>();
  for (const { item } of walkItems(items)) found.add(item.id);
  return found;
}

/** Every node and group of a tree of items by id (the first of an id). */
function itemsById(items: readonly DiagramItem[]): Map<string, DiagramItem> {
  const byId = new Map<string, DiagramItem>();
  for (const { item } of walkItems(items)) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

/**
 * A deep copy of an item of the "after" graph, marked: added when `before` has no item of
 * its id, changed when before's differs (itemChanged); its cost annotation with the delta.
 */
function markAfter(item: DiagramItem, before: ReadonlyMap<string, DiagramItem>): DiagramItem {
  const old = before.get(item.id) ?? null;
  const status: DiagramStatus =
    old === null ? "added" : itemChanged(old, item) ? "changed" : "unchanged";
  const marked = { ...item, status, ...costChange(old, item) };
  if (marked.type === "node") return marked;
  return { ...marked, children: marked.children.map((c) => markAfter(c, before)) };
}

/**
 * Put `item` into `into` as close as possible to where it sat among its old `siblings`
 * (it was `siblings[index]`): just after the nearest earlier sibling found in `into`, else
 * just before the nearest later one, else at the end.
 */
function insertNear(
  into: OrderedChildren,
  item: DiagramItem,
  siblings: readonly DiagramItem[],
  index: number,
): void {
  const at = (id: string | undefined) => (id === undefined ? null : into.find(id));
  for (let j = index - 1; j >= 0; j--) {
    const found = at(siblings[j]?.id);
    if (found) {
      into.insertAfter(found, item);
      return;
    }
  }
  for (let j = index + 1; j < siblings.length; j++) {
    const found = at(siblings[j]?.id);
    if (found) {
      into.insertBefore(found, item);
      return;
    }
  }
  into.push(item);
}

/**
 * Mark what changed between two diagram graphs of the same kind of picture, matching
 * nodes, groups and edges by id (ids are stable, see vpcItems' `ids`). The result is
 * `after` with:
 *
 * - every node, group and edge whose id `before` lacks marked "added";
 * - every node and group both have marked "changed" when its kind, its signature (type,
 *   target, AZ count …) or, both being priced, its monthly cost differs (see itemChanged);
 * - every node and group of `before` whose id `after` lacks put back, marked "removed",
 *   into the group of `after` with the id of its old parent (at the top level when it had
 *   none), as close to its old position among its siblings as the siblings still there
 *   allow. A removed group comes back with its removed descendants inside it; descendants
 *   that `after` still has (moved elsewhere) stay where `after` put them, and their own
 *   removed children come back under them;
 * - every edge of `before` whose id `after` lacks put back after `after`'s edges, marked
 *   "removed", when both of its ends are in the result;
 * - the title "<before title> → <after title>".
 *
 * Everything else is `after`'s: labels, details and cost annotations (removed items keep
 * the ones they had in `before`), the latter with what they changed by where both sides
 * are priced — "$24.24/mo (+$16.10)"; added: "(+$x)", removed: "(−$x)" — and that delta
 * exact in `costDelta`. Pure and deterministic: the inputs are not modified, and
 * the same two graphs always give the same result, in the same order.
 */
export function diffGraphs(before: DiagramGraph, after: DiagramGraph): DiagramGraph {
  const beforeItems = itemsById(before.items);
  const afterIds = itemIds(after.items);
  const items = after.items.map((item) => markAfter(item, beforeItems));

  /** groups of the result by id, where removed items are put back */
  const groups = new Map<string, DiagramGroup>();
  for (const { item } of walkItems(items)) {
    if (item.type === "group" && !groups.has(item.id)) groups.set(item.id, item);
  }
  const restored = new Set<string>();
  /** the lists removed items go into, written back once all are in */
  const lists = new Map<DiagramItem[], OrderedChildren>();
  const listOf = (items: DiagramItem[]): OrderedChildren => {
    let list = lists.get(items);
    if (!list) {
      list = new OrderedChildren(items);
      lists.set(items, list);
    }
    return list;
  };

  const restore = (siblings: readonly DiagramItem[], into: DiagramItem[]): void => {
    siblings.forEach((item, index) => {
      if (afterIds.has(item.id)) {
        if (item.type === "group") restore(item.children, groups.get(item.id)?.children ?? into);
        return;
      }
      if (restored.has(item.id)) return;
      restored.add(item.id);
      const cost = costChange(item, null);
      if (item.type === "node") {
        insertNear(listOf(into), { ...item, status: "removed", ...cost }, siblings, index);
        return;
      }
      const copy: DiagramGroup = { ...item, status: "removed", ...cost, children: [] };
      insertNear(listOf(into), copy, siblings, index);
      groups.set(copy.id, copy);
      restore(item.children, copy.children);
    });
  };
  restore(before.items, items);
  for (const list of lists.values()) list.finish();

  const beforeEdges = new Set(before.edges.map((e) => e.id));
  const edges: DiagramEdge[] = after.edges.map((e) => ({
    ...e,
    status: beforeEdges.has(e.id) ? "unchanged" : "added",
  }));
  const edgeIds = new Set(edges.map((e) => e.id));
  const present = itemIds(items);
  for (const e of before.edges) {
    if (edgeIds.has(e.id) || !present.has(e.from) || !present.has(e.to)) continue;
    edgeIds.add(e.id);
    edges.push({ ...e, status: "removed" });
  }

  // the title block's total: before → after when both are priced
  const pricing =
    after.pricing === undefined
      ? {}
      : before.pricing === undefined
        ? { pricing: after.pricing }
        : {
            pricing: {
              total: `${before.pricing.total} → ${after.pricing.total}`,
              catalog: after.pricing.catalog,
            },
          };
  return { title: `${before.title} → ${after.title}`, ...pricing, items, edges };
}
