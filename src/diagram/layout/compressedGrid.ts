import type { LayoutWork } from "./layoutWork.js";
import type { Mark } from "./levelMarks.js";
import type { Rect } from "./rect.js";

/**
 * A search window cut into columns and rows at every mark's edges, so every cell of the
 * compressed grid is uniform (all its fine cells carry the same flags). Column i covers
 * x = xs[i] … xs[i+1]-1; its first cell xs[i] stands for it in the search. The last entry
 * of xs (ys) is the window's right (bottom) end.
 *
 * The flags (OR of the marks' flags) of cell (i, j) are
 * `flags[rowOf[j] * flagCols + colOf[i]]`: a grid built from marks has its own flags
 * (colOf, rowOf the identity), a grid only cut further shares its base grid's flags through
 * these maps, so cutting a big grid for one search costs its columns and rows, not its cells.
 */
export interface CompressedGrid {
  xs: Int32Array;
  ys: Int32Array;
  cols: number;
  rows: number;
  flags: Uint8Array;
  flagCols: number;
  colOf: Int32Array;
  rowOf: Int32Array;
  /**
   * Sides (Clipped bits) where this grid is a window cut out of a larger grid, which goes
   * on past them; 0 for a grid of the whole search window.
   */
  clipped: number;
}

/** Bits of CompressedGrid.clipped. */
export const Clipped = { Left: 1, Right: 2, Top: 4, Bottom: 8 } as const;

/** The flags of cell (i, j). */
export function flagsAt(grid: CompressedGrid, i: number, j: number): number {
  return grid.flags[(grid.rowOf[j] ?? 0) * grid.flagCols + (grid.colOf[i] ?? 0)] ?? 0;
}

export function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Sorted distinct values of `raw` within lo … hi: by a bitmap of the range when it is small
 * next to the values (one pass each, no comparison sort), else by sorting.
 */
export function sortedCuts(raw: ArrayLike<number>, lo: number, hi: number): Int32Array {
  const span = hi - lo + 1;
  if (span > 0 && span <= 8 * raw.length + 64) {
    const seen = new Uint8Array(span);
    let count = 0;
    for (let i = 0; i < raw.length; i++) {
      const v = (raw[i] ?? lo - 1) - lo;
      if (v >= 0 && v < span && seen[v] === 0) {
        seen[v] = 1;
        count++;
      }
    }
    const out = new Int32Array(count);
    let n = 0;
    for (let v = 0; n < count; v++) if (seen[v] === 1) out[n++] = v + lo;
    return out;
  }
  const kept = new Int32Array(raw.length);
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] ?? lo - 1;
    if (v >= lo && v <= hi) kept[count++] = v;
  }
  const sorted = kept.subarray(0, count).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? 0;
    if (n === 0 || v !== sorted[n - 1]) sorted[n++] = v;
  }
  return sorted.slice(0, n);
}

/**
 * Cut positions along one axis, in an array of their exact number (no growing): both sides
 * of every mark boundary, so a route can turn on the last cell before a boundary as well as
 * on the first after it, each pinned coordinate as a column or row of its own, and `ends`.
 */
function rawCuts(
  marks: readonly Mark[],
  horizontal: boolean,
  pinned: readonly number[],
  ends: readonly number[],
): Int32Array {
  const into = new Int32Array(ends.length + 4 * marks.length + 2 * pinned.length);
  let n = 0;
  for (const end of ends) into[n++] = end;
  for (const m of marks) {
    const start = horizontal ? m.x : m.y;
    const stop = start + (horizontal ? m.width : m.height);
    into[n++] = start - 1;
    into[n++] = start;
    into[n++] = stop - 1;
    into[n++] = stop;
  }
  for (const p of pinned) {
    into[n++] = p;
    into[n++] = p + 1;
  }
  return into;
}

/** Index of the interval of `at` (sorted cuts) holding v: the last i with at[i] ≤ v. */
export function intervalOf(at: Int32Array, v: number): number {
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] ?? 0) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** OR the marks' flags into a grid with its own flags. */
function orMarks(grid: CompressedGrid, marks: readonly Mark[]): void {
  const { xs, ys, cols, flags } = grid;
  for (const m of marks) {
    const c0 = intervalOf(xs, m.x);
    const c1 = intervalOf(xs, m.x + m.width - 1);
    const r0 = intervalOf(ys, m.y);
    const r1 = intervalOf(ys, m.y + m.height - 1);
    for (let r = r0; r <= r1; r++) {
      for (let i = r * cols + c0; i <= r * cols + c1; i++) flags[i] = (flags[i] ?? 0) | m.flag;
    }
  }
}

/**
 * Compress `window` at the edges of `marks` (all inside the window); null when that makes
 * more than `maxCells` cells.
 */
