import type { Money } from "../../core/money.js";
import { costText } from "./costAnnotations.js";
import type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  DiagramStatus,
  ItemFinding,
} from "./diagramGraph.js";
import { edgeId } from "./graphElements.js";
import { withDelta } from "./itemChange.js";

/** The ENIs of one endpoint, in the order met, and the VPC group they are in. */
interface EniSet {
  vpc: DiagramGroup;
  enis: DiagramNode[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The findings of several nodes, each once (by rule and message), in the order met. */
function unionFindings(nodes: readonly DiagramNode[]): ItemFinding[] {
  const seen = new Set<string>();
  const out: ItemFinding[] = [];
  for (const n of nodes) {
    for (const f of n.findings ?? []) {
      const key = `${f.rule}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/**
 * One node for the ENIs of an endpoint: "ENI · interface · ecr.api × 3 AZs" (the AZs still
 * drawn: a comparison's removed ENIs count only when all are removed), its status theirs
 * when they all have the same one, else "changed"; its cost their sum, with the sum of
 * their deltas in a comparison.
 */
function joinedNode(id: string, enis: readonly DiagramNode[]): DiagramNode {
  const first = enis[0] as DiagramNode;
  const kept = enis.filter((e) => e.status !== "removed");
  const counted = kept.length > 0 ? kept : enis;
  const status: DiagramStatus = enis.every((e) => e.status === first.status)
    ? first.status
    : "changed";
  const azs = ` × ${plural(counted.length, "AZ")}`;
  let monthly: Money | undefined;
  for (const e of counted) if (e.monthly !== undefined) monthly = (monthly ?? 0n) + e.monthly;
  let delta: Money | undefined;
  for (const e of enis) if (e.costDelta !== undefined) delta = (delta ?? 0n) + e.costDelta;
  const cost =
    monthly === undefined
      ? null
      : delta === undefined
        ? costText(monthly)
        : withDelta(costText(monthly), delta);
  const findings = unionFindings(enis);
  const node: DiagramNode = {
    type: "node",
    id,
    kind: first.kind,
    label: first.label,
    detail: `${first.detail ?? "ENI"}${azs}`,
    cost,
    status,
    signature: `${first.signature ?? first.kind}${azs}`,
    folded: enis.map((e) => e.id),
  };
  if (monthly !== undefined) node.monthly = monthly;
  if (delta !== undefined) node.costDelta = delta;
  if (findings.length > 0) node.findings = findings;
  if (first.terraform !== undefined) node.terraform = first.terraform;
  return node;
}

/**
 * Merge edges whose ends were renamed: the first of an id stays, its status the common one
 * (different ones: "unchanged", since the link is there on both sides).
 */
function renameEnds(
  edges: readonly DiagramEdge[],
  rename: ReadonlyMap<string, string>,
): DiagramEdge[] {
  const byId = new Map<string, DiagramEdge>();
  for (const e of edges) {
    const from = rename.get(e.from) ?? e.from;
    const to = rename.get(e.to) ?? e.to;
    const same = from === e.from && to === e.to;
    const id = same ? e.id : edgeId(from, to);
    const seen = byId.get(id);
    if (seen === undefined) byId.set(id, same ? e : { ...e, id, from, to });
    else if (seen.status !== e.status) byId.set(id, { ...seen, status: "unchanged" });
  }
  return [...byId.values()];
}

/**
 * --collapse at AZ and subnet detail: the ENIs of each interface (or GWLB) endpoint, one
 * per AZ column, become one node of the VPC (see joinedNode), with the endpoint's id, put
 * before the VPC's AZ groups; edges to any of them go to it (merged when they coincide).
 * ENIs are recognised by `partOf`. Linear in the graph; the input is not modified.
 */
export function joinEnis(graph: DiagramGraph): DiagramGraph {
  const sets = new Map<string, EniSet>();
  const visit = (items: readonly DiagramItem[], vpc: DiagramGroup | null): void => {
    for (const item of items) {
      if (item.type === "group") {
        visit(item.children, item.kind === "vpc" ? item : vpc);
        continue;
      }
      if (item.partOf === undefined || vpc === null) continue;
      const set = sets.get(item.partOf);
      if (set) set.enis.push(item);
      else sets.set(item.partOf, { vpc, enis: [item] });
    }
  };
  visit(graph.items, null);
  if (sets.size === 0) return graph;

  const drop = new Set<DiagramItem>();
  const rename = new Map<string, string>();
  const joined = new Map<DiagramGroup, DiagramNode[]>();
  for (const [id, { vpc, enis }] of sets) {
    for (const eni of enis) {
      drop.add(eni);
      rename.set(eni.id, id);
    }
    const list = joined.get(vpc);
    if (list) list.push(joinedNode(id, enis));
    else joined.set(vpc, [joinedNode(id, enis)]);
  }
  /** the tree without the ENIs, the joined nodes before each VPC's first AZ */
  const rebuild = (items: readonly DiagramItem[]): DiagramItem[] => {
    const out: DiagramItem[] = [];
    for (const item of items) {
      if (drop.has(item)) continue;
      if (item.type === "node") {
        out.push(item);
        continue;
      }
      const children = rebuild(item.children);
      const nodes = joined.get(item);
      if (nodes) {
        const at = children.findIndex((c) => c.type === "group" && c.kind === "az");
        children.splice(at < 0 ? children.length : at, 0, ...nodes);
      }
      out.push({ ...item, children });
    }
    return out;
  };
  return {
    ...graph,
    items: rebuild(graph.items),
    edges: renameEnds(graph.edges, rename),
  };
}
