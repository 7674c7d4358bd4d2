import { z } from "zod";
import type { AccountPair } from "../../model/alignAccounts.js";
import { type Comparison, compare } from "../../model/compare.js";
import { comparisonToJson } from "../../model/comparisonJson.js";
import { exactQuantity } from "../../model/exactQuantity.js";
import { LinkplanError } from "../../model/linkplanError.js";
import { formatComparisonMarkdown } from "../../report/formatComparisonMarkdown.js";
import { formatComparisonTable } from "../../report/formatComparisonTable.js";
import { jsonReply } from "../jsonReply.js";
import type { OperationContext, OperationReply } from "../operation.js";
import { readMember, readTopology } from "../readTopology.js";

export const CompareQuerySchema = z.object({
  format: z
    .enum(["json", "markdown", "table"])
    .default("json")
    .describe("json, markdown (a pull-request comment) or table (plain text)"),
  hoursPerMonth: exactQuantity(z.coerce.number().positive().max(744)).optional(),
});
export type CompareQuery = z.output<typeof CompareQuerySchema>;

export const PairSchema = z.object({ before: z.string(), after: z.string() });

/** A comparison as JSON (with `extra` members first), Markdown or a plain-text table. */
export function comparisonReply(
  comparison: Comparison,
  format: CompareQuery["format"],
  extra: Record<string, unknown> = {},
): OperationReply {
  if (format === "markdown") {
    return {
      status: 200,
      contentType: "text/markdown; charset=utf-8",
      body: formatComparisonMarkdown(comparison),
    };
  }
  if (format === "table") {
    return {
      status: 200,
      contentType: "text/plain; charset=utf-8",
      body: formatComparisonTable(comparison),
    };
  }
  return jsonReply({ ...extra, ...comparisonToJson(comparison) });
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

/** POST /v1/compare: `{ a, b, pairs? }` in, what b costs relative to a out. */
export function compareOperation(
  body: unknown,
  query: CompareQuery,
  ctx: OperationContext,
): OperationReply {
  const read = (v: unknown, where: string) => readTopology(v, ctx.limits, where);
  const a = readMember(body, "a", read);
  const b = readMember(body, "b", read);
  const pairs = pairsOf(body);
  const hours = query.hoursPerMonth;
  const comparison = compare(a, b, ctx.catalog, {
    ...(pairs ? { pairs } : {}),
    ...(hours === undefined ? {} : { hoursPerMonth: hours }),
  });
  return comparisonReply(comparison, query.format);
}
