import type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
} from "./diagramGraph.js";
import { walkItems } from "./diagramGraph.js";

/** One account's part of a diagram graph. */
export interface AccountGraph {
  /** the account's id in the topology (its group id without "account:") */
  account: string;
  graph: DiagramGraph;
}

const ACCOUNT_PREFIX = "account:";

/** A peer drawn as a stand-in: its text and status, no children, cost or findings. */
function standIn(item: DiagramItem): DiagramItem {
  const { id, label, detail, status } = item;
  const common = { id, label, detail, cost: null, status };
  return item.type === "node"
    ? ({ type: "node", kind: item.kind, ...common } satisfies DiagramNode)
    : ({ type: "group", kind: item.kind, ...common, children: [] } satisfies DiagramGroup);
}

/**
 * The group that holds an account's peers from one other top-level item: an account's peers
 * under its name, marked as drawn in a diagram of their own; the SaaS providers as they are.
 */
function peerGroup(owner: DiagramItem, children: DiagramItem[]): DiagramGroup {
  const isAccount = owner.type === "group" && owner.kind === "account";
  const detail = isAccount
    ? [owner.detail, "in its own diagram"].filter((part) => part !== null).join(" · ")
    : owner.detail;
  return {
    type: "group",
    id: `peers:${owner.id}`,
    kind: "external",
    label: owner.label,
    detail,
    cost: null,
    status: owner.status,
    children,
  };
}

/**
 * A diagram graph cut into one graph per account (for diagrams too large to draw whole):
 * each holds its account's group and the edges among its items; an edge between the
 * account and anything outside it is kept, its far end drawn as a stand-in (its label and
 * detail, no children or cost) in a dashed group named after the account (or SaaS group)
 * it belongs to. Accounts in graph order; the title names the account. Pure.
 */
export function splitByAccount(graph: DiagramGraph): AccountGraph[] {
  const owner = new Map<string, DiagramItem>();
  const byId = new Map<string, DiagramItem>();
  let top: DiagramItem | null = null;
  for (const { item, depth } of walkItems(graph.items)) {
    if (depth === 0) top = item;
    if (top && !owner.has(item.id)) owner.set(item.id, top);
    if (!byId.has(item.id)) byId.set(item.id, item);
  }
  const parts: AccountGraph[] = [];
  for (const account of graph.items) {
    if (account.type !== "group" || account.kind !== "account") continue;
    const edges: DiagramEdge[] = [];
    /** stand-ins by the top-level item they belong to, in first-seen order */
    const peers = new Map<DiagramItem, DiagramItem[]>();
    const seen = new Set<string>();
    const addPeer = (id: string) => {
      const item = byId.get(id);
      const home = owner.get(id);
      if (!item || !home || seen.has(id)) return;
      seen.add(id);
      const list = peers.get(home);
      if (list) list.push(standIn(item));
      else peers.set(home, [standIn(item)]);
    };
    for (const edge of graph.edges) {
      const fromHere = owner.get(edge.from) === account;
      const toHere = owner.get(edge.to) === account;
      if (!fromHere && !toHere) continue;
      edges.push(edge);
      if (!fromHere) addPeer(edge.from);
      if (!toHere) addPeer(edge.to);
    }
    const items: DiagramItem[] = [account];
    for (const [home, children] of peers) items.push(peerGroup(home, children));
    const id = account.id.startsWith(ACCOUNT_PREFIX)
      ? account.id.slice(ACCOUNT_PREFIX.length)
      : account.id;
    parts.push({
      account: id,
      graph: { title: `${graph.title} · ${account.label}`, items, edges },
    });
  }
  return parts;
}
