import type { LayoutNode } from "./layoutTree.js";
import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";
import { type RouteContext, routeEdge } from "./routeEdge.js";
import type { ScenePoint } from "./scene.js";
import { cellKey } from "./terminalList.js";
import { forEachUnitStep } from "./unitSteps.js";

/** Diagrams with at most this many edges get the second pass (each edge a search or two more). */
export const REROUTE_EDGES = 64;

/** One routed edge as the second pass sees it. */
export interface RoutedEdge {
  source: LayoutNode;
  target: LayoutNode;
  targetBox: PlacedBox;
  trunk: string;
  points: ScenePoint[];
  /** its segments' numbers in the context's SegmentIndex */
  segments: number[];
}

/** Cells around the canvas a point may lie in (a fallback route ends one cell off a box). */
const PAD = 8;

/**
 * The unit steps of a polyline, each keyed by its first cell (left or top) and its axis,
 * distinct for points up to PAD cells outside the canvas.
 */
function stepKeys(points: readonly ScenePoint[], canvas: Rect): number[] {
  const span = canvas.width + 2 * PAD;
  const keys: number[] = [];
  forEachUnitStep(points, (x, y, down) => {
    keys.push(((y - canvas.y + PAD) * span + (x - canvas.x + PAD)) * 2 + down);
    return true;
  });
  return keys;
}

/** Which edges run along each unit step. */
class StepOwners {
  private readonly owners = new Map<number, number[]>();

  constructor(
    private readonly edges: readonly RoutedEdge[],
    private readonly canvas: Rect,
  ) {
    edges.forEach((edge, i) => this.add(i, edge.points));
  }

  add(i: number, points: readonly ScenePoint[]): void {
    for (const key of new Set(stepKeys(points, this.canvas))) {
      const list = this.owners.get(key);
      if (list) list.push(i);
      else this.owners.set(key, [i]);
    }
  }

  delete(i: number, points: readonly ScenePoint[]): void {
    for (const key of new Set(stepKeys(points, this.canvas))) {
      const list = this.owners.get(key);
      const at = list ? list.indexOf(i) : -1;
      if (list && at >= 0) list.splice(at, 1);
    }
  }

  /** The unit steps of `points` that an edge of another trunk than edge `i`'s also runs along. */
  shared(i: number, points: readonly ScenePoint[]): number {
    const trunk = this.edges[i]?.trunk;
    let n = 0;
    for (const key of new Set(stepKeys(points, this.canvas))) {
      const list = this.owners.get(key);
      if (list?.some((j) => j !== i && this.edges[j]?.trunk !== trunk)) n++;
    }
    return n;
  }
}

/** The arrowheads of the edges into `box`, but edge `skip`'s. */
function arrivalsInto(edges: readonly RoutedEdge[], box: PlacedBox, skip: number): Set<number> {
  const heads = new Set<number>();
  edges.forEach((edge, i) => {
    const head = edge.points[edge.points.length - 1];
    if (i !== skip && edge.targetBox === box && head) heads.add(cellKey(head.x, head.y));
  });
  return heads;
}

/**
 * The second pass of a small diagram: an edge that still runs along an edge of another
 * trunk for some unit steps (it was routed before the other one, which then had no way
 * around it) is taken out and routed again, now seeing every other edge; the new route is
 * kept when it shares fewer steps, else the old one goes back. Changes `edges` in place.
 */
export function rerouteShared(ctx: RouteContext, edges: RoutedEdge[]): void {
  if (edges.length > REROUTE_EDGES) return;
  const owners = new StepOwners(edges, ctx.canvas);
  edges.forEach((edge, i) => {
    const before = owners.shared(i, edge.points);
    if (before === 0) return;
    for (const s of edge.segments) ctx.routed.remove(s);
    owners.delete(i, edge.points);
    ctx.trunk = edge.trunk;
    ctx.arrivals.set(edge.targetBox, arrivalsInto(edges, edge.targetBox, i));
    const again = routeEdge(ctx, edge.source, edge.target);
    const kept = again && owners.shared(i, again) < before ? again : edge.points;
    if (kept === again) edge.points = again;
    edge.segments = ctx.routed.addRoute(edge.points, edge.trunk);
    owners.add(i, edge.points);
    ctx.arrivals.set(edge.targetBox, arrivalsInto(edges, edge.targetBox, -1));
  });
}
