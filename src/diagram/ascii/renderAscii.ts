import type { DiagramStatus } from "../graph/diagramGraph.js";
import {
  approachDirection,
  type Direction,
  directionBetween,
  directionStep,
} from "../layout/approachDirection.js";
import type { Scene, SceneBox, SceneEdge, ScenePoint } from "../layout/scene.js";
import { CellGrid } from "./cellGrid.js";
import { type GlyphSet, glyphSet } from "./glyphSet.js";
import { terminalSafe } from "./terminalSafe.js";

export interface RenderAsciiOptions {
  /** "unicode" (default): box-drawing characters; "ascii": + - | . : > < v ^ only */
  charset?: "unicode" | "ascii";
}

/** The mark after the first line of a box with error findings. */
const FINDING_MARK = "!";

/** What a box border cell is, so an edge crossing it can be drawn as a crossing. */
const Border = { None: 0, Horizontal: 1, Vertical: 2, Corner: 3 } as const;
type Border = (typeof Border)[keyof typeof Border];

/** Edge connection bits of a cell. */
const UP = 1;
const DOWN = 2;
const LEFT = 4;
const RIGHT = 8;
/** The connection bits of a cell, and of the four cells of a 32-bit word. */
const EDGE_BITS = 15;
const EDGE_BITS_X4 = 0x0f0f0f0f;
/** Where a cell's Border sits, above its connection bits. */
const BORDER_SHIFT = 4;

const BIT: Readonly<Record<Direction, number>> = { up: UP, down: DOWN, left: LEFT, right: RIGHT };
const OPPOSITE: Readonly<Record<Direction, Direction>> = {
  up: "down",
  down: "up",
  left: "right",
  right: "left",
};

/**
 * Draw a Scene as text, one character per grid cell: boxes (parents first), their text,
 * edges with turns, crossings (┼) and arrowheads, then edge labels. AZ groups have dashed
 * borders; boxes added in a comparison carry "[+]", removed ones "[-]" and changed ones
 * "[~]" just right of their top-left corner (a bare mark on boxes narrower than 5 cells),
 * and a legend of the marks drawn follows the picture after a blank line; boxes with error
 * findings carry "!" one space after their first line. Where an edge leaves its source box
 * the border shows a tee (┬ ┴ ├ ┤); where it passes through another box's border, a
 * crossing. Wide characters take two cells; control characters never
 * reach the output. Lines carry no trailing spaces; the text ends with "\n".
 */
export function renderAscii(scene: Scene, options: RenderAsciiOptions = {}): string {
  const g = glyphSet(options.charset ?? "unicode");
  const width = cellCount(scene.width);
  const height = cellCount(scene.height);
  const grid = new CellGrid(width, height);
  // per cell: the Border under it (high bits) and the edges' connection bits (low 4),
  // rounded up to whole 32-bit words so blank stretches are skipped four cells at a time
  const words = new Uint32Array(Math.ceil((width * height) / 4));
  const mask = new Uint8Array(words.buffer, 0, width * height);
  const boxes = new Map<string, SceneBox>();

  for (const box of scene.boxes) {
    boxes.set(box.id, box);
    drawBox(grid, mask, box, g);
  }
  for (const box of scene.boxes) drawText(grid, box, g);

  const arrows: { at: ScenePoint; glyph: string }[] = [];
  const tees: { at: ScenePoint; toSource: Direction }[] = [];
  for (const edge of scene.edges) {
    const points = orthogonal(edge.points);
    traceEdge(mask, width, height, points);
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) continue;
    const source = boxes.get(edge.from);
    const toSource = source ? approachDirection(first, source) : null;
    if (toSource) {
      markCell(mask, width, height, first, BIT[toSource]);
      tees.push({ at: step(first, toSource), toSource });
    }
    arrows.push({ at: last, glyph: arrowGlyph(edge, points, boxes, g) });
  }

  for (let w = 0; w < words.length; w++) {
    if (((words[w] ?? 0) & EDGE_BITS_X4) === 0) continue;
    for (let i = 4 * w; i < 4 * w + 4 && i < mask.length; i++) {
      const cell = mask[i] ?? 0;
      if ((cell & EDGE_BITS) === 0) continue;
      const y = Math.floor(i / width);
      grid.set(i - y * width, y, edgeGlyph(cell & EDGE_BITS, cell >> BORDER_SHIFT, g));
    }
  }
  for (const tee of tees) drawTee(grid, mask, tee.at, tee.toSource, g);
  for (const arrow of arrows) grid.set(arrow.at.x, arrow.at.y, arrow.glyph);

  for (const edge of scene.edges) {
    if (edge.label && edge.labelAt) {
      grid.write(edge.labelAt.x, edge.labelAt.y, g.text(terminalSafe(edge.label)));
    }
  }
  const legend = statusLegend(scene, g);
  return legend === "" ? grid.toString() : `${grid.toString()}\n${legend}\n`;
}

