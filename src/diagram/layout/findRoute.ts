import { Clipped, type CompressedGrid, flagsAt, intervalOf } from "./compressedGrid.js";
import type { LayoutWork } from "./layoutWork.js";
import { CellFlag } from "./levelMarks.js";
import type { OverlayView } from "./levelOverlay.js";
import type { Rect } from "./rect.js";
import type { ScenePoint } from "./scene.js";
import type { SearchBuffers } from "./searchBuffers.js";
import type { TerminalList } from "./terminalList.js";

/** Costs of routing, per cell of length unless said otherwise. */
export const RouteCost = {
  /** once per change of direction */
  turn: 12,
  /** a cell right next to a box */
  near: 1,
  /** a cell of a group's title (its header text and the cell each side of it) */
  header: 400,
  /**
   * a cell where an earlier edge runs the same way (an earlier edge drawn alike into the
   * same box, CellFlag.Related, costs nothing: the two join in a trunk)
   */
  overlap: 12,
  /** a cell an earlier edge crosses */
  cross: 2,
  /**
   * once per cell of a large level's grid (not by its length) where an earlier edge of
   * another trunk runs the same way (LevelOverlay): by length, long cells of a 500-VPC
   * organisation made its searches 3.7× longer; at 12 a cell a 20-VPC organisation at detail
   * azs still shared 26,762 unit steps between pairs of edges, at 30 8,332 (41,912 with no
   * overlay), for 7.5 % more states expanded at 100 VPCs and 12 % at 500
   */
  overlapCell: 30,
  /** once per group border crossed (straight through) */
  border: 4,
  /** once, for leaving or entering a box by a side other than the one facing the other end */
  otherSide: 30,
  /** once, per cell between where an edge meets a side and that side's middle */
  offCentre: 2,
  /**
   * once, for going into a group through its title (from above, or from a side on the
   * header row): the route inside would start on the text, and the level-by-level search
   * cannot take it back, so any way round the group is better (at 400, a detour of about
   * that length lost to the title: 1 random scene in 400 crossed one)
   */
  titlePort: 2000,
} as const;

/** Directions of travel: 0 right, 1 left, 2 down, 3 up (d ^ 1 is the reverse). */
export const Dir = { Right: 0, Left: 1, Down: 2, Up: 3 } as const;
export const DX = [1, -1, 0, 0] as const;
export const DY = [0, 0, 1, -1] as const;

export interface RouteQuery {
  grid: CompressedGrid;
  window: Rect;
  /**
   * where a route may begin (leaving a cell) and end (entering one), with what that costs
   * on top of the route; every terminal's cell must be a cut of the grid (its own column
   * and row)
   */
  starts: TerminalList;
  goals: TerminalList;
  /** heuristic weight: 1 finds the cheapest route, more trades optimality for speed */
  weight: number;
  /** give up (null) after expanding this many states */
  budget: number;
  /** counts the search and the states it expands */
  work?: LayoutWork | null;
  /**
   * earlier edges on the level whose grid `grid` is cut from (indexed like its flags):
   * their cells cost as EdgeH / EdgeV unless of the trunk searched (see LevelOverlay)
   */
  overlay?: OverlayView | null;
}

/** priority = f × KEY + h: among equal f, prefer states nearer the goals */
const KEY = 65_536;

const BLOCKED = CellFlag.Blocked;
const BORDER_H = CellFlag.BorderH;
const BORDER_V = CellFlag.BorderV;

/** Extra cost of stepping into a cell with `flags` along `axis` (0 horizontal). */
function penaltyOf(flags: number, axis: number): number {
  let p = 0;
  if (flags & CellFlag.Near) p += RouteCost.near;
  if (flags & (BORDER_H | BORDER_V)) p += RouteCost.border;
  if (flags & CellFlag.Header) p += RouteCost.header;
  if (flags & (axis === 0 ? CellFlag.EdgeH : CellFlag.EdgeV)) p += RouteCost.overlap;
  else if (flags & (CellFlag.EdgeH | CellFlag.EdgeV)) p += RouteCost.cross;
  return p;
}

/** penaltyOf for every flags byte: PENALTY[axis * 256 + flags] (a constant table). */
const PENALTY = Int32Array.from({ length: 512 }, (_, i) => penaltyOf(i & 255, i >> 8));

/**
 * What findRoute answers when the search, on a grid clipped out of a larger one, would
 * step past a clipped side: only the larger grid can tell.
 */
export const ESCAPED = "escaped";

