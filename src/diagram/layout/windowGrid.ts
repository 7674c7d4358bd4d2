import { Clipped, type CompressedGrid, intervalOf, merge, sortedCuts } from "./compressedGrid.js";
import type { LayoutWork } from "./layoutWork.js";
import type { Rect } from "./rect.js";

/** One axis of a window: base cuts from..to (indices) with the pinned cuts merged in. */
function windowAxis(
  base: Int32Array,
  baseOf: Int32Array,
  pinned: readonly number[],
  from: number,
  to: number,
): { at: Int32Array; of: Int32Array } {
  const lo = base[from] ?? 0;
  const hi = base[to] ?? 0;
  const raw: number[] = [];
  for (const p of pinned) raw.push(p, p + 1);
  const { at, parent } = merge(base.subarray(from, to + 1), sortedCuts(raw, lo, hi));
  const of = new Int32Array(at.length - 1);
  for (let i = 0; i < of.length; i++) of[i] = baseOf[(parent[i] ?? 0) + from] ?? 0;
  return { at, of };
}

/**
 * The part of `base` cut further at the pinned coordinates (as refinedGrid does, without
 * extra marks) that covers `span` and `margin` more of base's columns and rows on every
 * side, or null when that is all of it. Its cells are exactly the refined grid's cells in
 * that part (it starts and ends on base cuts, and every pinned coordinate lies in `span`),
 * and `clipped` says on which sides the refined grid goes on: a search that never steps
 * out of the window finds what it would on the whole grid, for the cost of the window.
 */
export function windowGrid(
  base: CompressedGrid,
  pinnedX: readonly number[],
  pinnedY: readonly number[],
  span: Rect,
  margin: number,
  work: LayoutWork | null = null,
): CompressedGrid | null {
  const c0 = Math.max(0, intervalOf(base.xs, span.x) - margin);
  const c1 = Math.min(base.cols, intervalOf(base.xs, span.x + span.width) + 1 + margin);
  const r0 = Math.max(0, intervalOf(base.ys, span.y) - margin);
  const r1 = Math.min(base.rows, intervalOf(base.ys, span.y + span.height) + 1 + margin);
  if (c0 === 0 && r0 === 0 && c1 === base.cols && r1 === base.rows) return null;
  const x = windowAxis(base.xs, base.colOf, pinnedX, c0, c1);
  const y = windowAxis(base.ys, base.rowOf, pinnedY, r0, r1);
  const cols = x.of.length;
  const rows = y.of.length;
  if (work) {
    work.cuts += x.at.length + y.at.length + pinnedX.length + pinnedY.length;
    work.gridCells += cols + rows;
  }
  return {
    xs: x.at,
    ys: y.at,
    cols,
    rows,
    flags: base.flags,
    flagCols: base.flagCols,
    colOf: x.of,
    rowOf: y.of,
    clipped:
      (c0 > 0 ? Clipped.Left : 0) |
      (c1 < base.cols ? Clipped.Right : 0) |
      (r0 > 0 ? Clipped.Top : 0) |
      (r1 < base.rows ? Clipped.Bottom : 0),
  };
}