/** The comparison marks of a glyph set, in legend order. */
function statusMarks(g: GlyphSet): [DiagramStatus, string, string][] {
  return [
    ["added", g.added, "added"],
    ["removed", g.removed, "removed"],
    ["changed", g.changed, "changed"],
  ];
}

/**
 * "[+] added  [~] changed": the marks some box carries (none: ""), on as many lines as the
 * scene's width needs.
 */
function statusLegend(scene: Scene, g: GlyphSet): string {
  const present = new Set<DiagramStatus>();
  for (const box of scene.boxes) present.add(box.status);
  const entries = statusMarks(g)
    .filter(([status]) => present.has(status))
    .map(([, mark, word]) => `[${mark}] ${word}`);
  const lines: string[] = [];
  for (const entry of entries) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + entry.length <= scene.width)
      lines[lines.length - 1] = `${last}  ${entry}`;
    else lines.push(entry);
  }
  return lines.join("\n");
}

function cellCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function drawBox(grid: CellGrid, mask: Uint8Array, box: SceneBox, g: GlyphSet): void {
  const left = box.x;
  const top = box.y;
  const right = box.x + box.width - 1;
  const bottom = box.y + box.height - 1;
  if (box.width < 1 || box.height < 1) return;
  const dashed = box.role === "group" && box.kind === "az";
  const h = dashed ? g.dashedHorizontal : g.horizontal;
  const v = dashed ? g.dashedVertical : g.vertical;
  const put = (x: number, y: number, ch: string, kind: Border): void => {
    if (!grid.inside(x, y)) return;
    grid.set(x, y, ch);
    mask[y * grid.width + x] = kind << BORDER_SHIFT;
  };
  for (let x = left + 1; x < right; x++) {
    put(x, top, h, Border.Horizontal);
    put(x, bottom, h, Border.Horizontal);
  }
  for (let y = top + 1; y < bottom; y++) {
    put(left, y, v, Border.Vertical);
    put(right, y, v, Border.Vertical);
  }
  put(left, top, g.topLeft, Border.Corner);
  put(right, top, g.topRight, Border.Corner);
  put(left, bottom, g.bottomLeft, Border.Corner);
  put(right, bottom, g.bottomRight, Border.Corner);
  if (box.status === "unchanged" || box.width < 3) return;
  const mark = { added: g.added, removed: g.removed, changed: g.changed }[box.status];
  const marker = box.width >= 5 ? `[${mark}]` : mark;
  [...marker].forEach((ch, i) => put(left + 1 + i, top, ch, Border.Horizontal));
}

/**
 * Text lines at (x+2, y+1+i), clipped to the inside of the border; a box with findings
 * gets "!" one space after its first line (sizing left room for it).
 */
function drawText(grid: CellGrid, box: SceneBox, g: Readonly<GlyphSet>): void {
  const lastRow = box.y + box.height - 2;
  const lastCol = box.x + box.width - 2;
  box.lines.forEach((line, i) => {
    const y = box.y + 1 + i;
    if (y > lastRow) return;
    const end = grid.write(box.x + 2, y, g.text(terminalSafe(line)), lastCol);
    if (i === 0 && box.findings && box.findings.length > 0 && end + 1 <= lastCol)
      grid.set(end + 1, y, FINDING_MARK);
  });
}

/** The points with an L-shaped detour inserted between any two not sharing x or y. */
function orthogonal(points: readonly ScenePoint[]): ScenePoint[] {
  const out: ScenePoint[] = [];
  for (const p of points) {
    const point = { x: Math.round(p.x), y: Math.round(p.y) };
    const prev = out[out.length - 1];
    if (prev && prev.x !== point.x && prev.y !== point.y) out.push({ x: point.x, y: prev.y });
    out.push(point);
  }
  return out;
}

