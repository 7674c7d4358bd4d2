import * as z from "zod";
import type { AccountPair } from "../compare/alignAccounts.js";
import { type Comparison, compare } from "../compare/compare.js";
import { LinkplanError } from "../core/linkplanError.js";
import { ComparisonJsonSchema, comparisonToJson } from "../report/comparisonJson.js";
import { formatComparisonMarkdown } from "../report/formatComparisonMarkdown.js";
import { formatComparisonTable } from "../report/formatComparisonTable.js";
import type { Topology } from "../topology/topology.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation, type OperationContext, type OutputFormat } from "./operation.js";
import { hoursPerMonthOption } from "./options.js";
import { readMember, readTopology } from "./readTopology.js";

export const PairSchema = z.object({ before: z.string(), after: z.string() });

export const CompareBodySchema = z.object({
  a: TopologySchema.describe("the first topology (e.g. dev, or the main branch)"),
  b: TopologySchema.describe("the second topology (e.g. prod, or the pull request)"),
  pairs: z.array(PairSchema).optional().describe("accounts of a that stand for accounts of b"),
});

export const CompareOptionsSchema = z.object({ hoursPerMonth: hoursPerMonthOption });
export type CompareOptions = z.output<typeof CompareOptionsSchema>;

/** The text formats of a comparison (compare's, and what-if's through `comparisonOf`). */
export function comparisonTextFormats<T>(
  comparisonOf: (result: T) => Comparison,
): Record<"markdown" | "table", OutputFormat<T>> {
  return {
    markdown: {
      kind: "text",
      mediaType: MEDIA.markdown,
      render: (r) => formatComparisonMarkdown(comparisonOf(r)),
    },
    table: {
      kind: "text",
      mediaType: MEDIA.text,
      render: (r) => formatComparisonTable(comparisonOf(r)),
    },
  };
}

/** Account pairs from the body (optional), checked for shape. */
function pairsOf(body: unknown): AccountPair[] | undefined {
  const raw = (body as { pairs?: unknown } | null)?.pairs;
  if (raw === undefined) return undefined;
  const parsed = z.array(PairSchema).safeParse(raw);
  if (!parsed.success) {
    throw new LinkplanError("invalid_request", "invalid pairs", [
      { path: "pairs", message: "must be a list of { before, after } account ids" },
    ]);
  }
  return parsed.data;
}

/** The two topologies of a `{ a, b, pairs? }` body (problem paths start with a. or b.) and its pairs. */
export function readPair(
  body: unknown,
  ctx: OperationContext,
): { a: Topology; b: Topology; pairs: AccountPair[] | undefined } {
  const read = (v: unknown) => readTopology(v, ctx.limits);
  return { a: readMember(body, "a", read), b: readMember(body, "b", read), pairs: pairsOf(body) };
}

/** compare: `{ a, b, pairs? }` in, what b costs relative to a out. */
export const compareOperation = defineOperation({
  name: "compare",
  summary: "what topology b costs relative to topology a, line by line",
  options: CompareOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: ComparisonJsonSchema,
      render: comparisonToJson,
    },
    ...comparisonTextFormats((c: Comparison) => c),
  },
  defaultFormat: { cli: "table", api: "json" },
  route: {
    method: "POST",
    url: "/v1/compare",
    tag: "compare",
    body: CompareBodySchema,
    bodyDescription:
      "{ a, b, pairs? } (JSON, or YAML with Content-Type: application/yaml). Lines are matched by id; an account of a with a different id than b's is paired automatically when each has one account, or by `pairs`. Problems in a topology have paths starting with a. or b.",
  },
  run(body, options: CompareOptions, ctx): Comparison {
    const { a, b, pairs } = readPair(body, ctx);
    const hours = options.hoursPerMonth;
    return compare(a, b, ctx.catalog, {
      ...(pairs ? { pairs } : {}),
      ...(hours === undefined ? {} : { hoursPerMonth: hours }),
    });
  },
});
