import {
  blocks,
  type HostedZoneInput,
  type MappingContext,
  placedOf,
  vpcOf,
} from "./mappingContext.js";

const RECORD_TYPES = new Set(["A", "AAAA", "CNAME", "TXT"]);

/** aws_route53_zone (+ _zone_association, aws_route53_record) → hosted zones. */
export function mapHostedZones(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_route53_zone")) {
    const vpcBlocks = blocks(resource.values.vpc);
    const vpcs = vpcBlocks.map((b) => vpcOf(ctx, b.vpc_id)?.doc.id).filter((v) => v !== undefined);
    const doc: HostedZoneInput = {
      id: ctx.id(resource),
      name: ctx.index.text(resource.values.name) ?? resource.address,
      private: vpcBlocks.length > 0,
      vpcs,
      records: [],
    };
    ctx.hostedZones.set(resource.address, { account: ctx.accountOf(resource), doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const resource of ctx.index.ofType("aws_route53_zone_association")) {
    const [zone] = placedOf(ctx, ctx.hostedZones, resource.values.zone_id);
    const vpc = vpcOf(ctx, resource.values.vpc_id);
    if (!zone || !vpc) continue;
    ctx.used.add(resource.address);
    zone.doc.private = true;
    const vpcs = (zone.doc.vpcs ?? []) as string[];
    if (!vpcs.includes(vpc.doc.id)) zone.doc.vpcs = [...vpcs, vpc.doc.id];
  }
  for (const resource of ctx.index.ofType("aws_route53_record")) {
    const [zone] = placedOf(ctx, ctx.hostedZones, resource.values.zone_id);
    const name = ctx.index.text(resource.values.name);
    if (!zone || !name) continue;
    const type = ctx.index.text(resource.values.type) ?? "A";
    if (!RECORD_TYPES.has(type)) {
      ctx.skip(`record of type ${type}`, resource);
      continue;
    }
    // a name outside the zone is relative to it, as Route 53 reads it
    const zoneName = zone.doc.name.replace(/\.$/, "").toLowerCase();
    const lower = name.replace(/\.$/, "").toLowerCase();
    const inZone = lower === zoneName || lower.endsWith(`.${zoneName}`);
    const record: NonNullable<HostedZoneInput["records"]>[number] = {
      name: inZone ? name : `${name.replace(/\.$/, "")}.${zone.doc.name}`,
      type: type as "A",
    };
    const [alias] = blocks(resource.values.alias);
    if (alias) {
      const [endpoint] = placedOf(ctx, ctx.endpoints, alias.name);
      if (!endpoint || endpoint.doc.type === "gateway") {
        ctx.warn(
          "alias to something other than an endpoint of this configuration: not modelled",
          resource,
        );
        continue;
      }
      record.aliasToEndpoint = `${endpoint.vpc.doc.id}/${endpoint.doc.id}`;
    }
    const values = ctx.index
      .list(resource.values.records)
      .map((v) => ctx.index.text(v))
      .filter((v): v is string => v !== undefined);
    if (values.length > 0) record.values = values;
    else if (!alias) {
      ctx.skip("record whose values are unknown", resource);
      continue;
    }
    ctx.used.add(resource.address);
    zone.doc.records = [...(zone.doc.records ?? []), record];
    ctx.origins.set(record, resource);
  }
  for (const [address, zone] of ctx.hostedZones) {
    if (!zone.doc.private || (zone.doc.vpcs ?? []).length > 0) continue;
    zone.doc.private = false;
    const resource = ctx.index.byAddress.get(address);
    ctx.warn(
      "private zone whose VPCs are not in this configuration: priced as a zone without VPCs",
      resource,
    );
  }
}
