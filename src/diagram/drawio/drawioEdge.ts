import { displayWidth } from "../../core/displayWidth.js";
import { approachDirection, directionStep } from "../layout/approachDirection.js";
import { CELL_HEIGHT, CELL_WIDTH, type SceneBox, type SceneEdge } from "../layout/scene.js";
import { xmlChars } from "../svg/xmlText.js";

export interface Point {
  x: number;
  y: number;
}

/** A box's rectangle in pixels, as renderSvg draws it (borders through cell centres). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function pixelRect(box: SceneBox): PixelRect {
  return {
    x: (box.x + 0.5) * CELL_WIDTH,
    y: (box.y + 0.5) * CELL_HEIGHT,
    width: Math.max(0, box.width - 1) * CELL_WIDTH,
    height: Math.max(0, box.height - 1) * CELL_HEIGHT,
  };
}

/** An edge as draw.io draws it: its ends, the corners between and its label. */
export interface DrawioEdgeGeometry {
  /** where it leaves the source's border, as fractions of the source's rectangle */
  exit: Point | null;
  /** where it enters the target's border, as fractions of the target's rectangle */
  entry: Point | null;
  /** the first and last points of the polyline, px */
  start: Point;
  end: Point;
  /** the corners between them, px */
  corners: Point[];
  /** the label (cut as the SVG cuts it) and its centre's offset from the path's middle */
  label: { text: string; offset: Point } | null;
}

const centre = (p: Point): Point => ({
  x: (p.x + 0.5) * CELL_WIDTH,
  y: (p.y + 0.5) * CELL_HEIGHT,
});

/** The point one cell from `point` into `box`, on its border; null when not beside it. */
function onBorder(point: Point, box: SceneBox | undefined): Point | null {
  const direction = box ? approachDirection(point, box) : null;
  if (!direction) return null;
  const step = directionStep(direction);
  return centre({ x: point.x + step.x, y: point.y + step.y });
}

/** Where `p` lies on `rect`, as fractions of its width and height. */
function fraction(p: Point, rect: PixelRect): Point {
  return {
    x: rect.width > 0 ? (p.x - rect.x) / rect.width : 0.5,
    y: rect.height > 0 ? (p.y - rect.y) / rect.height : 0.5,
  };
}

/** Whether b lies on the axis-parallel line through a and c. */
function straight(a: Point, b: Point, c: Point): boolean {
  return (a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y);
}

/** The polyline without repeated points and without points in the middle of a straight run. */
function corners(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    const before = out[out.length - 2];
    if (last && last.x === p.x && last.y === p.y) continue;
    if (before && last && straight(before, last, p)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The point halfway along a polyline (where draw.io puts an edge's label by default). */
function midpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((p, i) => {
    const q = points[i] as Point;
    return Math.hypot(p.x - q.x, p.y - q.y);
  });
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  for (const [i, length] of lengths.entries()) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    if (rest <= length && length > 0) {
      return { x: a.x + ((b.x - a.x) * rest) / length, y: a.y + ((b.y - a.y) * rest) / length };
    }
    rest -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/**
 * An edge of the Scene in pixels, as renderSvg draws it: its cell-centre polyline, with
 * the points on its two boxes' borders where the SVG stretches it to them, reduced to its
 * corners; the label where the Scene put it (left end at labelAt), when there is one.
 * Null for an edge without points.
 */
export function drawioEdgeGeometry(
  edge: SceneEdge,
  boxes: ReadonlyMap<string, SceneBox>,
  sceneWidth: number,
): DrawioEdgeGeometry | null {
  const first = edge.points[0];
  const last = edge.points[edge.points.length - 1];
  if (!first || !last) return null;
  const source = boxes.get(edge.from);
  const target = boxes.get(edge.to);
  const start = onBorder(first, source);
  const end = onBorder(last, target);
  const path = corners([
    ...(start ? [start] : []),
    ...edge.points.map(centre),
    ...(end ? [end] : []),
  ]);
  const head = path[0] as Point;
  const tail = path[path.length - 1] as Point;
  return {
    exit: start && source ? fraction(start, pixelRect(source)) : null,
    entry: end && target ? fraction(end, pixelRect(target)) : null,
    start: head,
    end: tail,
    corners: path.slice(1, -1),
    label: labelOf(edge, sceneWidth, path),
  };
}

function labelOf(edge: SceneEdge, sceneWidth: number, path: readonly Point[]) {
  if (!edge.label || !edge.labelAt) return null;
  const text = xmlChars(edge.label, sceneWidth - edge.labelAt.x);
  if (text.trim() === "") return null;
  const middle = midpoint(path);
  const x = edge.labelAt.x * CELL_WIDTH + (displayWidth(text) * CELL_WIDTH) / 2;
  const y = (edge.labelAt.y + 0.5) * CELL_HEIGHT;
  return { text, offset: { x: x - middle.x, y: y - middle.y } };
}
