import type { Money } from "../../core/money.js";

/**
 * DiagramGraph: what a topology looks like, independent of any drawing format. Groups
 * nest (account › region › VPC › AZ › subnet); nodes are the things drawn as boxes; edges
 * connect nodes. Produced by `toGraph`, read by `renderMermaid` and `layout`.
 */
export type GroupKind = "account" | "region" | "vpc" | "az" | "subnet" | "external";

export type NodeKind =
  | "workload"
  | "interface-endpoint"
  | "gateway-endpoint"
  | "gwlb-endpoint"
  | "endpoint-service"
  | "load-balancer"
  | "service"
  | "aws-service"
  | "saas"
  | "hosted-zone"
  | "nat-gateway"
  | "transit-gateway"
  | "tgw-attachment"
  | "route-table";

export type EdgeKind = "uses" | "privatelink" | "targets" | "alias" | "route" | "attachment";

/**
 * Marks for diagrams of a comparison: what b added or removed relative to a, and what both
 * have but changed (its kind, its signature — type, AZ count … — or its monthly cost).
 */
export type DiagramStatus = "added" | "removed" | "changed" | "unchanged";

/** An error finding of linkplan check about the element a node or group draws. */
export interface ItemFinding {
  /** the rule's id, e.g. endpoint-service-open */
  rule: string;
  message: string;
}

export interface DiagramNode {
  type: "node";
  /** unique within the graph; may contain any characters (renderers sanitise) */
  id: string;
  kind: NodeKind;
  label: string;
  /** second line, e.g. "interface · ecr.api · 3 AZs" */
  detail: string | null;
  /** cost annotation, e.g. "$21.90/mo" */
  cost: string | null;
  status: DiagramStatus;
  /** error findings about what the node draws (diagram --findings); absent when none */
  findings?: ItemFinding[];
  /** where it is written in Terraform, "address (file:line)" (imported topologies) */
  terraform?: string;
  /** the monthly cost `cost` shows, exact (absent when not priced) */
  monthly?: Money;
  /**
   * what the element is, in words, without its ids, names, CIDRs or cost ("interface ·
   * ecr.api · 3 AZs", "VPC · 3 AZs"): a comparison marks an element whose signature changed,
   * and --collapse folds VPCs whose contents have the same signatures
   */
  signature?: string;
  /** in a comparison: what the monthly cost changed by since before (`cost` shows it) */
  costDelta?: Money;
  /** --collapse: the ids of the elements drawn as this one (besides its own) */
  folded?: string[];
  /** an ENI: the id of its endpoint (`endpoint:<vpc>/<endpoint>`), whose ENIs --collapse joins */
  partOf?: string;
  /**
   * a load balancer at azs / subnets detail: the ids of the sibling AZ groups it has nodes
   * in; the layout draws it as a bar under them, as wide as they are
   */
  across?: string[];
}

export interface DiagramGroup {
  type: "group";
  id: string;
  kind: GroupKind;
  label: string;
  detail: string | null;
  cost: string | null;
  status: DiagramStatus;
  /** error findings about what the group draws (a VPC, an account); absent when none */
  findings?: ItemFinding[];
  /** where it is written in Terraform, "address (file:line)" (imported topologies) */
  terraform?: string;
  /** the monthly cost `cost` shows, exact (absent when not priced) */
  monthly?: Money;
  /**
   * what the element is, in words, without its ids, names, CIDRs or cost ("interface ·
   * ecr.api · 3 AZs", "VPC · 3 AZs"): a comparison marks an element whose signature changed,
   * and --collapse folds VPCs whose contents have the same signatures
   */
  signature?: string;
  /** in a comparison: what the monthly cost changed by since before (`cost` shows it) */
  costDelta?: Money;
  /** --collapse: the ids of the elements drawn as this one (besides its own) */
  folded?: string[];
  children: DiagramItem[];
}

export type DiagramItem = DiagramNode | DiagramGroup;

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** e.g. "PrivateLink", "alias" */
  label: string | null;
  status: DiagramStatus;
}

/** What priced a diagram, for its title block. */
export interface DiagramPricing {
  /** the estimate's monthly total, e.g. "$1,234.56/mo" */
  total: string;
  /** the price catalog's name and retrieval date, e.g. "bundled 2026-11-20" */
  catalog: string;
}

export interface DiagramGraph {
  title: string;
  /** the estimate that annotates the graph: its total and catalog (absent without one) */
  pricing?: DiagramPricing;
  /** top-level groups and nodes (accounts, the external group) */
  items: DiagramItem[];
  edges: DiagramEdge[];
}

/**
 * Call `visit` on every node and group, in walkItems' order (depth first, parents before
 * children), without an entry object per item: for walks that need neither parent nor depth
 * over graphs of tens of thousands of items.
 */
export function eachItem(items: readonly DiagramItem[], visit: (item: DiagramItem) => void): void {
  const stack: DiagramItem[] = [];
  const pushReversed = (list: readonly DiagramItem[]) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i];
      if (item) stack.push(item);
    }
  };
  pushReversed(items);
  for (let item = stack.pop(); item; item = stack.pop()) {
    visit(item);
    if (item.type === "group") pushReversed(item.children);
  }
}

/** Every node and group of a graph, depth first, parents before children. */
export function* walkItems(
  items: readonly DiagramItem[],
  parent: DiagramGroup | null = null,
): Generator<{ item: DiagramItem; parent: DiagramGroup | null; depth: number }> {
  const stack: { item: DiagramItem; parent: DiagramGroup | null; depth: number }[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item) stack.push({ item, parent, depth: 0 });
  }
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    yield entry;
    if (entry.item.type === "group") {
      const children = entry.item.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push({ item: child, parent: entry.item, depth: entry.depth + 1 });
      }
    }
  }
}
