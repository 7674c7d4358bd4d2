import { type CompressedGrid, flagsAt, intervalOf, refinedGrid } from "./compressedGrid.js";
import { ESCAPED, findRoute, RouteCost } from "./findRoute.js";
import type { LayoutWork } from "./layoutWork.js";
import { CellFlag } from "./levelMarks.js";
import type { OverlayView } from "./levelOverlay.js";
import { type Rect, rectIntersection } from "./rect.js";
import type { ScenePoint } from "./scene.js";
import type { SearchBuffers } from "./searchBuffers.js";
import { boundsOf, boxTerminals, type End, pins } from "./searchEnd.js";
import type { SegmentIndex } from "./segmentIndex.js";
import type { TerminalList } from "./terminalList.js";
import { windowGrid } from "./windowGrid.js";

/**
 * A search keeping off a level's earlier edges (LevelOverlay) gives up after this many
 * states (then the route is searched as if they were not there): in a crowded level it
 * could search most of the grid for every edge (one VPC of 3,000 workload → endpoint pairs
 * took minutes uncapped; 1.8× the blind search's work at this cap). Organisations of 10–40
 * VPCs keep all their gain at 2,000 (at 1,000 a 20-VPC one shared 1,066 pair-steps, not 116).
 */
const OVERLAY_BUDGET = 2000;
/** Searches on grids larger than this (in compressed cells) weigh the heuristic to stay fast. */
const LARGE_GRID = 8192;
/**
 * Base columns and rows around the ends in the first window tried, and its growth. (With 8,
 * a third of the top-level searches of a 500-VPC organisation stepped out of the first
 * window and were run again: 10 % more states expanded in all; the routes are the same.)
 */
