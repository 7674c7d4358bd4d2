import type { TerraformResource } from "../terraformModel.js";
import {
  blocks,
  displayName,
  type EndpointInput,
  type MappingContext,
  placedOf,
  type VpcDraft,
  vpcOf,
} from "./mappingContext.js";

const TYPES: Record<string, "interface" | "gateway" | "gwlb"> = {
  Interface: "interface",
  Gateway: "gateway",
  GatewayLoadBalancer: "gwlb",
};

type Target = { service: string } | { endpointService: string } | { serviceName: string };

/** What an endpoint connects to, from its service_name. */
function serviceTarget(
  ctx: MappingContext,
  resource: TerraformResource,
  region: string,
): Target | undefined {
  const value = resource.values.service_name;
  const name = ctx.index.text(value);
  for (const [address, service] of ctx.endpointServices) {
    const target = ctx.index.byAddress.get(address);
    const referred = ctx.index.resolve(value).some((r) => r.address === address);
    if (referred || (name !== undefined && target?.values.service_name === name))
      return { endpointService: service.doc.id };
  }
  if (name === undefined) {
    // data "aws_vpc_endpoint_service" { service = "s3" }: its service, named
    const [source] = ctx.index.resolve(value);
    const service =
      source?.type === "aws_vpc_endpoint_service"
        ? ctx.index.text(source.values.service)
        : undefined;
    return service !== undefined && /^[a-z0-9][a-z0-9.-]*$/.test(service) ? { service } : undefined;
  }
  if (name.startsWith("com.amazonaws.vpce.")) return { serviceName: name };
  const aws = /^com\.amazonaws\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.([a-z0-9][a-z0-9.-]*)$/.exec(name);
  if (aws?.[1]) return { service: aws[1] };
  ctx.warn(`service_name "${name}" not understood (priced as in ${region})`, resource);
  return undefined;
}

function serviceHasPrivateDns(ctx: MappingContext, id: string): boolean {
  for (const service of ctx.endpointServices.values())
    if (service.doc.id === id) return service.doc.privateDnsName !== undefined;
  return false;
}

/** A policy argument as the topology keeps it: a JSON object or its text. */
function policyOf(
  ctx: MappingContext,
  resource: TerraformResource,
): Record<string, unknown> | string | undefined {
  const value = resource.values.policy;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value) && !("$ref" in value))
    return value as Record<string, unknown>;
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return value;
    } catch {
      // reported below
    }
  }
  ctx.warn("policy is not a JSON object known statically: left out", resource);
  return undefined;
}

/** The ids of the mapped elements a list refers to, in the endpoint's VPC. */
function idsIn<T extends { id: string }>(
  ctx: MappingContext,
  map: ReadonlyMap<string, { vpc: VpcDraft; doc: T }>,
  vpc: VpcDraft,
  value: unknown,
): string[] {
  return placedOf(ctx, map, value)
    .filter((p) => p.vpc === vpc)
    .map((p) => p.doc.id);
}

/** Association resources of one kind: endpoint address → the values they add. */
function associations(ctx: MappingContext, type: string, field: string): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const resource of ctx.index.ofType(type)) {
    const [endpoint] = ctx.index.resolve(resource.values.vpc_endpoint_id);
    if (endpoint?.type !== "aws_vpc_endpoint") continue;
    ctx.used.add(resource.address);
    out.set(endpoint.address, [...(out.get(endpoint.address) ?? []), resource.values[field]]);
  }
  return out;
}

