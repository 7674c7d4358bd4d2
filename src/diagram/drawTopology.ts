import type { Topology } from "../topology/topology.js";
import { renderAscii } from "./ascii/renderAscii.js";
import { checkGraphSize, type DiagramLimits, diagramLimits } from "./diagramLimits.js";
import { renderDrawio } from "./drawio/renderDrawio.js";
import type { DiagramGraph } from "./graph/diagramGraph.js";
import { type GraphOptions, toGraph } from "./graph/toGraph.js";
import { layout } from "./layout/layout.js";
import { renderMermaid } from "./mermaid/renderMermaid.js";
import { renderSvg } from "./svg/renderSvg.js";

export const DIAGRAM_FORMATS = ["ascii", "mermaid", "svg", "drawio"] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/**
 * What to draw and how: the format, its options (charset, theme, aspect), and the graph
 * options (detail, security
 * groups, route tables, hosted zones, cost annotations from an estimate). The CLI's flags
 * and the API's query parameters carry these same names.
 */
export interface DiagramRequest extends GraphOptions {
  format: DiagramFormat;
  charset?: "unicode" | "ascii";
  theme?: "light" | "dark";
  /** the width ÷ height groups of many boxes wrap toward (default 16 / 9; not Mermaid) */
  aspect?: number | undefined;
  /** size limits (default DIAGRAM_LIMITS): past one, LinkplanError("diagram_too_large") */
  limits?: Partial<DiagramLimits>;
}

/** The part of a request that says how to render: format, charset, theme and limits. */
export type RenderRequest = Pick<
  DiagramRequest,
  "format" | "charset" | "theme" | "limits" | "aspect"
>;

/**
 * Render a diagram graph in one format: Mermaid straight from the graph; ASCII, SVG and
 * draw.io through `layout`. (PNG: renderGraphPng.) Shared by drawTopology and drawComparison.
 *
 * @throws LinkplanError("diagram_too_large") past a limit of `request.limits` (checked
 *   before the costly work: see DiagramLimits)
 */
export function renderGraph(graph: DiagramGraph, request: RenderRequest): string {
  const limits = diagramLimits(request.limits);
  if (request.format === "mermaid") {
    checkGraphSize(graph, limits.maxNodes);
    return renderMermaid(graph);
  }
  // SVG and draw.io draw icons (draw.io at the SVG's positions), which need room in the
  // layout; ASCII does not
  const scene = layout(graph, {
    limits,
    icons: request.format === "svg" || request.format === "drawio",
    ...(request.aspect !== undefined ? { aspect: request.aspect } : {}),
  });
  if (request.format === "svg") return renderSvg(scene, { theme: request.theme ?? "light" });
  if (request.format === "drawio") return renderDrawio(scene, { theme: request.theme ?? "light" });
  return renderAscii(scene, { charset: request.charset ?? "unicode" });
}

/**
 * Draw a topology in one format (the one place the CLI, the API and the demo build
 * diagrams).
 *
 * @throws LinkplanError("diagram_too_large") past a limit of `request.limits`
 */
export function drawTopology(topology: Topology, request: DiagramRequest): string {
  return renderGraph(toGraph(topology, request), request);
}
