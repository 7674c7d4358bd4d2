import { LinkplanError } from "../core/linkplanError.js";
import { type DiagramGraph, walkItems } from "./graph/diagramGraph.js";

/**
 * How big a diagram may get. Drawing work grows with the drawing: its boxes, its canvas
 * (every cell of the ASCII text, the SVG's size) and the cells its edges run through, and
 * a small topology can make a huge drawing (thousands of endpoints in one VPC, each with
 * an edge to S3 running the height of the VPC). Past a limit, drawing stops before the
 * costly part with a LinkplanError `diagram_too_large`.
 */
export interface DiagramLimits {
  /** nodes and groups in the graph (every format; checked before layout) */
  maxNodes: number;
  /** cells of the laid-out canvas, width × height (ASCII and SVG; checked before routing) */
  maxCanvasCells: number;
  /**
   * cells the edges must at least run through: the sum over edges of the distance between
   * their two boxes (ASCII and SVG; checked before routing)
   */
  maxEdgeCells: number;
  /**
   * pixels of a PNG, width × height at its scale (PNG only; checked after layout, before
   * the SVG is drawn and rasterized): rasterizing and encoding cost about 45 ns a pixel and
   * 4 bytes a pixel of memory outside the JavaScript heap
   */
  maxPngPixels: number;
}

/**
 * The default limits, each about 1–2 s of layout and rendering on one core: 10,000 nodes
 * and groups (490 VPCs of 15 interface endpoints at detail vpcs, 95 such VPCs at detail
 * azs), 8,000,000 canvas cells (8 MB of ASCII: the same 460 VPCs, whose grid toward 16:9
 * leaves more space between rows than the column it replaced), 4,000,000 edge cells (one
 * VPC with 2,400 gateway endpoints, each with its edge to S3 down the VPC), 40,000,000 PNG
 * pixels (about
 * 2 s and 160 MB: 6,300 × 6,300 px, or a 1000 × 37,000 px SVG at scale 1). The API's
 * largest accepted topology (2,000 VPCs, 50,000 endpoints) draws at detail accounts.
 */
export const DIAGRAM_LIMITS: Readonly<DiagramLimits> = {
  maxNodes: 10_000,
  maxCanvasCells: 8_000_000,
  maxEdgeCells: 4_000_000,
  maxPngPixels: 40_000_000,
};

/** No limits (benchmarks, or a caller that bounds the work itself). */
export const NO_DIAGRAM_LIMITS: Readonly<DiagramLimits> = {
  maxNodes: Number.POSITIVE_INFINITY,
  maxCanvasCells: Number.POSITIVE_INFINITY,
  maxEdgeCells: Number.POSITIVE_INFINITY,
  maxPngPixels: Number.POSITIVE_INFINITY,
};

/** `limits` with the defaults filled in. */
export function diagramLimits(limits: Partial<DiagramLimits> = {}): DiagramLimits {
  return {
    maxNodes: limits.maxNodes ?? DIAGRAM_LIMITS.maxNodes,
    maxCanvasCells: limits.maxCanvasCells ?? DIAGRAM_LIMITS.maxCanvasCells,
    maxEdgeCells: limits.maxEdgeCells ?? DIAGRAM_LIMITS.maxEdgeCells,
    maxPngPixels: limits.maxPngPixels ?? DIAGRAM_LIMITS.maxPngPixels,
  };
}

/** "1,234,567" (the first Intl.NumberFormat costs ~20 ms of ICU set-up: made on first use) */
let grouped: Intl.NumberFormat | undefined;
const count = {
  format(value: number): string {
    grouped ??= new Intl.NumberFormat("en-US");
    return grouped.format(value);
  },
};

/** What a `diagram_too_large` message suggests by default. */
const COARSER_DETAIL =
  "draw it at a coarser detail (--detail or detail=: accounts < vpcs < azs < subnets)";

/**
 * Throw `diagram_too_large` when `value` (what `what` counts) is over `limit` (the limit
 * named `name`); the message names both and suggests `remedy` (a coarser detail), or what
 * a `remedy` function says, called only then.
 */
export function checkDiagramLimit(
  value: number,
  limit: number,
  what: string,
  name: keyof DiagramLimits,
  remedy: string | (() => string) = COARSER_DETAIL,
): void {
  if (value <= limit) return;
  const todo = typeof remedy === "string" ? remedy : remedy();
  throw new LinkplanError(
    "diagram_too_large",
    `the diagram is too large to draw: ${count.format(value)} ${what}, over the limit of ${count.format(limit)} (${name}); ${todo}`,
    [],
  );
}

/**
 * The size in pixels of a picture `width` × `height` px at scale 1, drawn at `scale`: each
 * side rounded to the nearest pixel, as resvg rounds it (at least one).
 */
export function scaledSize(
  width: number,
  height: number,
  scale: number,
): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * The largest scale, in hundredths, at which a picture of `width` × `height` px (at scale 1)
 * has at most `limit` pixels (scaledSize; 0 when none does).
 */
export function fittingScale(width: number, height: number, limit: number): number {
  const pixels = (hundredths: number) => {
    const size = scaledSize(width, height, hundredths / 100);
    return size.width * size.height;
  };
  let hundredths = Math.floor(Math.sqrt(limit / Math.max(1, width * height)) * 100);
  // the rounding of each side can still tip it over: step down until it fits
  while (hundredths > 0 && pixels(hundredths) > limit) hundredths--;
  return hundredths / 100;
}

/**
 * What to do about a PNG over `limit` pixels, `width` × `height` px at scale 1: the largest
 * scale that fits (fittingScale) when it is at least `minScale`, else a coarser detail.
 */
export function pngSizeRemedy(
  width: number,
  height: number,
  limit: number,
  minScale: number,
): string {
  const scale = fittingScale(width, height, limit);
  return scale >= minScale
    ? `draw it at scale ${scale} or less (--scale or scale=), or at a coarser detail (--detail or detail=)`
    : `it is over the limit even at the smallest scale (${minScale}): draw it at a coarser detail (--detail or detail=) or a part of it (--focus or focus=)`;
}

/** Throw `diagram_too_large` when the graph has more nodes and groups than `maxNodes`. */
export function checkGraphSize(graph: DiagramGraph, maxNodes: number): void {
  if (maxNodes === Number.POSITIVE_INFINITY) return;
  let nodes = 0;
  for (const _ of walkItems(graph.items)) nodes++;
  checkDiagramLimit(nodes, maxNodes, "nodes and groups", "maxNodes");
}