function markCell(mask: Uint8Array, width: number, height: number, p: ScenePoint, bit: number) {
  if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height) return;
  const i = p.y * width + p.x;
  mask[i] = (mask[i] ?? 0) | bit;
}

/** Set connection bits along every segment; a lone point still gets a cell. */
function traceEdge(mask: Uint8Array, width: number, height: number, points: ScenePoint[]) {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const dir = directionBetween(a, b);
    if (!dir) continue;
    const forward = BIT[dir];
    const backward = BIT[OPPOSITE[dir]];
    const s = directionStep(dir);
    const n = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    // only the cells on the canvas: k from first to last
    const range = (p: number, step: number, size: number): [number, number] =>
      step === 0
        ? p >= 0 && p < size
          ? [0, n]
          : [1, 0]
        : step > 0
          ? [Math.max(0, -p), Math.min(n, size - 1 - p)]
          : [Math.max(0, p - (size - 1)), Math.min(n, p)];
    const [kx0, kx1] = range(a.x, s.x, width);
    const [ky0, ky1] = range(a.y, s.y, height);
    const first = Math.max(kx0, ky0);
    const last = Math.min(kx1, ky1);
    const stride = s.y * width + s.x;
    for (let k = first, i = (a.y + s.y * first) * width + a.x + s.x * first; k <= last; k++) {
      mask[i] = (mask[i] ?? 0) | (k < n ? forward : 0) | (k > 0 ? backward : 0);
      i += stride;
    }
  }
}

function edgeGlyph(bits: number, border: number, g: GlyphSet): string {
  const vertical = (bits & (UP | DOWN)) !== 0;
  const horizontal = (bits & (LEFT | RIGHT)) !== 0;
  if (border === Border.Corner) return g.cross;
  if (border === Border.Horizontal && vertical && !horizontal) return g.cross;
  if (border === Border.Vertical && horizontal && !vertical) return g.cross;
  switch (bits) {
    case DOWN | RIGHT:
      return g.topLeft;
    case DOWN | LEFT:
      return g.topRight;
    case UP | RIGHT:
      return g.bottomLeft;
    case UP | LEFT:
      return g.bottomRight;
    case UP | DOWN | RIGHT:
      return g.teeRight;
    case UP | DOWN | LEFT:
      return g.teeLeft;
    case LEFT | RIGHT | DOWN:
      return g.teeDown;
    case LEFT | RIGHT | UP:
      return g.teeUp;
    case UP | DOWN | LEFT | RIGHT:
      return g.cross;
    default:
      return vertical ? g.vertical : g.horizontal;
  }
}

/** Where an edge leaves its source box, the straight border cell becomes a tee. */
function drawTee(
  grid: CellGrid,
  mask: Uint8Array,
  at: ScenePoint,
  toSource: Direction,
  g: GlyphSet,
): void {
  if (!grid.inside(at.x, at.y)) return;
  const border = (mask[at.y * grid.width + at.x] ?? 0) >> BORDER_SHIFT;
  const onSide = toSource === "left" || toSource === "right";
  if (border !== (onSide ? Border.Vertical : Border.Horizontal)) return;
  const glyph = { up: g.teeDown, down: g.teeUp, left: g.teeRight, right: g.teeLeft }[toSource];
  grid.set(at.x, at.y, glyph);
}

function step(p: ScenePoint, toward: Direction): ScenePoint {
  const s = directionStep(toward);
  return { x: p.x + s.x, y: p.y + s.y };
}

/** Arrowhead pointing into the target box (or along the last segment). */
function arrowGlyph(
  edge: SceneEdge,
  points: ScenePoint[],
  boxes: ReadonlyMap<string, SceneBox>,
  g: GlyphSet,
): string {
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  const target = boxes.get(edge.to);
  const dir =
    (last && target ? approachDirection(last, target) : null) ??
    (before && last ? directionBetween(before, last) : null) ??
    "right";
  return { up: g.arrowUp, down: g.arrowDown, left: g.arrowLeft, right: g.arrowRight }[dir];
}
