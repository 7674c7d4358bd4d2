import type { LayoutNode } from "./layoutTree.js";
import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";
import { titleRect } from "./titleRect.js";

/** Bits of a cell as the edge router sees it. */
export const CellFlag = {
  /** inside a box: never entered */
  Blocked: 1,
  /** top or bottom border of a group around an end: crossed vertically only */
  BorderH: 32,
  /** left or right border of a group around an end: crossed horizontally only */
  BorderV: 64,
  /** right next to a box (costs extra) */
  Near: 2,
  /** on a group's header text (costs extra) */
  Header: 4,
  /** an earlier edge runs through horizontally / vertically (costs extra) */
  EdgeH: 8,
  EdgeV: 16,
  /**
   * an earlier edge drawn alike into the same box runs through (free: edges into one box
   * may run together as one trunk)
   */
  Related: 128,
} as const;

/** A rectangle of cells sharing a flag. */
export interface Mark extends Rect {
  flag: number;
}

/**
 * Append the cells x…x+width−1 × y…y+height−1 clipped to `window` (nothing when they do not
 * meet), with no rectangle made but the mark.
 */
export function pushCells(
  marks: Mark[],
  window: Rect,
  x: number,
  y: number,
  width: number,
  height: number,
  flag: number,
): void {
  const x0 = Math.max(x, window.x);
  const y0 = Math.max(y, window.y);
  const right = Math.min(x + width, window.x + window.width);
  const bottom = Math.min(y + height, window.y + window.height);
  // build marks with one fixed shape: spreading rects of different shapes makes every
  // later property read megamorphic (measured: 2,000 hidden classes, 3× slower layout)
  if (right > x0 && bottom > y0)
    marks.push({ x: x0, y: y0, width: right - x0, height: bottom - y0, flag });
}

/** Append `rect` clipped to `window` (nothing when they do not meet). */
export function pushMark(marks: Mark[], window: Rect, rect: Rect, flag: number): void {
  pushCells(marks, window, rect.x, rect.y, rect.width, rect.height, flag);
}

/** A solid box: blocked, with a costly ring of cells around it. */
export function pushSolid(marks: Mark[], window: Rect, b: Rect): void {
  pushCells(marks, window, b.x, b.y, b.width, b.height, CellFlag.Blocked);
  const near = CellFlag.Near;
  pushCells(marks, window, b.x - 1, b.y - 1, b.width + 2, 1, near);
  pushCells(marks, window, b.x - 1, b.y + b.height, b.width + 2, 1, near);
  pushCells(marks, window, b.x - 1, b.y, 1, b.height, near);
  pushCells(marks, window, b.x + b.width, b.y, 1, b.height, near);
}

/** The cells a route inside `level` may use: its interior, or the whole canvas at the root. */
export function levelWindow(level: LayoutNode, box: Rect, canvas: Rect): Rect {
  if (level.data.type === "root") return canvas;
  return { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
}

/**
 * What a route running inside `level` (between two of its children, or between a child and
 * a cell of the level's own border) must respect: every child is solid, with a costly ring
 * around it, and the level's header text is costly. Children's insides are not looked at:
 * routes go into a child by a separate search inside it.
 */
export function levelMarks(
  level: LayoutNode,
  window: Rect,
  placed: ReadonlyMap<LayoutNode, PlacedBox>,
): Mark[] {
  const marks: Mark[] = [];
  const box = placed.get(level);
  if (box && level.data.type !== "root") {
    pushMark(marks, window, titleRect(box), CellFlag.Header);
  }
  for (const child of level.children ?? []) {
    const b = placed.get(child);
    if (b) pushSolid(marks, window, b);
  }
  return marks;
}
