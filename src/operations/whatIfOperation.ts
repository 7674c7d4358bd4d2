import * as z from "zod";
import type { Comparison } from "../compare/compare.js";
import { formatPath, LinkplanError } from "../core/linkplanError.js";
import { comparisonToJson, WhatIfResultSchema } from "../report/comparisonJson.js";
import { type AwsServiceReference, BUNDLED_AWS_SERVICES } from "../topology/awsReference.js";
import type { TopologyDoc } from "../topology/topologySchema.js";
import { TopologySchema } from "../topology/topologySchema.js";
import {
  applyWhatIf,
  compareWhatIf,
  type WhatIf,
  WhatIfSchema,
  whatIfSchema,
} from "../whatif/whatIf.js";
import { comparisonTextFormats } from "./compareOperation.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { hoursPerMonthOption } from "./options.js";
import { checkLimits, readMember, readTopologyDoc, withPathPrefix } from "./readTopology.js";

export const WhatIfOptionsSchema = z.object({ hoursPerMonth: hoursPerMonthOption });
export type WhatIfOptions = z.output<typeof WhatIfOptionsSchema>;

/** A what-if applied: the transform, the topology it produced, and before vs after. */
export interface WhatIfOutcome {
  transform: WhatIf;
  topology: TopologyDoc;
  comparison: Comparison;
}

/**
 * The transform of a what-if body, checked against WhatIfSchema (paths under transform),
 * its service names against `services` when that is not the bundled list.
 */
function transformOf(value: unknown, services: AwsServiceReference | undefined): WhatIf {
  const schema =
    services === undefined || services === BUNDLED_AWS_SERVICES
      ? WhatIfSchema
      : whatIfSchema(services);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new LinkplanError(
    "invalid_request",
    "invalid transform",
    parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  );
}

/** whatif: `{ topology, transform }` in, the transformed topology and the comparison out. */
export const whatIfOperation = defineOperation({
  name: "whatif",
  summary: "apply a what-if to a topology and compare before and after",
  options: WhatIfOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: WhatIfResultSchema,
      render: (o: WhatIfOutcome) => ({
        transform: o.transform,
        topology: o.topology,
        comparison: comparisonToJson(o.comparison),
      }),
    },
    ...comparisonTextFormats((o: WhatIfOutcome) => o.comparison),
  },
  defaultFormat: { cli: "table", api: "json" },
  route: {
    method: "POST",
    url: "/v1/whatif",
    tag: "compare",
    body: z.object({ topology: TopologySchema, transform: WhatIfSchema }),
    bodyDescription:
      "{ topology, transform } where transform is { kind: consolidateAzs, azs, vpc? }, { kind: natToEndpoints, services?, vpc? } or { kind: centralizeEndpoints, hubVpc, services? }. The JSON answer carries the transform, the transformed topology (valid input for every other route) and the comparison.",
  },
  run(body, options: WhatIfOptions, ctx): WhatIfOutcome {
    const doc = readMember(body, "topology", (v) => readTopologyDoc(v, ctx.limits));
    const services = ctx.limits.services;
    const transform = readMember(body, "transform", (v) => transformOf(v, services));
    const after = withPathPrefix("transform", () => applyWhatIf(doc, transform, { services }));
    checkLimits(after, ctx.limits, " the what-if produced");
    const hours = options.hoursPerMonth;
    const comparison = compareWhatIf(doc, after, ctx.catalog, {
      ...(hours === undefined ? {} : { hoursPerMonth: hours }),
    });
    return { transform, topology: after, comparison };
  },
});
