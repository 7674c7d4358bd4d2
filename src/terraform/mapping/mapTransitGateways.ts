import {
  displayName,
  type MappingContext,
  placedOf,
  type TransitGatewayInput,
  vpcOf,
} from "./mappingContext.js";

/** aws_ec2_transit_gateway → transit gateways (attachments by mapTransitAttachments). */
export function mapTransitGateways(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_ec2_transit_gateway")) {
    const doc: TransitGatewayInput = {
      id: ctx.id(resource),
      ...(displayName(resource, ctx) === undefined ? {} : { name: displayName(resource, ctx) }),
      region: ctx.regionOf(resource),
      attachments: [],
    };
    ctx.transitGateways.set(resource.address, { account: ctx.accountOf(resource), doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
}

/** aws_ec2_transit_gateway_vpc_attachment → attachments (subnet_ids → their subnets). */
export function mapTransitAttachments(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_ec2_transit_gateway_vpc_attachment")) {
    const [gateway] = placedOf(ctx, ctx.transitGateways, resource.values.transit_gateway_id);
    const vpc = vpcOf(ctx, resource.values.vpc_id);
    if (!gateway || !vpc) {
      ctx.warn("attachment to a transit gateway or VPC not in this configuration", resource);
      continue;
    }
    if (vpc.doc.region !== gateway.doc.region) {
      ctx.warn("attachment of a VPC in another region than its transit gateway: ignored", resource);
      continue;
    }
    if ((gateway.doc.attachments ?? []).some((a) => a.vpc === vpc.doc.id)) {
      ctx.warn("second attachment of the same VPC to a transit gateway: ignored", resource);
      continue;
    }
    const subnets = placedOf(ctx, ctx.subnets, resource.values.subnet_ids)
      .filter((s) => s.vpc === vpc)
      .map((s) => s.doc.id);
    const attachment = { vpc: vpc.doc.id, ...(subnets.length > 0 && { subnets }) };
    gateway.doc.attachments = [...(gateway.doc.attachments ?? []), attachment];
    ctx.origins.set(attachment, resource);
    ctx.used.add(resource.address);
  }
}