function build(
  ctx: MappingContext,
  resource: TerraformResource,
  vpc: VpcDraft,
  kind: "interface" | "gateway" | "gwlb",
  extra: { subnets: unknown[]; routeTables: unknown[]; securityGroups: unknown[] },
): EndpointInput | undefined {
  const { values } = resource;
  const name = displayName(resource, ctx);
  const common = { id: ctx.id(resource), ...(name === undefined ? {} : { name }) };
  const target = serviceTarget(ctx, resource, vpc.doc.region);
  if (kind === "gateway") {
    if (!target || !("service" in target)) {
      ctx.skip("gateway endpoint whose AWS service is unknown", resource);
      return undefined;
    }
    const routeTables = idsIn(ctx, ctx.routeTables, vpc, [
      ...ctx.index.list(values.route_table_ids),
      ...extra.routeTables,
    ]);
    const policy = policyOf(ctx, resource);
    return {
      ...common,
      type: "gateway",
      service: target.service,
      routeTables,
      ...(policy && { policy }),
    };
  }
  const subnetValues = [
    ...ctx.index.list(values.subnet_ids),
    ...blocks(values.subnet_configuration).map((b) => b.subnet_id),
    ...extra.subnets,
  ];
  const subnets = idsIn(ctx, ctx.subnets, vpc, subnetValues);
  const placement = subnets.length > 0 ? { subnets } : {};
  if (subnets.length === 0) {
    const why = resource.unknown.includes("subnet_ids") ? "subnet_ids unknown" : "no subnets known";
    ctx.warn(`${why}: assumed an ENI in every AZ of the VPC (${vpc.doc.azs.join(", ")})`, resource);
  }
  const to =
    target && !("service" in target && kind === "gwlb")
      ? target
      : { serviceName: `com.amazonaws.vpce.${vpc.doc.region}.vpce-svc-unknown` };
  if (!target)
    ctx.warn("service_name unknown: priced as an endpoint of an external service", resource);
  if (kind === "gwlb") return { ...common, type: "gwlb", ...to, ...placement } as EndpointInput;
  const securityGroups = idsIn(ctx, ctx.securityGroups, vpc, [
    ...ctx.index.list(values.security_group_ids),
    ...extra.securityGroups,
  ]);
  const policy = policyOf(ctx, resource);
  let privateDns = values.private_dns_enabled === true;
  if (privateDns && "endpointService" in to && !serviceHasPrivateDns(ctx, to.endpointService)) {
    ctx.warn(
      "private_dns_enabled, but its endpoint service has no private_dns_name: off",
      resource,
    );
    privateDns = false;
  }
  return {
    ...common,
    type: "interface",
    ...to,
    ...placement,
    securityGroups,
    privateDns,
    ...(policy && { policy }),
  };
}

/**
 * aws_vpc_endpoint (+ its _subnet_association, _route_table_association,
 * _security_group_association and aws_vpc_endpoint_policy) → endpoints of their VPC. Provider defaults: type Gateway,
 * private DNS off.
 */
export function mapEndpoints(ctx: MappingContext): void {
  const subnets = associations(ctx, "aws_vpc_endpoint_subnet_association", "subnet_id");
  const tables = associations(ctx, "aws_vpc_endpoint_route_table_association", "route_table_id");
  const groups = associations(
    ctx,
    "aws_vpc_endpoint_security_group_association",
    "security_group_id",
  );
  for (const resource of ctx.index.ofType("aws_vpc_endpoint")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id, resource);
    if (!vpc) {
      ctx.skip("endpoint in a VPC not in this configuration", resource);
      continue;
    }
    const typeName = ctx.index.text(resource.values.vpc_endpoint_type) ?? "Gateway";
    const kind = TYPES[typeName];
    if (!kind) {
      ctx.skip(`endpoint type ${typeName}`, resource);
      continue;
    }
    const doc = build(ctx, resource, vpc, kind, {
      subnets: subnets.get(resource.address) ?? [],
      routeTables: tables.get(resource.address) ?? [],
      securityGroups: groups.get(resource.address) ?? [],
    });
    if (!doc) continue;
    vpc.doc.endpoints.push(doc);
    ctx.endpoints.set(resource.address, { vpc, doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const resource of ctx.index.ofType("aws_vpc_endpoint_policy")) {
    const [endpoint] = placedOf(ctx, ctx.endpoints, resource.values.vpc_endpoint_id);
    if (!endpoint || endpoint.doc.type === "gwlb") continue;
    ctx.used.add(resource.address);
    const policy = policyOf(ctx, resource);
    if (policy) endpoint.doc.policy = policy;
  }
}
