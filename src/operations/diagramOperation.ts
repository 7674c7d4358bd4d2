import { check } from "../check/check.js";
import type { Finding } from "../check/finding.js";
import type { DiagramFormat } from "../diagram/drawTopology.js";
import { drawTopology } from "../diagram/drawTopology.js";
import { mermaidSizeWarning } from "../diagram/mermaid/mermaidSizeWarning.js";
import { drawTopologyPng } from "../diagram/png/drawTopologyPng.js";
import type { PngFontSubset } from "../diagram/png/fontSubset.js";
import { type Estimate, estimate } from "../estimate/estimate.js";
import type { Topology } from "../topology/topology.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { type DiagramOptions, DiagramOptionsSchema } from "./diagramOptions.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation, type OperationContext, type OutputFormat } from "./operation.js";
import { readTopology } from "./readTopology.js";

/** A topology ready to draw: what the diagram formats render. */
export interface DiagramSubject {
  topology: Topology;
  estimate: Estimate | null;
  /** the findings of check, when the options ask for them (else null) */
  findings: Finding[] | null;
  options: DiagramOptions;
  limits: OperationContext["diagramLimits"];
  /** the fonts of a PNG (the context's) */
  fontFiles: readonly string[];
  /** the subset of those fonts (the context\'s) */
  fontSubset: PngFontSubset | undefined;
}

/**
 * The drawings of a diagram subject (shared with diagramCompare): the text formats of
 * `draw`, and PNG, drawn by `drawPng` with the fonts of the operation's context.
 */
export function diagramFormats<T>(
  draw: (subject: T, format: DiagramFormat) => string,
  drawPng: (subject: T) => Promise<Uint8Array>,
): Record<DiagramFormat | "png", OutputFormat<T>> {
  return {
    ascii: { kind: "text", mediaType: MEDIA.text, render: (s) => draw(s, "ascii") },
    mermaid: {
      kind: "text",
      mediaType: MEDIA.mermaid,
      render: (s) => draw(s, "mermaid"),
      warning: mermaidSizeWarning,
    },
    svg: { kind: "text", mediaType: MEDIA.svg, render: (s) => draw(s, "svg") },
    png: { kind: "binary", mediaType: MEDIA.png, render: drawPng },
    drawio: { kind: "text", mediaType: MEDIA.drawio, render: (s) => draw(s, "drawio") },
  };
}

/** diagram: a topology in, an ASCII, Mermaid, SVG, PNG or draw.io drawing out. */
export const diagramOperation = defineOperation({
  name: "diagram",
  summary: "draw a topology as ASCII, Mermaid, SVG, PNG or draw.io",
  options: DiagramOptionsSchema,
  formats: diagramFormats<DiagramSubject>(
    (s, format) =>
      drawTopology(s.topology, {
        ...s.options,
        format,
        estimate: s.estimate,
        findings: s.findings,
        limits: s.limits,
      }),
    (s) =>
      drawTopologyPng(s.topology, {
        ...s.options,
        estimate: s.estimate,
        findings: s.findings,
        limits: s.limits,
        fontFiles: s.fontFiles,
        fontSubset: s.fontSubset,
      }),
  ),
  defaultFormat: { cli: "ascii", api: "svg" },
  route: {
    method: "POST",
    url: "/v1/diagram",
    tag: "diagram",
    body: TopologySchema,
    bodyDescription: "a topology as JSON, or YAML with Content-Type: application/yaml",
  },
  run(body, options: DiagramOptions, ctx): DiagramSubject {
    const topology = readTopology(body, ctx.limits);
    return {
      topology,
      estimate: options.costs ? estimate(topology, ctx.catalog) : null,
      findings: options.findings ? check(topology, { catalog: ctx.catalog }) : null,
      options,
      limits: ctx.diagramLimits,
      fontFiles: ctx.fontFiles ?? [],
      fontSubset: ctx.fontSubset,
    };
  },
});
