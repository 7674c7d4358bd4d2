import type { DiagramGroup, DiagramStatus, EdgeKind, NodeKind } from "../graph/diagramGraph.js";

/**
 * Mermaid `classDef`s: AWS architecture group styles for groups, AWS service category
 * colours (with light fills) for nodes, then the comparison marks and the mark of elements
 * with error findings, which come last so they override the stroke of the kind class.
 * Listed in the order they are emitted.
 */
export const MERMAID_CLASS_DEFS: ReadonlyArray<readonly [name: string, style: string]> =
  Object.freeze([
    ["account", "fill:none,stroke:#CD2264,stroke-width:2px,color:#CD2264"],
    ["region", "fill:none,stroke:#00A4A6,stroke-width:1px,stroke-dasharray:6 4,color:#147EBA"],
    ["vpc", "fill:none,stroke:#8C4FFF,stroke-width:2px,color:#8C4FFF"],
    ["az", "fill:none,stroke:#147EBA,stroke-width:1px,stroke-dasharray:6 4,color:#147EBA"],
    ["subnetPrivate", "fill:#E6F6F7,stroke:#00A4A6,stroke-width:1px,color:#147EBA"],
    ["subnetPublic", "fill:#F2F6E8,stroke:#7AA116,stroke-width:1px,color:#248814"],
    ["external", "fill:none,stroke:#5A6C86,stroke-width:1px,stroke-dasharray:6 4,color:#5A6C86"],
    ["network", "fill:#F4EFFF,stroke:#8C4FFF,stroke-width:1px,color:#232F3E"],
    ["compute", "fill:#FDF1E6,stroke:#ED7100,stroke-width:1px,color:#232F3E"],
    ["awsService", "fill:#F2F6E8,stroke:#7AA116,stroke-width:1px,color:#232F3E"],
    ["saas", "fill:#EEF0F3,stroke:#5A6C86,stroke-width:1px,color:#232F3E"],
    ["added", "stroke:#1D8102,stroke-width:3px"],
    ["removed", "stroke:#D13212,stroke-width:2px,stroke-dasharray:5 5"],
    ["changed", "stroke:#B45309,stroke-width:3px"],
    ["finding", "stroke:#D13212,stroke-width:3px"],
    ["legend", "fill:none,stroke:#5A6C86,stroke-width:1px,stroke-dasharray:3 3,color:#5A6C86"],
  ] as const);

/** The class of a group: its kind; subnets are private unless their detail says "public". */
export function groupClass(group: DiagramGroup): string {
  if (group.kind !== "subnet") return group.kind;
  return (group.detail ?? "").toLowerCase().includes("public") ? "subnetPublic" : "subnetPrivate";
}

/** The class of a node: the AWS service category of its kind. */
export function nodeClass(kind: NodeKind): string {
  switch (kind) {
    case "workload":
    case "service":
      return "compute";
    case "aws-service":
      return "awsService";
    case "saas":
      return "saas";
    default:
      return "network";
  }
}

/** The class marking a comparison status, or null when unchanged. */
export function statusClass(status: DiagramStatus): string | null {
  return status === "unchanged" ? null : status;
}

/** `linkStyle` of an edge: comparison marks first, else PrivateLink in networking purple (edges are never "changed"). */
export function edgeStyle(kind: EdgeKind, status: DiagramStatus): string | null {
  if (status === "added") return "stroke:#1D8102,stroke-width:3px";
  if (status === "removed") return "stroke:#D13212,stroke-width:2px,stroke-dasharray:5 5";
  return kind === "privatelink" ? "stroke:#8C4FFF" : null;
}
