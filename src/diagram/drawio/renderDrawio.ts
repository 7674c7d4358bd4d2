import {
  CELL_HEIGHT,
  CELL_WIDTH,
  NODE_ICON_ROWS,
  type Scene,
  type SceneBox,
  type SceneEdge,
} from "../layout/scene.js";
import { NODE_ICON_SIZE } from "../svg/drawBox.js";
import { svgNumber as n } from "../svg/svgNumber.js";
import { xmlChars, xmlText } from "../svg/xmlText.js";
import { drawioEdgeGeometry, type PixelRect, type Point, pixelRect } from "./drawioEdge.js";
import {
  DRAWIO_DARK,
  DRAWIO_LIGHT,
  type DrawioPalette,
  edgeStyle,
  endsStyle,
  findingStyle,
  groupStyle,
  ICON_MARGIN,
  ICON_SIZE,
  markStyle,
  NODE_ICON_TOP,
  nodeIconStyle,
  nodeStyle,
} from "./drawioStyles.js";

export interface RenderDrawioOptions {
  /** "light" (default) or "dark": the SVG's palettes, the page background included */
  theme?: "light" | "dark";
}

/** Radius of the finding badge, px (the SVG's). */
const BADGE_RADIUS = 7;

/**
 * Draw a Scene as a draw.io (diagrams.net) file: an uncompressed `<mxfile>` of one page,
 * whose mxGraphModel holds one vertex cell per box of the Scene, in its order (ids b1, b2,
 * …), each the child of its group's cell with coordinates relative to that group, as
 * draw.io nests containers — at the pixels renderSvg draws it. Groups are draw.io's AWS
 * group shapes (account, Region, VPC, subnet with their icons; AZ and external dashed);
 * nodes are boxes in the AWS category colours, each with an aws4 resource icon as a child
 * cell (id <box>-icon) where one fits, a red "!" badge (<box>-finding, its findings in
 * the tooltip) and a "+" / "−" / "~" comparison badge (<box>-mark) where the SVG has one. One edge cell per edge (e1, e2, …) joins its two boxes'
 * cells, leaving and entering them where the Scene's route does and turning at its corners
 * (draw.io waypoints), dashed and coloured as in the SVG, its label where the Scene put it.
 * Text is plain (not HTML) and XML-escaped; characters XML cannot carry, bidi controls and
 * zero-width characters are dropped.
 */
export function renderDrawio(scene: Scene, options: RenderDrawioOptions = {}): string {
  const palette = options.theme === "dark" ? DRAWIO_DARK : DRAWIO_LIGHT;
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  const cellIds = new Map(scene.boxes.map((box, i) => [box.id, `b${i + 1}`]));
  const width = Math.max(0, scene.width) * CELL_WIDTH;
  const height = Math.max(0, scene.height) * CELL_HEIGHT;
  const title = xmlText(scene.title).trim() || "linkplan diagram";
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="linkplan" type="device">',
    `<diagram id="linkplan" name="${title}">`,
    `<mxGraphModel grid="0" gridSize="8" guides="1" tooltips="1" connect="1" arrows="1"` +
      ` fold="1" page="0" pageScale="1" pageWidth="${n(width)}" pageHeight="${n(height)}"` +
      ` background="${palette.background}" math="0" shadow="0">`,
    "<root>",
    '<mxCell id="0"/>',
    '<mxCell id="1" parent="0"/>',
  ];
  const icons = scene.icons === true;
  for (const box of scene.boxes) out.push(...boxCells(box, boxes, cellIds, palette, icons));
  scene.edges.forEach((edge, i) => {
    const cell = edgeCell(edge, `e${i + 1}`, boxes, cellIds, scene.width, palette);
    if (cell) out.push(cell);
  });
  out.push("</root>", "</mxGraphModel>", "</diagram>", "</mxfile>");
  return `${out.join("\n")}\n`;
}

/** Text for an attribute value: escaped, line breaks as character references. */
function attrLines(lines: readonly string[]): string {
  return lines.map((line) => xmlText(line)).join("&#xa;");
}

function geometry(x: number, y: number, w: number, h: number): string {
  return `<mxGeometry x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" as="geometry"/>`;
}

/**
 * A node's icon cell: in an icon layout centred in the rows above its text, where the SVG
 * draws it; else at the box's left, its text beside it.
 */
function iconGeometry(rect: PixelRect, icons: boolean): string {
  if (icons)
    return geometry(
      rect.width / 2 - NODE_ICON_SIZE / 2,
      NODE_ICON_TOP,
      NODE_ICON_SIZE,
      NODE_ICON_SIZE,
    );
  const size = Math.max(8, Math.min(ICON_SIZE, rect.height - 8));
  return geometry(ICON_MARGIN, (rect.height - size) / 2, size, size);
}

