import type { Money } from "../../core/money.js";
import { costText } from "./costAnnotations.js";
import type { DiagramEdge, DiagramGraph, DiagramGroup, DiagramItem } from "./diagramGraph.js";
import { walkItems } from "./diagramGraph.js";
import { withDelta } from "./itemChange.js";

/** Where each item of a VPC's subtree is: the VPC group, and its place in the subtree. */
interface Owner {
  vpc: DiagramGroup;
  index: number;
}

/** One item of a VPC's shape: where it is in the tree and what it is (no ids, names or cost). */
function itemShape(item: DiagramItem, depth: number): string {
  const findings = (item.findings ?? []).map((f) => f.rule).join(",");
  // a load balancer drawn across AZs: which AZs (their names; the ids name the VPC)
  const across =
    item.type === "node" && item.across
      ? item.across.map((id) => id.slice(id.lastIndexOf("/") + 1)).join(",")
      : "";
  return [depth, item.type, item.kind, item.signature ?? "", item.status, findings, across].join(
    "\t",
  );
}

/**
 * The shape of every VPC group: its items (itemShape, depth first) and the edges touching
 * them, an end inside the VPC written as its place in the subtree, an end outside as its
 * id. Two VPCs of one shape draw the same things linked to the same outside elements.
 * One walk of the tree and one pass over the edges (each VPC's edge list sorted).
 */
function vpcShapes(graph: DiagramGraph): {
  shapes: Map<DiagramGroup, string>;
  owners: Map<string, Owner>;
} {
  const owners = new Map<string, Owner>();
  const items = new Map<DiagramGroup, string[]>();
  let current: { vpc: DiagramGroup; depth: number; next: number } | null = null;
  for (const { item, depth } of walkItems(graph.items)) {
    if (current !== null && depth <= current.depth) current = null;
    if (current === null) {
      if (item.type === "group" && item.kind === "vpc") {
        current = { vpc: item, depth, next: 0 };
        items.set(item, []);
      } else continue;
    }
    const index = current.next++;
    if (!owners.has(item.id)) owners.set(item.id, { vpc: current.vpc, index });
    items.get(current.vpc)?.push(itemShape(item, depth - current.depth));
  }
  const edges = new Map<DiagramGroup, string[]>();
  for (const e of graph.edges) {
    const from = owners.get(e.from);
    const to = owners.get(e.to);
    for (const side of new Set([from?.vpc, to?.vpc])) {
      if (side === undefined) continue;
      const end = (id: string, owner: Owner | undefined) =>
        owner?.vpc === side ? `@${owner.index}` : `#${id}`;
      const text = [end(e.from, from), end(e.to, to), e.kind, e.label ?? "", e.status].join("\t");
      const list = edges.get(side);
      if (list) list.push(text);
      else edges.set(side, [text]);
    }
  }
  const shapes = new Map<DiagramGroup, string>();
  for (const [vpc, lines] of items) {
    const links = (edges.get(vpc) ?? []).sort();
    shapes.set(vpc, `${lines.join("\n")}\n--\n${links.join("\n")}`);
  }
  return { shapes, owners };
}

/** "$2424.00/mo for all 100": the members' costs summed, with their deltas' sum if any. */
function summedCost(members: readonly DiagramGroup[]): {
  cost: string | null;
  monthly?: Money;
  costDelta?: Money;
} {
  let monthly: Money | undefined;
  let delta: Money | undefined;
  for (const m of members) {
    if (m.monthly !== undefined) monthly = (monthly ?? 0n) + m.monthly;
    if (m.costDelta !== undefined) delta = (delta ?? 0n) + m.costDelta;
  }
  if (monthly === undefined) return { cost: null };
  const text = `${costText(monthly)} for all ${members.length}`;
  return delta === undefined
    ? { cost: text, monthly }
    : { cost: withDelta(text, delta), monthly, costDelta: delta };
}

/** The group drawn for VPCs of one shape: the first one, labelled "20 × VPC like app-042". */
function foldedGroup(members: readonly DiagramGroup[], owners: Map<string, Owner>): DiagramGroup {
  const first = members[0] as DiagramGroup;
  const folded: string[] = [];
  for (const m of members.slice(1)) {
    for (const { item } of walkItems([m])) if (owners.get(item.id)?.vpc === m) folded.push(item.id);
  }
  return {
    ...first,
    label: `${members.length} × VPC like ${first.label}`,
    detail: first.signature ?? first.detail,
    signature: `${members.length} × ${first.signature ?? "VPC"}`,
    ...summedCost(members),
    folded,
  };
}

/**
 * --collapse: VPCs of one group (an account's region) that have the same shape — the same
 * kinds of elements with the same signatures (endpoints by type, service and AZ count, NAT
 * gateways, workloads, load balancers …), marks and finding rules, in the same places, and
 * the same links to the same elements outside — whatever their ids, names and CIDRs, are
 * drawn as one: the first of them, labelled "20 × VPC like app-042", its detail the VPCs'
 * signature ("VPC · 3 AZs"), its cost the sum of theirs ("$2424.00/mo for all 20"); the
 * others and their edges are left out (their ids listed in `folded`). Linear in the graph
 * (and each VPC's edges sorted); the input is not modified.
 */
export function foldVpcs(graph: DiagramGraph): DiagramGraph {
  const { shapes, owners } = vpcShapes(graph);
  if (shapes.size < 2) return graph;
  const replace = new Map<DiagramItem, DiagramGroup | null>();
  const regroup = (siblings: readonly DiagramItem[]): void => {
    const byShape = new Map<string, DiagramGroup[]>();
    for (const item of siblings) {
      const shape = item.type === "group" ? shapes.get(item) : undefined;
      if (shape === undefined || item.type !== "group") continue;
      const list = byShape.get(shape);
      if (list) list.push(item);
      else byShape.set(shape, [item]);
    }
    for (const members of byShape.values()) {
      if (members.length < 2) continue;
      replace.set(members[0] as DiagramGroup, foldedGroup(members, owners));
      for (const m of members.slice(1)) replace.set(m, null);
    }
  };
  const rebuild = (items: readonly DiagramItem[]): DiagramItem[] => {
    regroup(items);
    const out: DiagramItem[] = [];
    for (const item of items) {
      const swap = replace.get(item);
      if (swap === null) continue;
      if (swap !== undefined) out.push(swap);
      else if (item.type === "group" && !shapes.has(item))
        out.push({ ...item, children: rebuild(item.children) });
      else out.push(item);
    }
    return out;
  };
  const items = rebuild(graph.items);
  const gone = (id: string) => {
    const owner = owners.get(id);
    return owner !== undefined && replace.get(owner.vpc) === null;
  };
  const edges: DiagramEdge[] = graph.edges.filter((e) => !gone(e.from) && !gone(e.to));
  return { ...graph, items, edges };
}
