import type { ScenePoint } from "../scene.js";
import { type CompressedGrid, intervalOf, refinedGrid } from "./compressedGrid.js";
import { findRoute, RouteCost, type Terminal } from "./findRoute.js";
import type { Mark } from "./levelMarks.js";
import { type Rect, rectIntersection, rectsIntersect } from "./rect.js";
import type { SearchBuffers } from "./searchBuffers.js";
import { boundsOf, boxTerminals, type End, pins } from "./searchEnd.js";

/** Searches on grids larger than this (in compressed cells) weigh the heuristic to stay fast. */
const LARGE_GRID = 8192;

/** How much a search may cost. */
export interface SearchLimits {
  /** give up (null) when the compressed grid would have more cells */
  maxCells: number;
  /** give up after expanding this many states */
  budget: number;
  /** always weigh the heuristic (faster, routes a little longer) */
  greedy: boolean;
}

/**
 * One search inside `window` from `from` to `to`, on `base` (the window compressed at the
 * boxes' edges) plus the edges routed so far; null when there is no route, the grid would
 * be bigger or the search longer than `limits` allow.
 */
export function searchWindow(
  routed: readonly Mark[],
  buffers: SearchBuffers,
  window: Rect,
  base: CompressedGrid,
  from: End,
  to: End,
  limits: SearchLimits,
): ScenePoint[] | null {
  const { maxCells } = limits;
  const fromBounds = boundsOf(from);
  const toBounds = boundsOf(to);
  const pinsX: number[] = [];
  const pinsY: number[] = [];
  pins(from, toBounds, pinsX, pinsY);
  pins(to, fromBounds, pinsX, pinsY);
  const pinned = refinedGrid(base, [], pinsX, pinsY, maxCells);
  if (!pinned) return null;
  const near = routed.filter((m) => rectsIntersect(m, window));
  // earlier edges add about two cuts a line each: when the grid is bound to be too big,
  // stop before building it
  const extra = 2 * near.length;
  if ((pinned.cols + extra) * (pinned.rows + extra) > maxCells) return null;
  for (let i = 0; i < near.length; i++) {
    const m = near[i];
    if (m) {
      const r = rectIntersection(m, window);
      near[i] = { x: r.x, y: r.y, width: r.width, height: r.height, flag: m.flag };
    }
  }
  const grid = near.length > 0 ? refinedGrid(pinned, near, [], [], maxCells) : pinned;
  if (!grid) return null;
  // the cuts from a to b (a is pinned): where a route may meet a group's side
  const cutsBetween = (at: Int32Array, a: number, b: number): number[] => {
    const out: number[] = [];
    for (let i = intervalOf(at, a); i < at.length && (at[i] ?? 0) <= b; i++) {
      const v = at[i] ?? a;
      if (v >= a) out.push(v);
    }
    return out;
  };
  const colsAt = (a: number, b: number): number[] => cutsBetween(grid.xs, a, b);
  const rowsAt = (a: number, b: number): number[] => cutsBetween(grid.ys, a, b);
  const terminals = (end: End, other: Rect, leaving: boolean): Terminal[] =>
    end.kind === "box"
      ? boxTerminals(end, other, leaving, colsAt, rowsAt)
      : leaving
        ? [{ x: end.x, y: end.y, dir: end.dir, cost: 0 }]
        : // arriving along the border (a child may stand right behind the cell) and turning
          // out through it costs a turn
          [0, 1, 2, 3]
            .filter((dir) => dir !== (end.dir ^ 1))
            .map((dir) => ({
              x: end.x,
              y: end.y,
              dir,
              cost: dir === end.dir ? 0 : RouteCost.turn,
            }));
  return findRoute(
    {
      grid,
      window,
      starts: terminals(from, toBounds, true),
      goals: terminals(to, fromBounds, false),
      weight: limits.greedy || grid.cols * grid.rows > LARGE_GRID ? 2 : 1,
      budget: limits.budget,
    },
    buffers,
  );
}
