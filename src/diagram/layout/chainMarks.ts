import type { LayoutNode } from "./layoutTree.js";
import { CellFlag, type Mark, pushCells, pushMark, pushSolid } from "./levelMarks.js";
import type { PlacedBox } from "./positionBoxes.js";
import { type Rect, rectsIntersect } from "./rect.js";
import { titleRect } from "./titleRect.js";

function pushBorder(marks: Mark[], window: Rect, b: Rect): void {
  const right = b.x + b.width - 1;
  const bottom = b.y + b.height - 1;
  const { BorderH, BorderV, Blocked } = CellFlag;
  pushCells(marks, window, b.x + 1, b.y, b.width - 2, 1, BorderH);
  pushCells(marks, window, b.x + 1, bottom, b.width - 2, 1, BorderH);
  pushCells(marks, window, b.x, b.y + 1, 1, b.height - 2, BorderV);
  pushCells(marks, window, right, b.y + 1, 1, b.height - 2, BorderV);
  // the corners
  pushCells(marks, window, b.x, b.y, 1, 1, Blocked);
  pushCells(marks, window, right, b.y, 1, 1, Blocked);
  pushCells(marks, window, b.x, bottom, 1, 1, Blocked);
  pushCells(marks, window, right, bottom, 1, 1, Blocked);
}

function pushHeader(marks: Mark[], window: Rect, b: PlacedBox): void {
  const header = titleRect(b);
  pushMark(marks, window, header, CellFlag.Header);
}

/**
 * The marks for one search through several levels at once, inside `top`: the groups in
 * `open` (those around the edge's two ends, below `top`) have borders crossed only
 * straight (corners solid) and costly header text, and their children are looked at in
 * turn; every other box under `top` is solid with a costly ring, its inside never looked
 * at. The work is the children of `top` and of the open groups.
 */
export function chainMarks(
  window: Rect,
  top: LayoutNode,
  open: ReadonlySet<LayoutNode>,
  placed: ReadonlyMap<LayoutNode, PlacedBox>,
): Mark[] {
  const marks: Mark[] = [];
  const topBox = placed.get(top);
  if (topBox && top.data.type !== "root") pushHeader(marks, window, topBox);
  const stack: LayoutNode[] = [top];
  for (let group = stack.pop(); group; group = stack.pop()) {
    for (const child of group.children ?? []) {
      const box = placed.get(child);
      if (!box || !rectsIntersect(box, window)) continue;
      if (open.has(child) && child.data.type === "group") {
        pushBorder(marks, window, box);
        pushHeader(marks, window, box);
        stack.push(child);
      } else {
        pushSolid(marks, window, box);
      }
    }
  }
  return marks;
}
