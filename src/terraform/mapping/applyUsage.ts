import type { TerraformResource } from "../terraformModel.js";
import { usageMatcher } from "../usage/usageMatcher.js";
import type { Usage } from "../usage/usageSchema.js";
import type { MappingContext } from "./mappingContext.js";

const PRICED = new Set([
  "aws_vpc_endpoint",
  "aws_nat_gateway",
  "aws_lb",
  "aws_alb",
  "aws_route53_zone",
  "aws_ec2_transit_gateway_vpc_attachment",
]);

/** Whether an element's price depends on its usage (gateway endpoints take usage, free). */
function freeOfUsage(doc: object, resource: TerraformResource): boolean {
  return "type" in doc && doc.type === "gateway" && resource.type === "aws_vpc_endpoint";
}

/**
 * Usage onto the elements it is for (defaults, then "[*]" entries, then exact addresses);
 * one warning per usage address that matched nothing, and one listing the usage-priced
 * resources left without usage.
 */
export function applyUsage(ctx: MappingContext, usage: Usage | undefined): void {
  const matcher = usage && usageMatcher(usage);
  const without: string[] = [];
  for (const [doc, resource] of ctx.origins) {
    if (!PRICED.has(resource.type)) continue;
    const entry = matcher?.entryFor(resource);
    if (entry) Object.assign(doc, entry);
    else if (!freeOfUsage(doc, resource)) without.push(resource.address);
  }
  for (const address of matcher?.unmatched() ?? [])
    ctx.warn(`usage for ${address}: matches no usage-priced resource of this configuration`);
  if (without.length > 0) {
    ctx.warn(
      `depends on usage: no usage given for ${without.length} resource${without.length === 1 ? "" : "s"} priced per GB or per query, counted at 0 (give --usage): ${without.sort().join(", ")}`,
    );
  }
}
