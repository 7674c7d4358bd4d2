import type { Topology } from "../../topology/topology.js";
import { type DiagramLimits, diagramLimits } from "../diagramLimits.js";
import type { DiagramGraph } from "../graph/diagramGraph.js";
import { type GraphOptions, toGraph } from "../graph/toGraph.js";
import { layout } from "../layout/layout.js";
import { checkedScale, PNG_SCALE, type RenderPngOptions, renderPng } from "./renderPng.js";

/**
 * What to draw as PNG and how: the graph options (detail, costs, …) of drawTopology, the
 * SVG's theme, the scale and the font files (see RenderPngOptions).
 */
export interface PngRequest extends GraphOptions, Omit<RenderPngOptions, "maxPixels"> {
  /** size limits (default DIAGRAM_LIMITS), maxPngPixels included */
  limits?: Partial<DiagramLimits>;
  /** the width ÷ height groups of many boxes wrap toward (default 16 / 9) */
  aspect?: number | undefined;
}

/**
 * Render a diagram graph as PNG: `layout`, then renderPng (shared by drawTopologyPng and
 * the comparison diagrams).
 *
 * @throws LinkplanError("diagram_too_large") past a limit of `request.limits`
 */
export async function renderGraphPng(
  graph: DiagramGraph,
  request: PngRequest,
): Promise<Uint8Array> {
  const limits = diagramLimits(request.limits);
  const scene = layout(graph, {
    limits,
    icons: true,
    maxPixels: {
      limit: limits.maxPngPixels,
      scale: checkedScale(request.scale),
      minScale: PNG_SCALE.min,
    },
    ...(request.aspect !== undefined ? { aspect: request.aspect } : {}),
  });
  return renderPng(scene, {
    fontFiles: request.fontFiles,
    fontSubset: request.fontSubset,
    maxPixels: limits.maxPngPixels,
    ...(request.theme ? { theme: request.theme } : {}),
    ...(request.scale !== undefined ? { scale: request.scale } : {}),
  });
}

/**
 * Draw a topology as PNG: drawTopology's SVG, rasterized with the given fonts only.
 *
 * @throws LinkplanError("diagram_too_large") past a limit of `request.limits`
 */
export async function drawTopologyPng(
  topology: Topology,
  request: PngRequest,
): Promise<Uint8Array> {
  return renderGraphPng(toGraph(topology, request), request);
}
