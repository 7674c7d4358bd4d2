import {
  bool,
  displayName,
  emptyVpcDraft,
  type MappingContext,
  type VpcDraftDoc,
  vpcOf,
} from "./mappingContext.js";

/** aws_vpc (+ aws_vpc_ipv4_cidr_block_association) → VPCs, their lists empty. */
export function mapVpcs(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_vpc")) {
    const { values } = resource;
    const doc: VpcDraftDoc = emptyVpcDraft(
      ctx.id(resource),
      displayName(resource, ctx),
      ctx.regionOf(resource),
    );
    const cidr = ctx.index.text(values.cidr_block);
    if (cidr) doc.cidr = cidr;
    const support = bool(values.enable_dns_support);
    if (support !== undefined) doc.enableDnsSupport = support;
    const hostnames = bool(values.enable_dns_hostnames);
    if (hostnames !== undefined) doc.enableDnsHostnames = hostnames;
    ctx.vpcs.set(resource.address, { resource, account: ctx.accountOf(resource), doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const resource of ctx.index.ofType("aws_vpc_ipv4_cidr_block_association")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id);
    const cidr = ctx.index.text(resource.values.cidr_block);
    if (!vpc || !cidr) continue;
    vpc.doc.secondaryCidrs = [...(vpc.doc.secondaryCidrs ?? []), cidr];
    ctx.used.add(resource.address);
  }
}
