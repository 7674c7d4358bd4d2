import type { ScenePoint } from "./scene.js";

/** Candidate positions tried per segment before moving on to the next longest. */
const TRIES_PER_SEGMENT = 24;

interface Segment {
  a: ScenePoint;
  b: ScenePoint;
  length: number;
}

/** Offsets 0, 1, -1, 2, -2 … limited to `count` values. */
function outward(count: number): number[] {
  const out: number[] = [];
  for (let k = 0; out.length < count; k++) {
    out.push(k);
    if (k > 0 && out.length < count) out.push(-k);
  }
  return out;
}

/** Label positions beside a segment, nearest its middle first. */
function candidates(s: Segment, labelWidth: number): ScenePoint[] {
  const out: ScenePoint[] = [];
  if (s.a.x === s.b.x) {
    const x = s.a.x;
    const y0 = Math.min(s.a.y, s.b.y);
    const y1 = Math.max(s.a.y, s.b.y);
    const mid = Math.floor((y0 + y1) / 2);
    for (const k of outward(Math.min(TRIES_PER_SEGMENT, y1 - y0 + 1))) {
      const y = mid + k;
      if (y < y0 || y > y1) continue;
      out.push({ x: x + 2, y }, { x: x - 1 - labelWidth, y });
    }
  } else {
    const y = s.a.y;
    const x0 = Math.min(s.a.x, s.b.x);
    const x1 = Math.max(s.a.x, s.b.x);
    const centred = Math.floor((x0 + x1 + 1 - labelWidth) / 2);
    const slack = Math.max(0, x1 - x0 + 1 - labelWidth);
    for (const k of outward(Math.min(TRIES_PER_SEGMENT, slack + 1))) {
      const x = centred + k;
      if (slack > 0 && (x < x0 || x + labelWidth - 1 > x1)) continue;
      out.push({ x, y: y - 1 }, { x, y: y + 1 });
    }
  }
  return out;
}

/**
 * Where to put an edge label of `labelWidth` cells: beside the longest segment of
 * `points` (to the right of a vertical one, else left; above a horizontal one, else
 * below), nearest its middle, on cells of `cells` (canvas-wide, `canvasWidth` a row) that
 * are all clear. A clear cell is wanted on either side of the label too; if nowhere has
 * that, the label may touch its neighbours; then the next longest segment is tried.
 * Returns the label's left end, or null when there is no room.
 */
export function placeLabel(
  labelWidth: number,
  points: readonly ScenePoint[],
  cells: Uint8Array,
  canvasWidth: number,
): ScenePoint | null {
  if (labelWidth <= 0) return null;
  const canvasHeight = cells.length / canvasWidth;
  const clear = (at: ScenePoint, pad: number): boolean => {
    if (at.y < 0 || at.y >= canvasHeight || at.x < 0 || at.x + labelWidth > canvasWidth) {
      return false;
    }
    const from = Math.max(0, at.x - pad);
    const to = Math.min(canvasWidth - 1, at.x + labelWidth - 1 + pad);
    for (let x = from; x <= to; x++) if ((cells[at.y * canvasWidth + x] ?? 0) !== 0) return false;
    return true;
  };
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) segments.push({ a, b, length: Math.abs(a.x - b.x) + Math.abs(a.y - b.y) });
  }
  segments.sort((p, q) => q.length - p.length);
  for (const segment of segments) {
    const spots = candidates(segment, labelWidth);
    for (const pad of [1, 0]) {
      const spot = spots.find((at) => clear(at, pad));
      if (spot) return spot;
    }
  }
  return null;
}
