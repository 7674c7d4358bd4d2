import type { Topology } from "../model/topology.js";
import type { DiagramGraph } from "./diagramGraph.js";
import { layout } from "./layout.js";
import { renderAscii } from "./renderAscii.js";
import { renderMermaid } from "./renderMermaid.js";
import { renderSvg } from "./renderSvg.js";
import { type GraphOptions, toGraph } from "./toGraph.js";

export const DIAGRAM_FORMATS = ["ascii", "mermaid", "svg"] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/**
 * What to draw and how: the format, its options, and the graph options (detail, security
 * groups, route tables, hosted zones, cost annotations from an estimate). The CLI's flags
 * and the API's query parameters carry these same names.
 */
export interface DiagramRequest extends GraphOptions {
  format: DiagramFormat;
  charset?: "unicode" | "ascii";
  theme?: "light" | "dark";
}

/** The part of a request that says how to render: format, charset and theme. */
export type RenderRequest = Pick<DiagramRequest, "format" | "charset" | "theme">;

/**
 * Render a diagram graph in one format: Mermaid straight from the graph; ASCII and SVG
 * through `layout`. Shared by drawTopology and drawComparison.
 */
export function renderGraph(graph: DiagramGraph, request: RenderRequest): string {
  if (request.format === "mermaid") return renderMermaid(graph);
  const scene = layout(graph);
  return request.format === "svg"
    ? renderSvg(scene, { theme: request.theme ?? "light" })
    : renderAscii(scene, { charset: request.charset ?? "unicode" });
}

/** Draw a topology in one format (the one place the CLI and demo build diagrams). */
export function drawTopology(topology: Topology, request: DiagramRequest): string {
  return renderGraph(toGraph(topology, request), request);
}
