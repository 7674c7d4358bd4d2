import type { TerraformResource } from "../terraformModel.js";
import { displayName, type MappingContext, placedOf, vpcOf } from "./mappingContext.js";

/** The linkplan target of a route block (or aws_route), if it is modelled. */
function routeTarget(
  ctx: MappingContext,
  vpcId: string,
  route: Record<string, unknown>,
): string | undefined {
  const [nat] = placedOf(ctx, ctx.natGateways, route.nat_gateway_id);
  if (nat && nat.vpc.doc.id === vpcId) return `nat:${nat.doc.id}`;
  const [tgw] = placedOf(ctx, ctx.transitGateways, route.transit_gateway_id);
  if (tgw && (tgw.doc.attachments ?? []).some((a) => a.vpc === vpcId)) return `tgw:${tgw.doc.id}`;
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
      `route${destination ? ` to ${destination}` : ""}: target not modelled (only NAT gateways, internet gateways and transit gateways the VPC is attached to are)`,
      resource,
    );
    return;
  }
  if ((table.doc.routes ?? []).some((r) => r.destination === destination)) {
    ctx.warn(`a second route to ${destination} in the same route table: ignored`, resource);
    return;
  }
  table.doc.routes = [...(table.doc.routes ?? []), { destination, target }];
}

/** aws_route_table (+ aws_route, aws_route_table_association) → route tables, subnet links. */
export function mapRouteTables(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_route_table")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id, resource);
    if (!vpc) continue;
    const name = displayName(resource, ctx);
    const doc = { id: ctx.id(resource), ...(name === undefined ? {} : { name }), routes: [] };
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
