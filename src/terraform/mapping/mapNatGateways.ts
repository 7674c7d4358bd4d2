import { type MappingContext, placedOf } from "./mappingContext.js";

/** aws_nat_gateway → NAT gateways in the VPC and AZ of their subnet. */
export function mapNatGateways(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_nat_gateway")) {
    const [subnet] = placedOf(ctx, ctx.subnets, resource.values.subnet_id);
    if (!subnet) {
      ctx.skip("NAT gateway whose subnet is unknown", resource);
      continue;
    }
    const doc = {
      id: ctx.id(resource),
      az: subnet.doc.az,
      subnet: subnet.doc.id,
      connectivity: resource.values.connectivity_type === "private" ? "private" : "public",
    } as const;
    const copy = { ...doc };
    subnet.vpc.doc.natGateways.push(copy);
    ctx.natGateways.set(resource.address, { vpc: subnet.vpc, doc: copy });
    ctx.origins.set(copy, resource);
    ctx.used.add(resource.address);
  }
}
