import { displayWidth } from "../../core/displayWidth.js";
import type { DiagramEdge } from "../graph/diagramGraph.js";
import { cleanLabel } from "../text/cleanLabel.js";
import { facingSide, type Side } from "./boxSides.js";
import { markBoxes, markLabel, markPath } from "./canvasCells.js";
import { edgeTrunk } from "./edgeTrunk.js";
import type { LayoutNode, LayoutTree } from "./layoutTree.js";
import type { LayoutWork } from "./layoutWork.js";
import { placeLabel } from "./placeLabel.js";
import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";
import { type RoutedEdge, rerouteShared } from "./rerouteShared.js";
import { type RouteContext, routeEdge } from "./routeEdge.js";
import type { SceneBox, SceneEdge, ScenePoint } from "./scene.js";
import { SearchBuffers } from "./searchBuffers.js";
import { SegmentIndex } from "./segmentIndex.js";
import { cellKey } from "./terminalList.js";

/** Edge labels are cut to this many cells. */
const MAX_EDGE_LABEL_CELLS = 20;

/** The middle cell just outside a side of `r`. */
function sideMiddle(r: Rect, side: Side): ScenePoint {
  const x = r.x + Math.floor((r.width - 1) / 2);
  const y = r.y + Math.floor((r.height - 1) / 2);
  if (side === "top") return { x, y: r.y - 1 };
  if (side === "bottom") return { x, y: r.y + r.height };
  if (side === "left") return { x: r.x - 1, y };
  return { x: r.x + r.width, y };
}

/**
 * The fallback when no route is found (free space inside a group is connected, so this
 * is for edges between a group and something inside it): an L from the middle of the
 * source's side facing the target to the middle of the target's side facing the source,
 * ignoring obstacles.
 */
function straightPath(s: Rect, t: Rect): ScenePoint[] {
  const start = sideMiddle(s, facingSide(s, t));
  const endSide = facingSide(t, s);
  const end = sideMiddle(t, endSide);
  const bend =
    endSide === "top" || endSide === "bottom" ? { x: end.x, y: start.y } : { x: start.x, y: end.y };
  return [start, bend, end].filter(
    (p, i, all) => i === 0 || p.x !== all[i - 1]?.x || p.y !== all[i - 1]?.y,
  );
}

/**
 * Route every edge whose two ends exist (edges naming an unknown id are left out), in
 * input order so later edges see and avoid earlier ones; `firstPass` sees them so routed,
 * before a small diagram's edges that still share a segment are routed again
 * (rerouteShared). Labels are placed once all edges are routed, so they avoid every edge.
 */
export function routeEdges(
  edges: readonly DiagramEdge[],
  tree: LayoutTree,
  placed: ReadonlyMap<LayoutNode, PlacedBox>,
  boxes: readonly SceneBox[],
  canvas: Rect,
  work: LayoutWork | null = null,
  firstPass?: (edges: readonly SceneEdge[]) => void,
): SceneEdge[] {
  const ctx: RouteContext = {
    placed,
    canvas,
    routed: new SegmentIndex(canvas, work),
    levels: new Map(),
    buffers: new SearchBuffers(),
    work,
    lastChain: null,
    arrivals: new Map(),
    trunk: null,
    overlays: new Map(),
    trunkNumbers: new Map(),
  };
  const routed: SceneEdge[] = [];
  const second: RoutedEdge[] = [];
  for (const edge of edges) {
    const source = tree.byId.get(edge.from);
    const target = tree.byId.get(edge.to);
    const s = source && placed.get(source);
    const t = target && placed.get(target);
    if (!source || !target || !s || !t) continue;
    const trunk = edgeTrunk(edge);
    ctx.trunk = trunk;
    const points = routeEdge(ctx, source, target) ?? straightPath(s, t);
    const segments = ctx.routed.addRoute(points, trunk);
    second.push({ source, target, targetBox: t, trunk, points, segments });
    const head = points[points.length - 1];
    if (head) {
      const heads = ctx.arrivals.get(t) ?? new Set<number>();
      heads.add(cellKey(head.x, head.y));
      ctx.arrivals.set(t, heads);
    }
    const label = edge.label === null ? "" : cleanLabel(edge.label, MAX_EDGE_LABEL_CELLS);
    routed.push({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      label: label === "" ? null : label,
      points,
      labelAt: null,
      status: edge.status,
    });
  }
  firstPass?.(routed);
  rerouteShared(ctx, second);
  routed.forEach((edge, i) => {
    edge.points = second[i]?.points ?? edge.points;
  });
  if (!routed.some((e) => e.label !== null)) return routed;
  const cells = new Uint8Array(canvas.width * canvas.height);
  markBoxes(cells, canvas.width, boxes);
  for (const edge of routed) markPath(cells, canvas.width, edge.points);
  for (const edge of routed) {
    if (edge.label === null) continue;
    const width = displayWidth(edge.label);
    edge.labelAt = placeLabel(width, edge.points, cells, canvas.width);
    if (edge.labelAt) markLabel(cells, canvas.width, edge.labelAt, width);
  }
  return routed;
}
