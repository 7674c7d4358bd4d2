import { centre, clamp, facingSide, horizontal, INWARD, OUTWARD, SIDES } from "./boxSides.js";
import { DX, DY, RouteCost } from "./findRoute.js";
import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";
import { cellKey, type TerminalList } from "./terminalList.js";
import { titleRect } from "./titleRect.js";

/**
 * One end of a search inside a level: the ring of a child box (the edge's own end, or a
 * group holding it, `inner` being the end's box), or a single cell just inside the level's
 * border where the route crosses it, with the direction of travel there.
 */
export type End =
  | {
      kind: "box";
      box: PlacedBox;
      inner: Rect | null;
      /** an edge's own target: the cells (cellKey) where earlier edges' arrowheads point at it */
      arrivals?: ReadonlySet<number>;
    }
  | { kind: "cell"; x: number; y: number; dir: number };

/**
 * Cost of ending beside an earlier arrowhead on a box's top or bottom: one cell (8 px)
 * apart, two arrowheads read as one blot. Ending on the very cell joins its trunk instead.
 */
const CROWDED_ARROW = 200;

/** The extra cost of arriving at cell (x, y), given the arrowheads there already. */
function arrivalCost(arrivals: ReadonlySet<number>, x: number, y: number, along: boolean): number {
  if (arrivals.has(cellKey(x, y))) return 0;
  // side by side on a top or bottom (8 px); on a left or right side rows are 18 px apart
  return along && (arrivals.has(cellKey(x - 1, y)) || arrivals.has(cellKey(x + 1, y)))
    ? CROWDED_ARROW
    : 0;
}

/** The cells an end occupies (its box, or its single cell). */
export function boundsOf(end: End): Rect {
  return end.kind === "box" ? end.box : { x: end.x, y: end.y, width: 1, height: 1 };
}

/** Coordinates a search must be able to start or end on exactly. */
export function pins(end: End, other: Rect, xs: number[], ys: number[]): void {
  if (end.kind === "cell") {
    xs.push(end.x);
    ys.push(end.y);
    return;
  }
  const b = end.box;
  if (end.inner === null) {
    for (let x = b.x - 1; x <= b.x + b.width; x++) xs.push(x);
    for (let y = b.y - 1; y <= b.y + b.height; y++) ys.push(y);
    return;
  }
  for (const r of [end.inner, other]) {
    xs.push(clamp(centre(r.x, r.width), b.x, b.x + b.width - 1));
    ys.push(clamp(centre(r.y, r.height), b.y, b.y + b.height - 1));
  }
  // the ring's lines, the first and last cells beside each side (its corners left out),
  // and the row under a header where routes turn
  xs.push(b.x - 1, b.x + 1, b.x + b.width - 2, b.x + b.width);
  ys.push(b.y - 1, b.y + 1, b.y + 2, b.y + b.height - 2, b.y + b.height);
}

/** The first index of the sorted cuts `at` holding a value ≥ v (at.length when none does). */
function firstAtLeast(at: Int32Array, v: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The terminals of a box end, into `out`: its ring cells (all of them for the edge's own
 * end; for a group holding it, those on the grid's cuts `xs` / `ys`), leaving outward or
 * entering inward. An own end pays for meeting a side off its middle; a group pays for the
 * route still to go inside it (a distance estimate, a turn unless in line, the border, any
 * header text crossed); both pay for a side not facing the other end.
 */
export function boxTerminals(
  end: Extract<End, { kind: "box" }>,
  other: Rect,
  leaving: boolean,
  xs: Int32Array,
  ys: Int32Array,
  out: TerminalList,
): void {
  const b = end.box;
  const facing = facingSide(b, other);
  const title = end.inner === null ? null : titleRect(b);
  for (const side of SIDES) {
    const along = horizontal(side);
    const fixed =
      side === "top"
        ? b.y - 1
        : side === "bottom"
          ? b.y + b.height
          : side === "left"
            ? b.x - 1
            : b.x + b.width;
    // not beside the border's corners: the route meets the box square on
    const from = (along ? b.x : b.y) + 1;
    const to = (along ? b.x + b.width : b.y + b.height) - 2;
    const dir = leaving ? OUTWARD[side] : INWARD[side];
    const sidePenalty = side === facing ? 0 : RouteCost.otherSide;
    // every cell of the side from `from` to `to`, or the indices of the cuts among them
    const cuts = end.inner === null ? null : along ? xs : ys;
    const first = cuts ? firstAtLeast(cuts, from) : from;
    const last = cuts ? firstAtLeast(cuts, to + 1) : to + 1;
    for (let k = first; k < last; k++) {
      const v = cuts ? (cuts[k] ?? 0) : k;
      const x = along ? v : fixed;
      const y = along ? fixed : v;
      let cost = sidePenalty;
      if (end.inner === null) {
        cost += RouteCost.offCentre * Math.abs(v - centre(from, to - from + 1));
        if (!leaving && end.arrivals) cost += arrivalCost(end.arrivals, x, y, along);
      } else {
        // what the route still has to go inside the group, roughly
        const r = end.inner;
        const cx = x + 2 * (DX[INWARD[side]] ?? 0);
        const cy = y + 2 * (DY[INWARD[side]] ?? 0);
        const dx = Math.max(0, r.x - cx, cx - (r.x + r.width - 1));
        const dy = Math.max(0, r.y - cy, cy - (r.y + r.height - 1));
        const offset = along
          ? Math.abs(cx - centre(r.x, r.width))
          : Math.abs(cy - centre(r.y, r.height));
        const inLine = along ? dx === 0 : dy === 0;
        cost += dx + dy + RouteCost.border;
        cost += inLine ? RouteCost.offCentre * offset : RouteCost.turn;
        // the port (the cell inside the border) on the title: from above, or from a side
        // on the header row
        if (title && cy === title.y && cx >= title.x && cx < title.x + title.width)
          cost += RouteCost.titlePort;
      }
      out.push(x, y, dir ?? 0, cost);
    }
  }
}
