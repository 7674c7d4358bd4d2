import { internalError } from "../../core/linkplanError.js";
import { INWARD, OUTWARD, ringSide, type Side } from "./boxSides.js";
import { chainMarks } from "./chainMarks.js";
import { type CompressedGrid, compressedGrid } from "./compressedGrid.js";
import { corners } from "./corners.js";
import { DX, DY } from "./findRoute.js";
import { childUnder, commonAncestor, type LayoutNode } from "./layoutTree.js";
import type { LayoutWork } from "./layoutWork.js";
import { levelMarks, levelWindow } from "./levelMarks.js";
import { type LevelOverlay, levelOverlay, type OverlayView, trunkNumber } from "./levelOverlay.js";
import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";
import type { ScenePoint } from "./scene.js";
import type { SearchBuffers } from "./searchBuffers.js";
import type { End } from "./searchEnd.js";
import { type SearchLimits, searchWindow } from "./searchWindow.js";
import type { SegmentIndex } from "./segmentIndex.js";

/** A route through all levels in one search is tried on grids up to this size … */
const FLAT_CELLS = 16_384;
/** … and given up after expanding this many states (the route is then found level by level). */
const FLAT_BUDGET = 12_000;
/** A level whose compressed grid is at most this big routes around earlier edges … */
const SMALL_LEVEL_CELLS = 1_024;
/**
 * … on its grid cut further at those edges, up to this size, for this many states: each
 * edge in the level adds about two cuts a side, and a crowded corridor (shared-services'
 * ENIs into two services) needs them all; giving up meant ignoring every earlier edge and
 * sharing their segments (26 of 450 random scenes with FLAT_CELLS; 14 with these).
 */
const AVOIDING_CELLS = 65_536;
const AVOIDING_BUDGET = 40_000;
/**
 * A larger level keeps its earlier edges as flags on its grid (LevelOverlay) up to this
 * size: the accounts and regions of an organisation of tens of VPCs, and the top level of
 * a large one, its accounts laid out as tiles (2,000 VPCs: 2,806 cells). Past it routes go
 * blind, for speed: there the overlay's tries cost a third more states expanded.
 */
const OVERLAY_CELLS = 4096;

export interface RouteContext {
  placed: ReadonlyMap<LayoutNode, PlacedBox>;
  canvas: Rect;
  /** segments of the edges routed so far, as EdgeH / EdgeV marks */
  routed: SegmentIndex;
  /** window and its grid cut at the children's edges, of every level searched so far */
  levels: Map<LayoutNode, { window: Rect; grid: CompressedGrid }>;
  buffers: SearchBuffers;
  work: LayoutWork | null;
  /** the trunk of the edge being routed (see edgeTrunk): its cells may be shared */
  trunk: string | null;
  /** the edges routed so far across each large level (see LevelOverlay) */
  overlays: Map<LayoutNode, LevelOverlay>;
  /** a number for each trunk met (LevelOverlay's trunks) */
  trunkNumbers: Map<string, number>;
  /** where the edges routed so far end, per target box (their arrowheads) */
  arrivals: Map<PlacedBox, Set<number>>;
  /** the grid of the last one-search route tried, by its top and the ends' parents */
  lastChain: {
    top: LayoutNode;
    a: LayoutNode | null;
    b: LayoutNode | null;
    grid: CompressedGrid | null;
  } | null;
}

/** An edge's target as a search end, with the arrowheads earlier edges put on it. */
function targetEnd(ctx: RouteContext, target: LayoutNode): End {
  const box = boxOf(ctx, target);
  const arrivals = ctx.arrivals.get(box);
  return arrivals ? { kind: "box", box, inner: null, arrivals } : { kind: "box", box, inner: null };
}

function boxOf(ctx: RouteContext, n: LayoutNode): PlacedBox {
  const box = ctx.placed.get(n);
  if (!box) throw internalError("layout: edge end without a box");
  return box;
}

function levelOf(ctx: RouteContext, level: LayoutNode): { window: Rect; grid: CompressedGrid } {
  let entry = ctx.levels.get(level);
  if (!entry) {
    const window = levelWindow(level, boxOf(ctx, level), ctx.canvas);
    const grid = compressedGrid(
      window,
      levelMarks(level, window, ctx.placed),
      Number.POSITIVE_INFINITY,
      ctx.work,
    );
    if (!grid) throw internalError("layout: a level grid has no size limit");
    entry = { window, grid };
    ctx.levels.set(level, entry);
  }
  return entry;
}