/**
 * A* on a compressed grid, from any start terminal to any goal terminal. A step costs its
 * length in cells plus per-cell penalties (next to boxes, on header text, on earlier
 * edges — more along them than across), plus RouteCost.turn when it changes direction;
 * routes never reverse, never enter blocked cells, and cross borders only straight.
 * Returns the points of the route (start cell, every cell where it turns, goal cell; one
 * point when a start is itself a goal), null when there is none, or ESCAPED when the grid
 * is clipped (see CompressedGrid) and the search would step past a clipped side: up to
 * that step it has done exactly what it would on the whole grid.
 */
export function findRoute(
  query: RouteQuery,
  buffers: SearchBuffers,
): ScenePoint[] | null | typeof ESCAPED {
  const work = query.work;
  if (!work) return search(query, buffers);
  const before = buffers.expanded;
  const route = search(query, buffers);
  work.searches += 1;
  work.expansions += buffers.expanded - before;
  return route;
}

function search(query: RouteQuery, buffers: SearchBuffers): ScenePoint[] | null | typeof ESCAPED {
  const { grid, window: win, weight } = query;
  const overlay = query.overlay ?? null;
  const { xs, ys, cols, rows, flags, flagCols, colOf, rowOf, clipped } = grid;
  buffers.prepare(4 * cols * rows + 1);
  const { cost, from, seen, closed, goal, goalSeen, heap, generation: gen } = buffers;
  const sink = 4 * cols * rows;
  const stateOf = (x: number, y: number, dir: number): number =>
    (intervalOf(ys, y) * cols + intervalOf(xs, x)) * 4 + dir;
  const flagsOf = (state: number): number => {
    const cell = state >> 2;
    return flagsAt(grid, cell % cols, Math.floor(cell / cols));
  };
  const inside = (x: number, y: number): boolean =>
    x >= win.x && y >= win.y && x < win.x + win.width && y < win.y + win.height;

  // the cost of ending at each goal state (the cheapest of its terminals), in the buffers
  const goalCost = (state: number): number | undefined =>
    goalSeen[state] === gen ? goal[state] : undefined;
  let goals = 0;
  // every route ends paying at least the cheapest goal's cost, so the priority adds it to
  // the estimate below: still a lower bound, so a search of weight 1 finds routes as cheap
  // as before (13 % fewer states expanded on a 100- or 500-VPC organisation); a weighted
  // one may stop sooner, within its bound
  let cheapestGoal = Number.POSITIVE_INFINITY;
  let gx0 = Number.POSITIVE_INFINITY;
  let gy0 = Number.POSITIVE_INFINITY;
  let gx1 = Number.NEGATIVE_INFINITY;
  let gy1 = Number.NEGATIVE_INFINITY;
  const ends = query.goals;
  for (let i = 0; i < ends.size; i++) {
    const x = ends.x[i] ?? 0;
    const y = ends.y[i] ?? 0;
    const tCost = ends.cost[i] ?? 0;
    if (!inside(x, y)) continue;
    const state = stateOf(x, y, ends.dir[i] ?? 0);
    if (flagsOf(state) & BLOCKED) continue;
    if ((goalCost(state) ?? Number.POSITIVE_INFINITY) <= tCost) continue;
    goalSeen[state] = gen;
    goal[state] = tCost;
    goals++;
    cheapestGoal = Math.min(cheapestGoal, tCost);
    gx0 = Math.min(gx0, x);
    gy0 = Math.min(gy0, y);
    gx1 = Math.max(gx1, x);
    gy1 = Math.max(gy1, y);
  }
  if (goals === 0) return null;
  // distance to the goals' bounding box plus the turns any route must still make: one
  // when off in both axes, two when heading away (admissible and consistent)
  const estimate = (x: number, y: number, dir: number): number => {
    const wantX = x < gx0 ? Dir.Right : x > gx1 ? Dir.Left : -1;
    const wantY = y < gy0 ? Dir.Down : y > gy1 ? Dir.Up : -1;
    let turns = 0;
    if (wantX >= 0 && wantY >= 0) turns = dir === wantX || dir === wantY ? 1 : 2;
    else if (wantX >= 0) turns = dir === wantX ? 0 : dir === (wantX ^ 1) ? 2 : 1;
    else if (wantY >= 0) turns = dir === wantY ? 0 : dir === (wantY ^ 1) ? 2 : 1;
    const distance = Math.max(0, gx0 - x, x - gx1) + Math.max(0, gy0 - y, y - gy1);
    return Math.min(KEY - 1, distance + turns * RouteCost.turn);
  };
  const offerSink = (state: number, total: number): void => {
    if (seen[sink] !== gen || total < (cost[sink] ?? 0)) {
      seen[sink] = gen;
      cost[sink] = total;
      from[sink] = state;
      heap.push(total * KEY, sink);
    }
  };

  const starts = query.starts;
  for (let i = 0; i < starts.size; i++) {
    const x = starts.x[i] ?? 0;
    const y = starts.y[i] ?? 0;
    const dir = starts.dir[i] ?? 0;
    const tCost = starts.cost[i] ?? 0;
    if (!inside(x, y)) continue;
    const state = stateOf(x, y, dir);
    if (flagsOf(state) & (BLOCKED | BORDER_H | BORDER_V)) continue;
    if (seen[state] === gen && (cost[state] ?? 0) <= tCost) continue;
    seen[state] = gen;
    cost[state] = tCost;
    from[state] = -1;
    const h = estimate(x, y, dir);
    heap.push((tCost + weight * (h + cheapestGoal)) * KEY + h, state);
    const extra = goalCost(state);
    if (extra !== undefined) offerSink(state, tCost + extra);
  }

  let budget = query.budget;
  while (heap.size > 0) {
    const state = heap.pop();
    if (closed[state] === gen) continue;
    closed[state] = gen;
    buffers.expanded++;
    if (--budget < 0) return null;
    if (state === sink) {
      const points: ScenePoint[] = [];
      for (let s = from[sink] ?? -1; s >= 0; s = from[s] ?? -1) {
        const cell = s >> 2;
        points.push({ x: xs[cell % cols] ?? 0, y: ys[Math.floor(cell / cols)] ?? 0 });
      }
      return points.reverse();
    }
    const cell = state >> 2;
    const dir = state & 3;
    const ci = cell % cols;
    const cj = (cell - ci) / cols;
    const g = cost[state] ?? 0;
    const here = flags[(rowOf[cj] ?? 0) * flagCols + (colOf[ci] ?? 0)] ?? 0;
    for (let d = 0; d < 4; d++) {
      if (d === (dir ^ 1)) continue;
      const ni = ci + (DX[d] ?? 0);
      const nj = cj + (DY[d] ?? 0);
      if (ni < 0 || nj < 0 || ni >= cols || nj >= rows) {
        const side =
          ni < 0
            ? Clipped.Left
            : ni >= cols
              ? Clipped.Right
              : nj < 0
                ? Clipped.Top
                : Clipped.Bottom;
        if (clipped & side) return ESCAPED;
        continue;
      }
      const next = nj * cols + ni;
      const thereAt = (rowOf[nj] ?? 0) * flagCols + (colOf[ni] ?? 0);
      const there = flags[thereAt] ?? 0;
      if (there & BLOCKED) continue;
      const axis = d >> 1;
      if ((here | there) & (axis === 0 ? BORDER_H : BORDER_V)) continue;
      const nextState = next * 4 + d;
      if (closed[nextState] === gen) continue;
      const nx = xs[ni] ?? 0;
      const ny = ys[nj] ?? 0;
      const length = axis === 0 ? Math.abs(nx - (xs[ci] ?? 0)) : Math.abs(ny - (ys[cj] ?? 0));
      let c = g + (axis !== dir >> 1 ? RouteCost.turn : 0);
      // right and down cross the rest of this cell then enter the next one; left and up
      // cross the whole next cell
      const enter = PENALTY[(axis << 8) | there] ?? 0;
      if (d === Dir.Right || d === Dir.Down) {
        c += (length - 1) * (1 + (PENALTY[(axis << 8) | here] ?? 0)) + 1 + enter;
      } else {
        c += length * (1 + enter);
      }
      // an earlier edge of another trunk along this cell of a large level (see LevelOverlay)
      if (
        overlay &&
        overlay.trunks[thereAt] !== overlay.trunk &&
        (overlay.flags[thereAt] ?? 0) & (axis === 0 ? CellFlag.EdgeH : CellFlag.EdgeV)
      ) {
        c += RouteCost.overlapCell;
      }
      if (seen[nextState] !== gen || c < (cost[nextState] ?? 0)) {
        seen[nextState] = gen;
        cost[nextState] = c;
        from[nextState] = state;
        const h = estimate(nx, ny, d);
        heap.push((c + weight * (h + cheapestGoal)) * KEY + h, nextState);
        if (h === 0) {
          const extra = goalCost(nextState);
          if (extra !== undefined) offerSink(nextState, c + extra);
        }
      }
    }
  }
  return null;
}
