import { stringify } from "yaml";
import type { TerraformModel, TerraformResource } from "../terraformModel.js";
import type { UsageType } from "./usageSchema.js";

/** Zero usage of each usage-priced type, in the topology's field names. */
const ZERO: Record<UsageType, Record<string, unknown>> = {
  aws_vpc_endpoint: { gbPerMonth: 0 },
  aws_nat_gateway: { gbPerMonth: 0 },
  aws_lb: { traffic: { gbPerMonth: 0, newConnectionsPerSecond: 0, activeConnections: 0 } },
  aws_route53_zone: { queriesPerMonth: 0 },
  aws_ec2_transit_gateway_vpc_attachment: { gbPerMonth: 0 },
};

/** The usage type of a resource whose price depends on usage (gateway endpoints are free). */
function priced(resource: TerraformResource): UsageType | undefined {
  const { type, values } = resource;
  if (resource.mode !== "managed") return undefined;
  if (type === "aws_vpc_endpoint")
    return (values.vpc_endpoint_type ?? "Gateway") === "Gateway" ? undefined : type;
  if (type === "aws_lb")
    return values.load_balancer_type === "network" || values.load_balancer_type === "gateway"
      ? type
      : undefined;
  if (
    type === "aws_nat_gateway" ||
    type === "aws_route53_zone" ||
    type === "aws_ec2_transit_gateway_vpc_attachment"
  )
    return type;
  return undefined;
}

/**
 * A usage file (YAML) listing every usage-priced resource instance of the model with zero
 * usage, for the user to fill in.
 */
export function usageTemplate(model: TerraformModel): string {
  const resources: Record<string, unknown> = {};
  for (const resource of model.resources) {
    const type = priced(resource);
    if (type) resources[resource.address] = ZERO[type];
  }
  const header = [
    "# linkplan usage file: traffic and queries per month, by Terraform address.",
    "# defaults: by resource type; [*] in an address matches every instance.",
  ].join("\n");
  return `${header}\n${stringify({ version: 1, defaults: {}, resources }, { aliasDuplicateObjects: false })}`;
}
