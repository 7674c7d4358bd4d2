import { displayWidth } from "../../core/displayWidth.js";
import { LinkplanError } from "../../core/linkplanError.js";
import {
  checkDiagramLimit,
  checkGraphSize,
  type DiagramLimits,
  diagramLimits,
  pngSizeRemedy,
} from "../diagramLimits.js";
import type { DiagramGraph } from "../graph/diagramGraph.js";
import { type Crowded, crowdedGroups } from "./crowdedGroups.js";
import { edgeCells } from "./edgeCells.js";
import { edgeConstraints } from "./edgeConstraints.js";
import { type LayoutNode, type LayoutTree, layoutTree } from "./layoutTree.js";
import type { LayoutWork } from "./layoutWork.js";
import { positionBoxes } from "./positionBoxes.js";
import { routeEdges } from "./routeEdges.js";
import { CELL_HEIGHT, CELL_WIDTH, type Scene, type SceneBox, type SceneEdge } from "./scene.js";
import { type Frame, sizeBoxes } from "./sizeBoxes.js";

/**
 * At most what the SVG's frame adds around the boxes, px (svgFrame: padding, the AWS Cloud
 * group, the title, its widest line, the legend's rows): bounds, so that the PNG scale a
 * too-large message names at layout time also fits the whole picture.
 */
const FRAME_BOUND = { width: 160, height: 400, titleWidth: 960 } as const;

/** Empty cells around the drawing in the scene. */
const MARGIN = 1;
/** Cells around the top-level boxes where edges may run (to go round the outside). */
const ROUTING_MARGIN = 2;
/**
 * Layouts tried again with more room where edges of different trunks shared a corridor
 * (each try two cells more there) …
 */
const ROOMY_ATTEMPTS = 4;
/**
 * … in diagrams of at most this many edges: each try costs a whole layout (shared-services
 * at subnets detail: 16 → 96 ms), and a big diagram's corridors are rarely all cleared.
 */
const ROOMY_MAX_EDGES = 64;
/** … and boxes (a few edges among thousands of boxes would pay for whole layouts). */
const ROOMY_MAX_BOXES = 512;

export interface LayoutOptions {
  /** size limits (default DIAGRAM_LIMITS; NO_DIAGRAM_LIMITS for none) */
  limits?: Partial<DiagramLimits>;
  /** adds up the work done (see LayoutWork); for tests and benchmarks */
  work?: LayoutWork;
  /**
   * room for icons, as renderSvg draws them (SVG, PNG and draw.io): each node gets rows
   * above its text for its service icon, each group header cells before its text for the
   * group icon (default false: ASCII)
   */
  icons?: boolean;
  /**
   * the width ÷ height (in SVG pixels) that groups of many children wrap toward (default
   * 16 / 9); groups small enough to fit their rows keep them
   */
  aspect?: number;
  /**
   * a PNG's pixel limit at its scale: past it, refused once the boxes are sized, before any
   * edge is routed (the boxes alone are a lower bound of the picture's size)
   */
  maxPixels?: { limit: number; scale: number; minScale: number };
}