/** A box's cell, and its icon and finding badge as child cells. */
function boxCells(
  box: SceneBox,
  boxes: ReadonlyMap<string, SceneBox>,
  cellIds: ReadonlyMap<string, string>,
  palette: DrawioPalette,
  icons: boolean,
): string[] {
  const id = cellIds.get(box.id) as string;
  const rect = pixelRect(box);
  const parent = box.parent === null ? undefined : boxes.get(box.parent);
  const origin = parent ? pixelRect(parent) : { x: 0, y: 0 };
  const parentId = (parent && cellIds.get(parent.id)) ?? "1";
  // the lines the SVG shows: cut to the box, none below its bottom border (nor, in an icon
  // layout, below the rows its icon leaves)
  const rows = icons && box.role === "node" ? box.height - 2 - NODE_ICON_ROWS : box.height - 2;
  const shown = box.lines
    .map((line) => xmlChars(line, box.width - 3))
    .filter((line, i) => line.trim() !== "" && i < rows);
  const style = box.role === "group" ? groupStyle(box, palette) : nodeStyle(box, palette, icons);
  const cells = [
    `<mxCell id="${id}" value="${attrLines(shown)}" style="${style}" vertex="1" parent="${parentId}">` +
      `${geometry(rect.x - origin.x, rect.y - origin.y, rect.width, rect.height)}</mxCell>`,
  ];
  const icon = box.role === "node" ? nodeIconStyle(box) : null;
  if (icon) {
    cells.push(
      `<mxCell id="${id}-icon" value="" style="${icon}" vertex="1" parent="${id}">` +
        `${iconGeometry(rect, icons)}</mxCell>`,
    );
  }
  const findings = box.findings ?? [];
  if (findings.length > 0) {
    const tooltip = attrLines(findings.map((f) => `${f.rule}: ${f.message}`));
    const r = BADGE_RADIUS;
    cells.push(
      `<UserObject id="${id}-finding" label="!" tooltip="${tooltip}">` +
        `<mxCell style="${findingStyle()}" vertex="1" parent="${id}">` +
        `${geometry(rect.width - r, -r, 2 * r, 2 * r)}</mxCell></UserObject>`,
    );
  }
  if (box.status !== "unchanged") {
    const r = BADGE_RADIUS;
    cells.push(
      `<UserObject id="${id}-mark" label="${MARKS[box.status]}" tooltip="${box.status}">` +
        `<mxCell style="${markStyle(box.status)}" vertex="1" parent="${id}">` +
        `${geometry(-r, -r, 2 * r, 2 * r)}</mxCell></UserObject>`,
    );
  }
  return cells;
}

/** The badge text of each comparison status (the SVG's). */
const MARKS: Readonly<Record<SceneBox["status"], string>> = {
  added: "+",
  removed: "\u2212",
  changed: "~",
  unchanged: "",
};

function point(p: Point, as?: string): string {
  return `<mxPoint x="${n(p.x)}" y="${n(p.y)}"${as ? ` as="${as}"` : ""}/>`;
}

/** An edge's cell between its boxes' cells (absolute coordinates: its parent is the layer). */
function edgeCell(
  edge: SceneEdge,
  id: string,
  boxes: ReadonlyMap<string, SceneBox>,
  cellIds: ReadonlyMap<string, string>,
  sceneWidth: number,
  palette: DrawioPalette,
): string | null {
  const shape = drawioEdgeGeometry(edge, boxes, sceneWidth);
  if (!shape) return null;
  const source = cellIds.get(edge.from);
  const target = cellIds.get(edge.to);
  const terminals = `${source ? ` source="${source}"` : ""}${target ? ` target="${target}"` : ""}`;
  const style = edgeStyle(edge, palette, endsStyle(shape.exit, shape.entry));
  const value = shape.label ? xmlText(shape.label.text) : "";
  const waypoints =
    shape.corners.length > 0
      ? `<Array as="points">${shape.corners.map((p) => point(p)).join("")}</Array>`
      : "";
  const offset = shape.label ? point(shape.label.offset, "offset") : "";
  return (
    `<mxCell id="${id}" value="${value}" style="${style}" edge="1" parent="1"${terminals}>` +
    `<mxGeometry relative="1" as="geometry">${point(shape.start, "sourcePoint")}` +
    `${point(shape.end, "targetPoint")}${waypoints}${offset}</mxGeometry></mxCell>`
  );
}
