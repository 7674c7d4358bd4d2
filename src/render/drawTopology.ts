import type { Topology } from "../model/topology.js";
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

/** Draw a topology in one format (the one place the CLI and demo build diagrams). */
export function drawTopology(topology: Topology, request: DiagramRequest): string {
  const graph = toGraph(topology, request);
  if (request.format === "mermaid") return renderMermaid(graph);
  const scene = layout(graph);
  return request.format === "svg"
    ? renderSvg(scene, { theme: request.theme ?? "light" })
    : renderAscii(scene, { charset: request.charset ?? "unicode" });
}