const FIRST_MARGIN = 16;
const MARGIN_GROWTH = 4;

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
 * A group's terminals (the ring of a box holding an end) where an earlier edge of another
 * trunk runs through the ring cell the way the route would cross the group's border there
 * cost two steps of overlap more: the search charges a route for the cells it enters, but
 * the steps between the ring cell and the port inside the border are the level below's,
 * and two edges leaving a group at one cell shared them (one search at each level, neither
 * seeing it: two of shared-services' ENIs left their subnet so).
 */
function chargeSharedCrossings(grid: CompressedGrid, out: TerminalList): void {
  for (let i = 0; i < out.size; i++) {
    const axis = (out.dir[i] ?? 0) >> 1;
    const flags = flagsAt(
      grid,
      intervalOf(grid.xs, out.x[i] ?? 0),
      intervalOf(grid.ys, out.y[i] ?? 0),
    );
    if (flags & (axis === 0 ? CellFlag.EdgeH : CellFlag.EdgeV)) {
      out.cost[i] = (out.cost[i] ?? 0) + 2 * RouteCost.overlap;
    }
  }
}

/**
 * Where a route may leave `end` (or arrive at it), on `grid`, into `out`; `edges`: the grid
 * holds earlier edges (see chargeSharedCrossings).
 */
function terminals(
  grid: CompressedGrid,
  end: End,
  other: Rect,
  leaving: boolean,
  out: TerminalList,
  edges: boolean,
): TerminalList {
  out.clear();
  if (end.kind === "box") {
    boxTerminals(end, other, leaving, grid.xs, grid.ys, out);
    if (edges && end.inner !== null) chargeSharedCrossings(grid, out);
  } else if (leaving) {
    out.push(end.x, end.y, end.dir, 0);
  } else {
    // arriving along the border (a child may stand right behind the cell) and turning out
    // through it costs a turn
    for (let dir = 0; dir < 4; dir++) {
      if (dir !== (end.dir ^ 1)) out.push(end.x, end.y, dir, dir === end.dir ? 0 : RouteCost.turn);
    }
  }
  return out;
}

/** The cells every terminal and pinned coordinate of `end` lies in (and one more). */
function spanOf(end: End): Rect {
  if (end.kind === "cell") return { x: end.x, y: end.y, width: 2, height: 2 };
  const b = end.box;
  return { x: b.x - 1, y: b.y - 1, width: b.width + 3, height: b.height + 3 };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * One search inside `window` from `from` to `to`, on `base` (the window compressed at the
 * boxes' edges) plus the edges routed so far that lie in the window (none when `routed` is
 * null); null when there is no route, the grid would be bigger or the search longer than
 * `limits` allow.
 *
 * A greedy search without earlier edges or size limit (a level of a big diagram) runs first
 * on windows of the grid around the two ends, widening while it steps out of them, and on
 * the whole grid only when it must: it finds the same route, for the cost of the space
 * it searches rather than of the level (see windowGrid).
 */
export function searchWindow(
  routed: SegmentIndex | null,
  trunk: string | null,
  work: LayoutWork | null,
  buffers: SearchBuffers,
  window: Rect,
  base: CompressedGrid,
  from: End,
  to: End,
  limits: SearchLimits,
  overlay: OverlayView | null = null,
): ScenePoint[] | null {
  const { maxCells } = limits;
  const fromBounds = boundsOf(from);
  const toBounds = boundsOf(to);
  const pinsX: number[] = [];
  const pinsY: number[] = [];
  pins(from, toBounds, pinsX, pinsY);
  pins(to, fromBounds, pinsX, pinsY);
  const searchOnce = (
    grid: CompressedGrid,
    weight: number,
    keepOff: OverlayView | null,
    edges = false,
  ) =>
    findRoute(
      {
        grid,
        window,
        starts: terminals(grid, from, toBounds, true, buffers.starts, edges),
        goals: terminals(grid, to, fromBounds, false, buffers.goals, edges),
        weight,
        budget: keepOff ? Math.min(limits.budget, OVERLAY_BUDGET) : limits.budget,
        work,
        overlay: keepOff,
      },
      buffers,
    );
  // keeping off earlier edges (an overlay) may cost a crowded level most of its grid: it is
  // tried once, in the first grid searched, for OVERLAY_BUDGET states;
  // when that fails or steps out of the grid, the route is found as if they were not there
  let keepOff = overlay;
  const search = (grid: CompressedGrid, weight: number, edges = false) => {
    const tried = keepOff ? searchOnce(grid, weight, keepOff) : null;
    keepOff = null;
    return tried !== null && tried !== ESCAPED ? tried : searchOnce(grid, weight, null, edges);
  };
  if (routed === null && limits.greedy && maxCells === Number.POSITIVE_INFINITY) {
    const span = union(spanOf(from), spanOf(to));
    for (let margin = FIRST_MARGIN; ; margin *= MARGIN_GROWTH) {
      const part = windowGrid(base, pinsX, pinsY, span, margin, work);
      if (!part) break;
      const route = search(part, 2);
      if (route !== ESCAPED) return route;
    }
  }
  const pinned = refinedGrid(base, [], pinsX, pinsY, maxCells, work);
  if (!pinned) return null;
  // earlier edges add about two cuts a line each: when the grid is bound to be too big,
  // stop before building it (or before finding them all)
  const fits = (n: number): boolean => (pinned.cols + 2 * n) * (pinned.rows + 2 * n) <= maxCells;
  if (!fits(0)) return null;
  let most = 0;
  if (maxCells === Number.POSITIVE_INFINITY) most = Number.POSITIVE_INFINITY;
  else while (fits(most + 1)) most++;
  const near = routed ? routed.within(window, most, trunk) : [];
  if (!near) return null;
  for (let i = 0; i < near.length; i++) {
    const m = near[i];
    if (m) {
      const r = rectIntersection(m, window);
      near[i] = { x: r.x, y: r.y, width: r.width, height: r.height, flag: m.flag };
    }
  }
  const grid = near.length > 0 ? refinedGrid(pinned, near, [], [], maxCells, work) : pinned;
  if (!grid) return null;
  const weight = limits.greedy || grid.cols * grid.rows > LARGE_GRID ? 2 : 1;
  const route = search(grid, weight, near.length > 0);
  return route === ESCAPED ? null : route;
}
