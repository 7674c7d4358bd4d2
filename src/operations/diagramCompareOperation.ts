import * as z from "zod";
import { check } from "../check/check.js";
import type { Finding } from "../check/finding.js";
import type { AccountPair } from "../compare/alignAccounts.js";
import { type Comparison, compare } from "../compare/compare.js";
import {
  type ComparisonOptions,
  comparisonGraph,
  drawComparison,
} from "../diagram/drawComparison.js";
import { renderGraphPng } from "../diagram/png/drawTopologyPng.js";
import type { PngFontSubset } from "../diagram/png/fontSubset.js";
import type { Topology } from "../topology/topology.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { PairSchema, readPair } from "./compareOperation.js";
import { diagramFormats } from "./diagramOperation.js";
import { type DiagramOptions, DiagramOptionsSchema } from "./diagramOptions.js";
import { defineOperation, type OperationContext } from "./operation.js";

/** Two topologies ready to draw as one diagram of what changed. */
export interface ComparisonSubject {
  before: Topology;
  after: Topology;
  comparison: Comparison | null;
  /** the findings of check on `after`, when the options ask for them (else null) */
  findings: Finding[] | null;
  pairs: AccountPair[] | undefined;
  options: DiagramOptions;
  limits: OperationContext["diagramLimits"];
  /** the fonts of a PNG (the context's) */
  fontFiles: readonly string[];
  /** the subset of those fonts (the context\'s) */
  fontSubset: PngFontSubset | undefined;
}

/** The comparison and account pairs of a subject, as drawComparison takes them. */
function comparisonOptions(s: ComparisonSubject): ComparisonOptions {
  return { comparison: s.comparison, ...(s.pairs ? { pairs: s.pairs } : {}) };
}

/** diagramCompare: `{ a, b, pairs? }` in, b drawn with what changed since a marked. */
export const diagramCompareOperation = defineOperation({
  name: "diagramCompare",
  summary: "draw topology b with what was added (+) and removed (-) since topology a",
  options: DiagramOptionsSchema,
  formats: diagramFormats<ComparisonSubject>(
    (s, format) =>
      drawComparison(
        s.before,
        s.after,
        {
          ...s.options,
          format,
          estimate: s.comparison?.after ?? null,
          findings: s.findings,
          limits: s.limits,
        },
        comparisonOptions(s),
      ),
    (s) => {
      const request = {
        ...s.options,
        estimate: s.comparison?.after ?? null,
        findings: s.findings,
        limits: s.limits,
        fontFiles: s.fontFiles,
        fontSubset: s.fontSubset,
      };
      return renderGraphPng(
        comparisonGraph(s.before, s.after, request, comparisonOptions(s)),
        request,
      );
    },
  ),
  defaultFormat: { cli: "ascii", api: "svg" },
  route: {
    method: "POST",
    url: "/v1/diagram/compare",
    tag: "diagram",
    body: z.object({
      a: TopologySchema.describe("the topology before"),
      b: TopologySchema.describe("the topology after (drawn)"),
      pairs: z.array(PairSchema).optional(),
    }),
    bodyDescription:
      "{ a, b, pairs? }: b is drawn, with items added since a marked [+] and items removed [-]",
  },
  run(body, options: DiagramOptions, ctx): ComparisonSubject {
    const { a: before, b: after, pairs } = readPair(body, ctx);
    // one comparison prices both (the first with its paired accounts renamed)
    const comparison = options.costs
      ? compare(before, after, ctx.catalog, pairs ? { pairs } : {})
      : null;
    const findings = options.findings ? check(after, { catalog: ctx.catalog }) : null;
    return {
      before,
      after,
      comparison,
      findings,
      pairs,
      options,
      limits: ctx.diagramLimits,
      fontFiles: ctx.fontFiles ?? [],
      fontSubset: ctx.fontSubset,
    };
  },
});
