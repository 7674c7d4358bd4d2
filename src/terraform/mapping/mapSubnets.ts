import type { TerraformResource } from "../terraformModel.js";
import { type MappingContext, type SubnetInput, vpcOf } from "./mappingContext.js";
import { assumedAzs } from "./providerRegions.js";

/** aws_subnet → subnets of their VPC; AZs of the VPCs from their subnets. */
export function mapSubnets(ctx: MappingContext): void {
  const missing: { resource: TerraformResource; doc: SubnetInput }[] = [];
  for (const resource of ctx.index.ofType("aws_subnet")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id, resource);
    if (!vpc) {
      ctx.skip("subnet of a VPC not in this configuration", resource);
      continue;
    }
    const az = ctx.index.text(resource.values.availability_zone);
    const doc: SubnetInput = {
      id: ctx.id(resource),
      az: az ?? "",
      tier: resource.values.map_public_ip_on_launch === true ? "public" : "private",
    };
    const cidr = ctx.index.text(resource.values.cidr_block);
    if (cidr) doc.cidr = cidr;
    if (az === undefined) missing.push({ resource, doc });
    else if (!vpc.doc.azs.includes(az)) vpc.doc.azs.push(az);
    vpc.doc.subnets.push(doc);
    ctx.subnets.set(resource.address, { vpc, doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const vpc of ctx.vpcs.values()) {
    if (vpc.doc.azs.length > 0) continue;
    vpc.doc.azs = assumedAzs(vpc.doc.region);
    ctx.warn(
      `no Availability Zone known for VPC "${vpc.doc.id}": assumed ${vpc.doc.azs.join(", ")}, the first two of ${vpc.doc.region}`,
      vpc.resource,
    );
  }
  const spread = new Map<string, number>();
  for (const { resource, doc } of missing) {
    const placed = ctx.subnets.get(resource.address);
    if (!placed) continue;
    const n = spread.get(placed.vpc.doc.id) ?? 0;
    spread.set(placed.vpc.doc.id, n + 1);
    const azs = placed.vpc.doc.azs;
    doc.az = azs[n % azs.length] ?? `${placed.vpc.doc.region}a`;
    ctx.warn(`availability_zone unknown: assumed ${doc.az}`, resource);
  }
}