export function compressedGrid(
  window: Rect,
  marks: readonly Mark[],
  maxCells = Number.POSITIVE_INFINITY,
  work: LayoutWork | null = null,
): CompressedGrid | null {
  const rawX = rawCuts(marks, true, [], [window.x, window.x + window.width]);
  const rawY = rawCuts(marks, false, [], [window.y, window.y + window.height]);
  const xs = sortedCuts(rawX, window.x, window.x + window.width);
  const ys = sortedCuts(rawY, window.y, window.y + window.height);
  if (work) work.cuts += rawX.length + rawY.length;
  if ((xs.length - 1) * (ys.length - 1) > maxCells) return null;
  if (work) work.gridCells += (xs.length - 1) * (ys.length - 1);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const grid = {
    xs,
    ys,
    cols,
    rows,
    flags: new Uint8Array(cols * rows),
    flagCols: cols,
    colOf: identity(cols),
    rowOf: identity(rows),
    clipped: 0,
  };
  orMarks(grid, marks);
  return grid;
}

/** Merge extra cuts into sorted `base`; parent[i] is the base interval holding cut i. */
export function merge(base: Int32Array, extra: Int32Array): { at: Int32Array; parent: Int32Array } {
  const at = new Int32Array(base.length + extra.length);
  const parent = new Int32Array(base.length + extra.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < base.length || j < extra.length) {
    const b = base[i] ?? Number.POSITIVE_INFINITY;
    const e = extra[j] ?? Number.POSITIVE_INFINITY;
    const v = Math.min(b, e);
    if (b === v) i++;
    if (e === v) j++;
    at[n] = v;
    parent[n] = Math.max(0, i - 1);
    n++;
  }
  return { at: at.subarray(0, n), parent: parent.subarray(0, n) };
}

/**
 * `base` cut further at the edges of `extra` marks and at the pinned coordinates (each its
 * own column or row), with the extra marks' flags added; null when it would have more than
 * `maxCells` cells. Cutting a uniform cell leaves uniform pieces, so the base flags carry
 * over without looking at the base marks again: without extra marks the result shares
 * them (see CompressedGrid), with some it gets its own copy.
 */
export function refinedGrid(
  base: CompressedGrid,
  extra: readonly Mark[],
  pinnedX: readonly number[],
  pinnedY: readonly number[],
  maxCells = Number.POSITIVE_INFINITY,
  work: LayoutWork | null = null,
): CompressedGrid | null {
  const lastX = base.xs[base.cols] ?? 0;
  const lastY = base.ys[base.rows] ?? 0;
  const rawX = rawCuts(extra, true, pinnedX, []);
  const rawY = rawCuts(extra, false, pinnedY, []);
  const x = merge(base.xs, sortedCuts(rawX, base.xs[0] ?? 0, lastX));
  const cols = x.at.length - 1;
  if (work) work.cuts += rawX.length + base.xs.length;
  if (cols > maxCells) return null;
  const y = merge(base.ys, sortedCuts(rawY, base.ys[0] ?? 0, lastY));
  const rows = y.at.length - 1;
  if (work) work.cuts += rawY.length + base.ys.length;
  if (cols * rows > maxCells) return null;
  // where each new column and row takes its flags from in the base's flags
  const colOf = new Int32Array(cols);
  for (let c = 0; c < cols; c++) colOf[c] = base.colOf[x.parent[c] ?? 0] ?? 0;
  const rowOf = new Int32Array(rows);
  for (let r = 0; r < rows; r++) rowOf[r] = base.rowOf[y.parent[r] ?? 0] ?? 0;
  if (extra.length === 0) {
    if (work) work.gridCells += cols + rows;
    return {
      xs: x.at,
      ys: y.at,
      cols,
      rows,
      flags: base.flags,
      flagCols: base.flagCols,
      colOf,
      rowOf,
      clipped: base.clipped,
    };
  }
  if (work) work.gridCells += cols * rows;
  const flags = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const row = rowOf[r] ?? 0;
    // rows cut out of one base row (pinned rows around an end) are alike: copy the last
    if (r > 0 && row === rowOf[r - 1]) {
      flags.copyWithin(r * cols, (r - 1) * cols, r * cols);
      continue;
    }
    const from = row * base.flagCols;
    for (let c = 0; c < cols; c++) flags[r * cols + c] = base.flags[from + (colOf[c] ?? 0)] ?? 0;
  }
  const grid = {
    xs: x.at,
    ys: y.at,
    cols,
    rows,
    flags,
    flagCols: cols,
    colOf: identity(cols),
    rowOf: identity(rows),
    clipped: base.clipped,
  };
  orMarks(grid, extra);
  return grid;
}
