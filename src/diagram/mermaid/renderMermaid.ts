import { LinkplanError } from "../../core/linkplanError.js";
import type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  EdgeKind,
  NodeKind,
} from "../graph/diagramGraph.js";
import { cleanLabel } from "../text/cleanLabel.js";
import { TextBuffer } from "../text/textBuffer.js";
import { allocateMermaidIds, type MermaidIds } from "./allocateMermaidIds.js";
import { drawingOrder } from "./drawingOrder.js";
import { escapeMermaidText, mermaidLabel } from "./escapeMermaidText.js";
import {
  edgeStyle,
  groupClass,
  MERMAID_CLASS_DEFS,
  nodeClass,
  statusClass,
} from "./mermaidClasses.js";
import { mermaidLegend, statusPrefix } from "./mermaidLegend.js";
import { mermaidTitle } from "./mermaidTitle.js";

export interface RenderMermaidOptions {
  /** flow of the chart: top to bottom (default) or left to right */
  direction?: "TB" | "LR";
}

const INDENT = "  ";

/** Opening and closing brackets of each node kind's shape. */
function shape(kind: NodeKind): readonly [open: string, close: string] {
  switch (kind) {
    case "endpoint-service":
      return ["{{", "}}"];
    case "load-balancer":
      return ["[[", "]]"];
    case "aws-service":
    case "saas":
      return ["(", ")"];
    case "hosted-zone":
      return ["[(", ")]"];
    default:
      return ["[", "]"];
  }
}

/** Arrow and default label of each edge kind. */
function arrow(kind: EdgeKind): { link: string; label: string | null } {
  switch (kind) {
    case "privatelink":
      return { link: "==>", label: "PrivateLink" };
    case "alias":
      return { link: "-.->", label: "alias" };
    case "route":
      return { link: "-.->", label: null };
    default:
      return { link: "-->", label: null };
  }
}

/** Collects `class` assignments: class name → Mermaid ids, in first-seen order. */
function addClass(classes: Map<string, string[]>, name: string | null, id: string): void {
  if (name === null) return;
  const list = classes.get(name);
  if (list) list.push(id);
  else classes.set(name, [id]);
}

function nodeLine(node: DiagramNode, id: string): string {
  const [open, close] = shape(node.kind);
  const label = mermaidLabel([node.label, node.detail, node.cost], "<br/>", node.id);
  return `${id}${open}"${statusPrefix(node.status)}${label}"${close}`;
}

function groupLine(group: DiagramGroup, id: string): string {
  const label = mermaidLabel([group.label, group.detail, group.cost], " · ", group.id);
  return `subgraph ${id}["${statusPrefix(group.status)}${label}"]`;
}

function itemLines(
  items: readonly DiagramItem[],
  ids: MermaidIds,
  depth: number,
  out: TextBuffer,
): void {
  const pad = INDENT.repeat(depth);
  for (const item of drawingOrder(items)) {
    const id = ids.ofItem.get(item);
    if (id === undefined) continue;
    if (item.type === "node") {
      out.line(pad + nodeLine(item, id));
    } else {
      out.line(pad + groupLine(item, id));
      itemLines(item.children, ids, depth + 1, out);
      out.line(`${pad}end`);
    }
  }
}

/** The classes of items, in the graph's order (a group after its children). */
function itemClasses(
  items: readonly DiagramItem[],
  ids: MermaidIds,
  classes: Map<string, string[]>,
): void {
  for (const item of items) {
    const id = ids.ofItem.get(item);
    if (id === undefined) continue;
    if (item.type === "node") {
      addClass(classes, nodeClass(item.kind), id);
    } else {
      itemClasses(item.children, ids, classes);
      addClass(classes, groupClass(item), id);
    }
    addClass(classes, statusClass(item.status), id);
    if (item.findings && item.findings.length > 0) addClass(classes, "finding", id);
  }
}

function edgeLine(edge: DiagramEdge, ids: MermaidIds): string {
  const from = ids.ofGraphId.get(edge.from);
  const to = ids.ofGraphId.get(edge.to);
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? edge.from : edge.to;
    throw new LinkplanError(
      "invalid_request",
      `renderMermaid: edge ${JSON.stringify(edge.id)} ends at unknown item ${JSON.stringify(missing)}`,
    );
  }
  const { link, label } = arrow(edge.kind);
  const text = cleanLabel(edge.label ?? label ?? "");
  return text === ""
    ? `${from} ${link} ${to}`
    : `${from} ${link}|"${escapeMermaidText(text)}"| ${to}`;
}

/**
 * A Mermaid flowchart of a diagram graph, for GitHub Markdown (```mermaid) and the Mermaid
 * live editor. Groups become nested `subgraph`s, nodes get a shape per kind and a label of
 * up to three lines (label, detail, cost), edges an arrow per kind (PrivateLink thick,
 * alias and route dotted). Colours come from `classDef`s (AWS group and service category
 * colours); in a comparison, added/removed/changed items are marked green/red dashed/amber
 * with "[+]"/"[-]"/"[~]" before their label, added/removed edges green/red dashed, and a
 * "Legend" subgraph lists the marks present; items with error findings get the class
 * `finding` (a thick red stroke).
 *
 * Ids are rewritten to `[A-Za-z0-9_]` (see allocateMermaidIds) and all user text is cleaned
 * and escaped with Mermaid entity codes (see escapeMermaidText), so no label or id can end
 * a string, open a directive or reach the page as HTML. Deterministic; LF line endings.
 *
 * @throws Error when an edge ends at an id that is no node or group of the graph
 */
export function renderMermaid(graph: DiagramGraph, options: RenderMermaidOptions = {}): string {
  const ids = allocateMermaidIds(graph);
  const direction = options.direction === "LR" ? "LR" : "TB";
  const out = new TextBuffer();
  out.lines(mermaidTitle(graph.title));
  out.line(`flowchart ${direction}`);
  itemLines(graph.items, ids, 1, out);
  const classes = new Map<string, string[]>();
  itemClasses(graph.items, ids, classes);
  const legend = mermaidLegend(graph, INDENT);
  out.lines(legend.lines);

  const styled = new Map<string, number[]>();
  graph.edges.forEach((edge, index) => {
    out.line(INDENT + edgeLine(edge, ids));
    const style = edgeStyle(edge.kind, edge.status);
    if (style === null) return;
    const indexes = styled.get(style);
    if (indexes) indexes.push(index);
    else styled.set(style, [index]);
  });

  for (const [name, style] of MERMAID_CLASS_DEFS) {
    if (classes.has(name) || legend.uses.has(name)) out.line(`${INDENT}classDef ${name} ${style}`);
  }
  for (const [name] of MERMAID_CLASS_DEFS) {
    const members = classes.get(name);
    if (members) out.line(`${INDENT}class ${members.join(",")} ${name}`);
  }
  out.lines(legend.classes);
  for (const [style, indexes] of styled) {
    out.line(`${INDENT}linkStyle ${indexes.join(",")} ${style}`);
  }
  return out.toString();
}
