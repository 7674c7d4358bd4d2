/** Media types of the formats operations write. */
export const MEDIA = {
  json: "application/json; charset=utf-8",
  text: "text/plain; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  mermaid: "text/vnd.mermaid; charset=utf-8",
  png: "image/png",
  /** draw.io / diagrams.net files (.drawio), uncompressed XML */
  drawio: "application/vnd.jgraph.mxfile; charset=utf-8",
} as const;
