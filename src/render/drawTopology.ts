import type { Estimate } from "../model/estimate.js";
import type { Topology } from "../model/topology.js";
import { layout } from "./layout.js";
import { renderAscii } from "./renderAscii.js";
import { renderMermaid } from "./renderMermaid.js";
import { renderSvg } from "./renderSvg.js";
import { type GraphOptions, toGraph } from "./toGraph.js";

export const DIAGRAM_FORMATS = ["ascii", "mermaid", "svg"] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramRequest {
  format: DiagramFormat;
  charset?: "unicode" | "ascii";
  theme?: "light" | "dark";
  graph?: Omit<GraphOptions, "estimate">;
  /** annotate nodes and groups with the costs of this estimate */
  estimate?: Estimate | null;
}

/** Draw a topology in one format (the one place the CLI and demo build diagrams). */
export function drawTopology(topology: Topology, request: DiagramRequest): string {
  const graph = toGraph(topology, {
    ...request.graph,
    estimate: request.estimate ?? null,
  });
  if (request.format === "mermaid") return renderMermaid(graph);
  const scene = layout(graph);
  return request.format === "svg"
    ? renderSvg(scene, { theme: request.theme ?? "light" })
    : renderAscii(scene, { charset: request.charset ?? "unicode" });
}
