import * as z from "zod";
import { type CompareOptions, type Comparison, compare } from "../compare/compare.js";
import { LinkplanError } from "../core/linkplanError.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { awsServiceSchema } from "../topology/awsNameSchemas.js";
import { type AwsServiceReference, BUNDLED_AWS_SERVICES } from "../topology/awsReference.js";
import { normalizeTopology } from "../topology/normalizeTopology.js";
import { type ParseTopologyOptions, parseTopologyDoc } from "../topology/parseTopology.js";
import { indexTopology } from "../topology/topologyIndex.js";
import { AzSchema, type TopologyDoc } from "../topology/topologySchema.js";
import { centralizeEndpoints } from "./centralizeEndpoints.js";
import { consolidateAzs } from "./consolidateAzs.js";
import { natToEndpoints } from "./natToEndpoints.js";

/**
 * The what-if transforms, with service names checked against `services` (a catalog's
 * refreshed list; WhatIfSchema: the bundled one).
 */
export function whatIfSchema(services: AwsServiceReference) {
  const ServiceList = z.array(awsServiceSchema(services)).min(1);
  return z.discriminatedUnion("kind", [
    z
      .strictObject({
        kind: z.literal("consolidateAzs"),
        vpc: z.string().optional().describe("only this VPC (default: every VPC)"),
        azs: z
          .union([z.number().int().min(1), z.array(AzSchema).min(1)])
          .describe("how many AZs to keep (the VPC's first ones), or which AZs"),
      })
      .describe("Keep interface endpoints in fewer AZs; traffic from removed AZs pays inter-AZ"),
    z
      .strictObject({
        kind: z.literal("natToEndpoints"),
        services: ServiceList.optional().describe("NAT destinations to move (default: all)"),
        vpc: z.string().optional().describe("only this VPC (default: every VPC)"),
      })
      .describe("Move NAT traffic bound for AWS services onto gateway / interface endpoints"),
    z
      .strictObject({
        kind: z.literal("centralizeEndpoints"),
        hubVpc: z.string().describe("the VPC that keeps the shared endpoints"),
        services: ServiceList.optional().describe("AWS services to centralise (default: all)"),
      })
      .describe(
        "Hub-and-spoke: endpoints in one hub VPC shared through Transit Gateway and Route 53",
      ),
  ]);
}

/** A what-if transform and its options (the CLI flags and the API body carry the same). */
export const WhatIfSchema = whatIfSchema(BUNDLED_AWS_SERVICES);
export type WhatIf = z.infer<typeof WhatIfSchema>;

/** A short description of a transform ("interface endpoints in 1 AZ"). */
export function describeWhatIf(whatIf: WhatIf): string {
  switch (whatIf.kind) {
    case "consolidateAzs": {
      const azs =
        typeof whatIf.azs === "number"
          ? `${whatIf.azs} AZ${whatIf.azs === 1 ? "" : "s"}`
          : whatIf.azs.join(", ");
      return `interface endpoints in ${azs}${whatIf.vpc ? ` (VPC ${whatIf.vpc})` : ""}`;
    }
    case "natToEndpoints":
      return `NAT traffic to ${whatIf.services?.join(", ") ?? "AWS services"} through endpoints${whatIf.vpc ? ` (VPC ${whatIf.vpc})` : ""}`;
    case "centralizeEndpoints":
      return `${whatIf.services?.join(", ") ?? "endpoints"} centralised in hub VPC ${whatIf.hubVpc}`;
  }
}

/**
 * Apply a what-if transform to a validated document. The result is named after the
 * original with the transform described, so reports and diagrams say what they show; it is
 * validated as the original was (`options.services`: the AWS service list, default bundled).
 */
export function applyWhatIf(
  doc: TopologyDoc,
  whatIf: WhatIf,
  options: ParseTopologyOptions = {},
): TopologyDoc {
  const after =
    whatIf.kind === "consolidateAzs"
      ? consolidateAzs(doc, {
          azs: whatIf.azs,
          ...(whatIf.vpc === undefined ? {} : { vpc: whatIf.vpc }),
        })
      : whatIf.kind === "natToEndpoints"
        ? natToEndpoints(doc, {
            ...(whatIf.services === undefined ? {} : { services: whatIf.services }),
            ...(whatIf.vpc === undefined ? {} : { vpc: whatIf.vpc }),
          })
        : centralizeEndpoints(doc, {
            hubVpc: whatIf.hubVpc,
            ...(whatIf.services === undefined ? {} : { services: whatIf.services }),
          });
  const named = { ...after, name: `${doc.name} (what-if: ${describeWhatIf(whatIf)})` };
  // the transforms keep documents valid; should one not, say so instead of blaming the input
  try {
    return parseTopologyDoc(named, options);
  } catch (error) {
    if (!(error instanceof LinkplanError)) throw error;
    throw new LinkplanError(
      "invalid_request",
      "this what-if cannot be applied to this topology: the result would be invalid",
      error.problems.map((p) => ({ path: `result.${p.path}`, message: p.message })),
    );
  }
}

/**
 * Compare a validated document with its what-if result (from `applyWhatIf`, validated
 * there): both are normalized directly rather than checked a second time.
 */
export function compareWhatIf(
  doc: TopologyDoc,
  after: TopologyDoc,
  catalog: PriceCatalog,
  options: CompareOptions = {},
): Comparison {
  const normal = (d: TopologyDoc) => normalizeTopology(d, indexTopology(d));
  return compare(normal(doc), normal(after), catalog, options);
}