/**
 * Lay a diagram graph out on a character grid (pure; same graph → same scene).
 *
 * 1. The containment tree is a d3 hierarchy over a synthetic root holding graph.items.
 * 2. Boxes are sized bottom-up (`eachAfter`): nodes fit their text; groups fit a header
 *    row and their children, which sit in rows with gutters between them (a VPC's AZs as
 *    equal-height columns; other children ordered so an edge's source comes before its
 *    target; many children in rows toward `aspect`). Top-level items go in rows by edge
 *    rank, sources above targets. A PNG's pixel limit (`maxPixels`) is checked here.
 * 3. Boxes are positioned top-down (`eachBefore`), parents before children.
 * 4. Edges are routed in input order as orthogonal polylines by A* on a grid compressed at
 *    the boxes' edges, inside the lowest group holding both ends: in one search through
 *    the groups around the two ends (borders crossed straight) while that is small, else
 *    level by level, each level's children solid. Every other box is avoided; earlier
 *    edges are avoided where the one-search route is used. See routeEdge. In a diagram of
 *    at most REROUTE_EDGES edges, an edge still running along an edge of another trunk is
 *    then routed again, seeing all the others, and kept if it shares less (rerouteShared).
 * 5. Edge labels go beside each edge's longest segment, on free cells, or are left out.
 * 6. In a diagram of at most ROOMY_MAX_EDGES edges and ROOMY_MAX_BOXES boxes, when two edges
 *    not of one trunk (see edgeTrunk) ran along one segment after the first routing pass
 *    of 4 (room makes tidier drawings than routing again), the groups holding those
 *    corridors get more padding and gutters (see crowdedGroups) and 1–5 are done again, up
 *    to ROOMY_ATTEMPTS times, keeping a try only when its first pass shares fewer segments
 *    and its drawing, second pass done, no more.
 *
 * Edges naming an id that is not in the graph are left out of the scene. The scene is the
 * bounding box of everything drawn plus a margin of one cell.
 *
 * @throws LinkplanError("diagram_too_large") past a limit of `options.limits` (nodes and
 *   groups before anything is laid out, canvas and edge cells before edges are routed)
 */
export function layout(graph: DiagramGraph, options: LayoutOptions = {}): Scene {
  const work = options.work ?? null;
  const limits = diagramLimits(options.limits);
  const aspect = options.aspect;
  if (aspect !== undefined && !(Number.isFinite(aspect) && aspect > 0)) {
    throw new LinkplanError("invalid_option", "invalid diagram aspect", [
      { path: "aspect", message: `must be a positive width ÷ height, got ${aspect}` },
    ]);
  }
  checkGraphSize(graph, limits.maxNodes);
  const tree = layoutTree(graph);
  const icons = options.icons === true;
  const constraints = edgeConstraints(tree, graph.edges);
  const draw = (roomy: ReadonlyMap<string, number>, retry: boolean) => {
    const frames = sizeBoxes(tree.root, constraints, icons, aspect, roomy);
    return placeAndRoute(graph, tree, frames, limits, options, work, retry);
  };
  let drawn = draw(new Map(), false);
  // edges of a review-sized diagram that had to share a corridor with an edge of another
  // trunk (before the second pass routed some again): lay out again with more room in the
  // groups holding those corridors (kept if better)
  const roomy = new Map<string, number>();
  let crowded = drawn.crowded;
  for (let i = 0; crowded && crowded.sharedSteps > 0 && i < ROOMY_ATTEMPTS; i++) {
    for (const id of crowded.groups) roomy.set(id, (roomy.get(id) ?? 0) + 1);
    const retry = roomier(() => draw(roomy, true));
    const after = retry?.crowded;
    // kept when its first pass shares fewer steps and its drawing (second pass done) no more
    if (!retry || !after || after.sharedSteps >= crowded.sharedSteps) break;
    if (retry.finalShared > drawn.finalShared) break;
    drawn = retry;
    crowded = after;
  }
  const { boxes, edges } = drawn;
  // bounding box of boxes, edges and labels
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  const cover = (x0: number, y0: number, x1: number, y1: number): void => {
    left = Math.min(left, x0);
    top = Math.min(top, y0);
    right = Math.max(right, x1);
    bottom = Math.max(bottom, y1);
  };
  for (const b of boxes) cover(b.x, b.y, b.x + b.width - 1, b.y + b.height - 1);
  for (const e of edges) {
    for (const p of e.points) cover(p.x, p.y, p.x, p.y);
    const at = e.labelAt;
    if (at && e.label !== null) cover(at.x, at.y, at.x + displayWidth(e.label) - 1, at.y);
  }
  // only what was asked for: the scenes of plain layouts stay as they were
  const extra = {
    ...(graph.pricing ? { pricing: graph.pricing } : {}),
    ...(icons ? { icons: true } : {}),
  };
  if (left > right)
    return { title: graph.title, ...extra, width: 2 * MARGIN, height: 2 * MARGIN, boxes, edges };
  // shift everything so the bounding box starts one cell in
  const dx = MARGIN - left;
  const dy = MARGIN - top;
  if (dx !== 0 || dy !== 0) {
    for (const b of boxes) {
      b.x += dx;
      b.y += dy;
    }
    for (const e of edges) {
      e.points = e.points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
      if (e.labelAt) e.labelAt = { x: e.labelAt.x + dx, y: e.labelAt.y + dy };
    }
  }
  return {
    title: graph.title,
    ...extra,
    width: right + dx + 1 + MARGIN,
    height: bottom + dy + 1 + MARGIN,
    boxes,
    edges,
  };
}