/**
 * Route inside one level from `from` to `to`, every child of the level solid. On a small
 * level, earlier edges are avoided as in one search; on a larger one it goes for speed: its
 * grid is not cut at earlier edges (in crowded corridors, where every way is shared, that
 * costs long searches), which a level of up to OVERLAY_CELLS keeps as flags on its grid
 * instead (LevelOverlay); past that, earlier edges are not seen.
 */
function searchLevel(
  ctx: RouteContext,
  level: LayoutNode,
  from: End,
  to: End,
): ScenePoint[] | null {
  const { window, grid } = levelOf(ctx, level);
  const search = (
    routed: SegmentIndex | null,
    limits: SearchLimits,
    overlay: OverlayView | null = null,
  ): ScenePoint[] | null =>
    searchWindow(
      routed,
      routed ? ctx.trunk : null,
      ctx.work,
      ctx.buffers,
      window,
      grid,
      from,
      to,
      limits,
      overlay,
    );
  // a small level (every example's) keeps off the edges routed before, as one search does
  if (grid.cols * grid.rows <= SMALL_LEVEL_CELLS) {
    const limits = { maxCells: AVOIDING_CELLS, budget: AVOIDING_BUDGET, greedy: false };
    const route = search(ctx.routed, limits);
    if (route) return route;
  }
  const any = Number.POSITIVE_INFINITY;
  const limits = { maxCells: any, budget: any, greedy: true };
  if (grid.cols * grid.rows > OVERLAY_CELLS) return search(null, limits);
  const overlay = levelOverlay(ctx.overlays, level, grid);
  const trunk = trunkNumber(ctx.trunkNumbers, ctx.trunk ?? "");
  const route = search(null, limits, { flags: overlay.flags, trunks: overlay.trunks, trunk });
  if (route) overlay.mark(route, trunk);
  return route;
}

/** How many distinct values the sorted lists hold together. */
function distinctCount(lists: readonly Int32Array[]): number {
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) count++;
  return count;
}

/**
 * At least how many cells the grid through the top level and `openCount` open groups has,
 * from their own grids: every cut of theirs is one of its cuts but for those each side of
 * an open child's box (at most four a side each). A lower bound, from their cut lists
 * instead of every mark sorted: where the top level is laid out as tiles (a large
 * organisation's accounts) the grid through two accounts' groups is never small, and
 * building it to find out cost more than every search of the level.
 */
function leastChainCells(grids: readonly CompressedGrid[], openCount: number): number {
  const slack = 4 * openCount + 1;
  const cols = distinctCount(grids.map((g) => g.xs)) - slack;
  const rows = distinctCount(grids.map((g) => g.ys)) - slack;
  return Math.max(0, cols) * Math.max(0, rows);
}

/**
 * Route through every level at once inside `top`: the groups around the two ends are open
 * (their borders crossed straight), everything else solid. The best routes, but the grid
 * grows with the boxes along both ends' ancestry, so it is only tried while small.
 */
function flatRoute(
  ctx: RouteContext,
  top: LayoutNode,
  source: LayoutNode,
  target: LayoutNode,
): ScenePoint[] | null {
  const open = new Set<LayoutNode>();
  for (const end of [source, target]) {
    for (let n = end.parent; n && n !== top; n = n.parent) open.add(n);
  }
  // the top level's own boxes already make a big grid: do not build the larger one
  const { window, grid: level } = levelOf(ctx, top);
  if (4 * level.cols * level.rows > FLAT_CELLS) return null;
  // nor when an open group's own grid makes it too big: every cut of that grid is one of
  // the larger grid's, but for the two each side of an open child's box (at most two open
  // children), so this gives up exactly where building the grid would, without the cost
  for (const group of open) {
    const { grid } = levelOf(ctx, group);
    if (Math.max(0, grid.cols - 4) * Math.max(0, grid.rows - 4) > FLAT_CELLS) return null;
  }
  // the grid depends on the groups around the ends only: consecutive edges from one group
  // (all a VPC's endpoints to S3) share it
  const last = ctx.lastChain;
  let grid: CompressedGrid | null;
  if (last && last.top === top && last.a === source.parent && last.b === target.parent) {
    grid = last.grid;
  } else {
    const grids = [level, ...[...open].map((group) => levelOf(ctx, group).grid)];
    grid =
      leastChainCells(grids, open.size) > FLAT_CELLS
        ? null
        : compressedGrid(window, chainMarks(window, top, open, ctx.placed), FLAT_CELLS, ctx.work);
    ctx.lastChain = { top, a: source.parent, b: target.parent, grid };
  }
  if (!grid) return null;
  const from = { kind: "box", box: boxOf(ctx, source), inner: null } as const;
  const to = targetEnd(ctx, target);
  return searchWindow(ctx.routed, ctx.trunk, ctx.work, ctx.buffers, window, grid, from, to, {
    maxCells: FLAT_CELLS,
    budget: FLAT_BUDGET,
    greedy: false,
  });
}

