import { LinkplanError } from "../../model/linkplanError.js";
import { applyWhatIf, compareWhatIf, WhatIfSchema } from "../../model/whatif/whatIf.js";
import type { OperationContext, OperationReply } from "../operation.js";
import { checkLimits, readMember, readTopologyDoc, withPathPrefix } from "../readTopology.js";
import { type CompareQuery, comparisonReply } from "./compareOperation.js";

/** POST /v1/whatif: `{ topology, transform }` in, the transformed topology and the comparison out. */
export function whatIfOperation(
  body: unknown,
  query: CompareQuery,
  ctx: OperationContext,
): OperationReply {
  const doc = readMember(body, "topology", (v, where) => readTopologyDoc(v, ctx.limits, where));
  const transform = readMember(body, "transform", (v) => {
    const parsed = WhatIfSchema.safeParse(v);
    if (parsed.success) return parsed.data;
    throw new LinkplanError(
      "invalid_request",
      "invalid transform",
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      })),
    );
  });
  const after = withPathPrefix("transform", () => applyWhatIf(doc, transform));
  checkLimits(after, ctx.limits, " the what-if produced");
  const hours = query.hoursPerMonth;
  const comparison = compareWhatIf(doc, after, ctx.catalog, {
    ...(hours === undefined ? {} : { hoursPerMonth: hours }),
  });
  return comparisonReply(comparison, query.format, { transform, topology: after });
}
