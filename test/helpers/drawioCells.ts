import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

/** One mxCell of a draw.io file, its attributes decoded. */
export interface DrawioCell {
  id: string;
  parent?: string;
  value: string;
  style: string;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
  geometry: { x: number; y: number; width: number; height: number; relative: boolean };
  /** the edge's waypoints */
  points: { x: number; y: number }[];
  /** named points: sourcePoint, targetPoint, offset */
  named: Record<string, { x: number; y: number }>;
  /** a UserObject's label and tooltip, for cells wrapped in one */
  object?: { label: string; tooltip: string };
}

/** A draw.io file, parsed. */
export interface DrawioDocument {
  name: string;
  background: string;
  cells: DrawioCell[];
  byId: Map<string, DrawioCell>;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  parseAttributeValue: false,
  isArray: (name) => ["mxCell", "UserObject", "mxPoint"].includes(name),
});

const num = (value: unknown) => (value === undefined ? 0 : Number(value));

function cellOf(node: Node, object?: Node): DrawioCell {
  const geometry = (node.mxGeometry ?? {}) as Node;
  const points = (((geometry.Array as Node | undefined)?.mxPoint ?? []) as Node[]).map((p) => ({
    x: num(p.x),
    y: num(p.y),
  }));
  const named: DrawioCell["named"] = {};
  for (const p of (geometry.mxPoint ?? []) as Node[]) {
    named[String(p.as)] = { x: num(p.x), y: num(p.y) };
  }
  const id = String(object?.id ?? node.id);
  return {
    id,
    ...(node.parent !== undefined ? { parent: String(node.parent) } : {}),
    value: String(node.value ?? ""),
    style: String(node.style ?? ""),
    vertex: node.vertex === "1",
    edge: node.edge === "1",
    ...(node.source !== undefined ? { source: String(node.source) } : {}),
    ...(node.target !== undefined ? { target: String(node.target) } : {}),
    geometry: {
      x: num(geometry.x),
      y: num(geometry.y),
      width: num(geometry.width),
      height: num(geometry.height),
      relative: geometry.relative === "1",
    },
    points,
    named,
    ...(object ? { object: { label: String(object.label), tooltip: String(object.tooltip) } } : {}),
  };
}

/** Parse a draw.io file (uncompressed), failing the test when it is not well-formed XML. */
export function parseDrawio(xml: string): DrawioDocument {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as Node;
  const diagram = (doc.mxfile as Node).diagram as Node;
  const model = diagram.mxGraphModel as Node;
  const root = model.root as Node;
  const cells = [
    ...((root.mxCell ?? []) as Node[]).map((node) => cellOf(node)),
    ...((root.UserObject ?? []) as Node[]).map((object) => cellOf(object.mxCell as Node, object)),
  ];
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  return { name: String(diagram.name), background: String(model.background), cells, byId };
}

/** A cell's position on the page: its geometry plus its ancestors' (draw.io nests them). */
export function absolutePosition(doc: DrawioDocument, cell: DrawioCell): { x: number; y: number } {
  let x = cell.geometry.x;
  let y = cell.geometry.y;
  let parent = cell.parent ? doc.byId.get(cell.parent) : undefined;
  while (parent?.vertex) {
    x += parent.geometry.x;
    y += parent.geometry.y;
    parent = parent.parent ? doc.byId.get(parent.parent) : undefined;
  }
  return { x, y };
}

/** A style's value for `key` (draw.io's `key=value;` pairs), undefined when absent. */
export function styleValue(style: string, key: string): string | undefined {
  for (const pair of style.split(";")) {
    const [k, v] = pair.split("=");
    if (k === key) return v ?? "";
  }
  return undefined;
}