/** The cell just inside `box`'s border next to `p`, a cell just outside it. */
function cellInside(box: Rect, p: ScenePoint): { x: number; y: number; side: Side } | null {
  const side = ringSide(box, p.x, p.y);
  if (side === null) return null;
  const d = INWARD[side];
  return { x: p.x + 2 * (DX[d] ?? 0), y: p.y + 2 * (DY[d] ?? 0), side };
}

/** Route from `end` (somewhere inside `level`) out to `goal`, a cell inside the level. */
function routeUp(
  ctx: RouteContext,
  end: LayoutNode,
  level: LayoutNode,
  goal: End,
): ScenePoint[] | null {
  const child = childUnder(level, end);
  if (!child) return null;
  const box = boxOf(ctx, child);
  const inner = child === end ? null : boxOf(ctx, end);
  const path = searchLevel(ctx, level, { kind: "box", box, inner }, goal);
  const first = path?.[0];
  if (!path || !first || child === end) return path;
  const port = cellInside(box, first);
  if (!port) return null;
  const rest = routeUp(ctx, end, child, {
    kind: "cell",
    x: port.x,
    y: port.y,
    dir: OUTWARD[port.side],
  });
  return rest ? [...rest, ...path] : null;
}

/** Route from `start`, a cell inside `level`, in to `end` (somewhere inside the level). */
function routeDown(
  ctx: RouteContext,
  end: LayoutNode,
  level: LayoutNode,
  start: End,
): ScenePoint[] | null {
  const child = childUnder(level, end);
  if (!child) return null;
  const box = boxOf(ctx, child);
  const inner = child === end ? null : boxOf(ctx, end);
  const path = searchLevel(
    ctx,
    level,
    start,
    child === end ? targetEnd(ctx, end) : { kind: "box", box, inner },
  );
  const last = path?.[path.length - 1];
  if (!path || !last || child === end) return path;
  const port = cellInside(box, last);
  if (!port) return null;
  const rest = routeDown(ctx, end, child, {
    kind: "cell",
    x: port.x,
    y: port.y,
    dir: INWARD[port.side],
  });
  return rest ? [...path, ...rest] : null;
}

/**
 * Route one edge: in one search through all levels when that is small enough, else level
 * by level. Level by level: at the lowest group holding both ends, search between the two
 * children holding them (each solid, its ring the terminals, a group's ring cells costed by
 * the way still to go inside it); then, inside each of those children, search between the
 * cell where the route crossed its border and the child holding the end, and so on down to
 * the ends themselves. Each search sees only one level's children, so its grid stays small
 * however big the diagram. Null when some level has no route, or when one end holds the
 * other.
 */
export function routeEdge(
  ctx: RouteContext,
  source: LayoutNode,
  target: LayoutNode,
): ScenePoint[] | null {
  if (source === target) {
    if (!source.parent) return null;
    const box = { kind: "box", box: boxOf(ctx, source), inner: null } as const;
    const loop = searchLevel(ctx, source.parent, box, box);
    return loop && corners(loop);
  }
  const top = commonAncestor(source, target);
  if (top === source || top === target) return null;
  const flat = flatRoute(ctx, top, source, target);
  if (flat) return corners(flat);
  const a = childUnder(top, source);
  const b = childUnder(top, target);
  if (!a || !b) return null;
  const aBox = boxOf(ctx, a);
  const bBox = boxOf(ctx, b);
  const middle = searchLevel(
    ctx,
    top,
    { kind: "box", box: aBox, inner: a === source ? null : boxOf(ctx, source) },
    b === target ? targetEnd(ctx, target) : { kind: "box", box: bBox, inner: boxOf(ctx, target) },
  );
  const first = middle?.[0];
  const last = middle?.[middle.length - 1];
  if (!middle || !first || !last) return null;
  let points = middle;
  if (a !== source) {
    const port = cellInside(aBox, first);
    const up =
      port &&
      routeUp(ctx, source, a, { kind: "cell", x: port.x, y: port.y, dir: OUTWARD[port.side] });
    if (!up) return null;
    points = [...up, ...points];
  }
  if (b !== target) {
    const port = cellInside(bBox, last);
    const down =
      port &&
      routeDown(ctx, target, b, { kind: "cell", x: port.x, y: port.y, dir: INWARD[port.side] });
    if (!down) return null;
    points = [...points, ...down];
  }
  return corners(points);
}
