import { z } from "zod";
import { estimate } from "../../model/estimate.js";
import { estimateToJson } from "../../model/estimateJson.js";
import { exactQuantity } from "../../model/exactQuantity.js";
import { jsonReply } from "../jsonReply.js";
import type { OperationContext, OperationReply } from "../operation.js";
import { readTopology } from "../readTopology.js";

export const EstimateQuerySchema = z.object({
  hoursPerMonth: exactQuantity(z.coerce.number().positive().max(744))
    .optional()
    .describe("hours in the month (default: the topology's hoursPerMonth, else 730)"),
});
export type EstimateQuery = z.output<typeof EstimateQuerySchema>;

/** POST /v1/estimate: a topology in, its priced estimate (JSON) out. */
export function estimateOperation(
  body: unknown,
  query: EstimateQuery,
  ctx: OperationContext,
): OperationReply {
  const topology = readTopology(body, ctx.limits);
  const hours = query.hoursPerMonth;
  return jsonReply(
    estimateToJson(
      estimate(topology, ctx.catalog, hours === undefined ? {} : { hoursPerMonth: hours }),
    ),
  );
}