/** A roomier layout, or null when the extra room takes it past a size limit. */
function roomier<T>(draw: () => T): T | null {
  try {
    return draw();
  } catch (error) {
    if (error instanceof LinkplanError && error.code === "diagram_too_large") return null;
    throw error;
  }
}

/**
 * Position sized boxes, check the size limits, route the edges. A `retry` (a roomier try
 * of a layout that fit) must fit a PNG's limit with its frame bounded from above.
 */
function placeAndRoute(
  graph: DiagramGraph,
  tree: LayoutTree,
  frames: Map<LayoutNode, Frame>,
  limits: DiagramLimits,
  options: LayoutOptions,
  work: LayoutWork | null,
  retry: boolean,
): { boxes: SceneBox[]; edges: SceneEdge[]; crowded: Crowded | null; finalShared: number } {
  const origin = { x: ROUTING_MARGIN, y: ROUTING_MARGIN };
  const { boxes, placed } = positionBoxes(tree.root, frames, origin);
  const content = placed.get(tree.root);
  const canvas = {
    x: 0,
    y: 0,
    width: (content?.width ?? 0) + 2 * ROUTING_MARGIN,
    height: (content?.height ?? 0) + 2 * ROUTING_MARGIN,
  };
  if (work) work.boxes += boxes.length;
  if (options.maxPixels && content) {
    const { limit, scale, minScale } = options.maxPixels;
    // the whole picture at scale 1, its frame bounded from above
    const whole = {
      width: Math.max(content.width * CELL_WIDTH, FRAME_BOUND.titleWidth) + FRAME_BOUND.width,
      height: content.height * CELL_HEIGHT + FRAME_BOUND.height,
    };
    if (retry) {
      // a roomier try is dropped unless the whole picture still fits: the first layout
      // may fit where a larger one does not
      checkDiagramLimit(
        whole.width * whole.height * scale * scale,
        limit,
        "pixels",
        "maxPngPixels",
      );
    } else {
      const width = Math.ceil(content.width * CELL_WIDTH * scale);
      const height = Math.ceil(content.height * CELL_HEIGHT * scale);
      checkDiagramLimit(
        width * height,
        limit,
        `pixels (at least ${width} × ${height} at scale ${scale})`,
        "maxPngPixels",
        // the scale named must also fit the frame around the boxes
        () => pngSizeRemedy(whole.width, whole.height, limit, minScale),
      );
    }
  }
  checkDiagramLimit(
    canvas.width * canvas.height,
    limits.maxCanvasCells,
    "canvas cells",
    "maxCanvasCells",
  );
  checkDiagramLimit(
    edgeCells(graph.edges, tree, placed),
    limits.maxEdgeCells,
    "edge cells",
    "maxEdgeCells",
  );
  // a review-sized diagram's corridors shared by edges of different trunks, as the first
  // routing pass left them (step 6)
  // (a callback assigns it: the cast keeps TypeScript from narrowing it to null)
  let crowded = null as Crowded | null;
  const review = graph.edges.length <= ROOMY_MAX_EDGES && boxes.length <= ROOMY_MAX_BOXES;
  const edges = routeEdges(graph.edges, tree, placed, boxes, canvas, work, (first) => {
    if (review) crowded = crowdedGroups(first, boxes);
  });
  // the steps still shared once the second pass has routed some edges again (counted only
  // when the first pass shared some: else the second pass changed nothing)
  const finalShared =
    crowded && crowded.sharedSteps > 0 ? crowdedGroups(edges, boxes).sharedSteps : 0;
  return { boxes, edges, crowded, finalShared };
}
