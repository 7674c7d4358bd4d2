import type { TerraformResource } from "../terraformModel.js";
import {
  bool,
  displayName,
  type MappingContext,
  placedOf,
  type SubnetInput,
  type VpcDraftDoc,
  vpcOf,
} from "./mappingContext.js";
import { assumedAzs } from "./providerRegions.js";

/** aws_vpc (+ aws_vpc_ipv4_cidr_block_association) → VPCs, their lists empty. */
export function mapVpcs(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_vpc")) {
    const { values } = resource;
    const doc: VpcDraftDoc = {
      id: ctx.id(resource),
      name: displayName(resource, ctx),
      region: ctx.regionOf(resource),
      azs: [],
      subnets: [],
      routeTables: [],
      securityGroups: [],
      endpoints: [],
      natGateways: [],
      loadBalancers: [],
    };
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

/** aws_subnet → subnets of their VPC; AZs of the VPCs from their subnets. */
export function mapSubnets(ctx: MappingContext): void {
  const missing: { resource: TerraformResource; doc: SubnetInput }[] = [];
  for (const resource of ctx.index.ofType("aws_subnet")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id);
    if (!vpc) {
      ctx.warn("subnet of a VPC not in this configuration: not modelled", resource);
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
      `no Availability Zone known for this VPC: assumed ${vpc.doc.azs.join(", ")}, the first two of ${vpc.doc.region}`,
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

/** aws_nat_gateway → NAT gateways in the VPC and AZ of their subnet. */
export function mapNatGateways(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_nat_gateway")) {
    const [subnet] = placedOf(ctx, ctx.subnets, resource.values.subnet_id);
    if (!subnet) {
      ctx.warn("NAT gateway whose subnet is unknown: not modelled", resource);
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

/** The linkplan target of a route block (or aws_route), if it is modelled. */
function routeTarget(
  ctx: MappingContext,
  vpcId: string,
  route: Record<string, unknown>,
): string | undefined {
  const [nat] = placedOf(ctx, ctx.natGateways, route.nat_gateway_id);
  if (nat && nat.vpc.doc.id === vpcId) return `nat:${nat.doc.id}`;
  const [tgw] = placedOf(ctx, ctx.transitGateways, route.transit_gateway_id);
  if (tgw) return `tgw:${tgw.doc.id}`;
  const gateway = route.gateway_id;
  const [igw] = ctx.index.resolve(gateway);
  if (igw?.type === "aws_internet_gateway") return "igw";
  if (typeof gateway === "string" && gateway.startsWith("igw-")) return "igw";
  return undefined;
}

function addRoute(
  ctx: MappingContext,
  table: {
    vpc: { doc: { id: string } };
    doc: { routes?: { destination: string; target: string }[] };
  },
  route: Record<string, unknown>,
  resource: TerraformResource,
): void {
  if (route.vpc_endpoint_id !== undefined && route.vpc_endpoint_id !== null) return;
  const destination =
    ctx.index.text(route.destination_cidr_block) ??
    ctx.index.text(route.cidr_block) ??
    ctx.index.text(route.destination_prefix_list_id) ??
    ctx.index.text(route.destination_ipv6_cidr_block) ??
    ctx.index.text(route.ipv6_cidr_block);
  const target = routeTarget(ctx, table.vpc.doc.id, route);
  if (destination === undefined || target === undefined) {
    ctx.warn(
      `route${destination ? ` to ${destination}` : ""}: target not modelled (only NAT gateways, transit gateways and internet gateways of this configuration are)`,
      resource,
    );
    return;
  }
  table.doc.routes = [...(table.doc.routes ?? []), { destination, target }];
}

/** aws_route_table (+ aws_route, aws_route_table_association) → route tables, subnet links. */
export function mapRouteTables(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_route_table")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id);
    if (!vpc) continue;
    const doc = { id: ctx.id(resource), name: displayName(resource, ctx), routes: [] };
    const table = { vpc, doc };
    vpc.doc.routeTables.push(doc);
    ctx.routeTables.set(resource.address, table);
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
    for (const route of ctx.index.list(resource.values.route))
      if (route && typeof route === "object") addRoute(ctx, table, route as never, resource);
  }
  for (const resource of ctx.index.ofType("aws_route")) {
    const [table] = placedOf(ctx, ctx.routeTables, resource.values.route_table_id);
    if (!table) continue;
    ctx.used.add(resource.address);
    addRoute(ctx, table, resource.values, resource);
  }
  for (const resource of ctx.index.ofType("aws_route_table_association")) {
    const [table] = placedOf(ctx, ctx.routeTables, resource.values.route_table_id);
    const [subnet] = placedOf(ctx, ctx.subnets, resource.values.subnet_id);
    if (!table || !subnet) continue;
    ctx.used.add(resource.address);
    if (table.vpc !== subnet.vpc) {
      ctx.warn("associates a route table with a subnet of another VPC: ignored", resource);
      continue;
    }
    subnet.doc.routeTable = table.doc.id;
  }
}
