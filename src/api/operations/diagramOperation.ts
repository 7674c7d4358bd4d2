import { z } from "zod";
import { estimate } from "../../model/estimate.js";
import { DIAGRAM_FORMATS, drawTopology } from "../../render/drawTopology.js";
import type { OperationContext, OperationReply } from "../operation.js";
import { readTopology } from "../readTopology.js";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const DiagramQuerySchema = z.object({
  format: z.enum(DIAGRAM_FORMATS).default("svg").describe("ascii | mermaid | svg"),
  detail: z.enum(["accounts", "vpcs", "azs", "subnets"]).default("vpcs"),
  charset: z.enum(["unicode", "ascii"]).default("unicode").describe("for format=ascii"),
  theme: z.enum(["light", "dark"]).default("light").describe("for format=svg"),
  costs: flag.describe("annotate nodes and groups with monthly costs"),
  securityGroups: flag,
  routeTables: flag,
  hostedZones: flag.describe("default true"),
});
export type DiagramQuery = z.output<typeof DiagramQuerySchema>;

export const DIAGRAM_CONTENT_TYPES = {
  ascii: "text/plain; charset=utf-8",
  mermaid: "text/vnd.mermaid; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
} as const;

/** POST /v1/diagram: a topology in, an ASCII, Mermaid or SVG drawing out. */
export function diagramOperation(
  body: unknown,
  query: DiagramQuery,
  ctx: OperationContext,
): OperationReply {
  const topology = readTopology(body, ctx.limits);
  const text = drawTopology(topology, {
    ...query,
    estimate: query.costs ? estimate(topology, ctx.catalog) : null,
    limits: ctx.diagramLimits,
  });
  return { status: 200, contentType: DIAGRAM_CONTENT_TYPES[query.format], body: text };
}
