import {
  bool,
  type EndpointServiceInput,
  type MappingContext,
  placedOf,
} from "./mappingContext.js";

function texts(ctx: MappingContext, value: unknown): string[] {
  return ctx.index
    .list(value)
    .map((v) => ctx.index.text(v))
    .filter((v): v is string => v !== undefined);
}

/**
 * aws_vpc_endpoint_service (+ aws_vpc_endpoint_service_allowed_principal) → endpoint
 * services of the account and VPC of their load balancer.
 */
export function mapEndpointServices(ctx: MappingContext): void {
  for (const resource of ctx.index.ofType("aws_vpc_endpoint_service")) {
    const { values } = resource;
    const [lb] = placedOf(ctx, ctx.loadBalancers, [
      ...ctx.index.list(values.network_load_balancer_arns),
      ...ctx.index.list(values.gateway_load_balancer_arns),
    ]);
    if (!lb) {
      ctx.skip("endpoint service whose load balancer is not modelled", resource);
      continue;
    }
    if (
      [...ctx.endpointServices.values()].some(
        (s) => s.doc.loadBalancer === lb.doc.id && s.doc.vpc === lb.vpc.doc.id,
      )
    ) {
      ctx.skip("a second endpoint service on the same load balancer", resource);
      continue;
    }
    const doc: EndpointServiceInput = {
      id: ctx.id(resource),
      name: resource.address,
      vpc: lb.vpc.doc.id,
      loadBalancer: lb.doc.id,
      acceptanceRequired: bool(values.acceptance_required) ?? true,
      allowedPrincipals: texts(ctx, values.allowed_principals),
      supportedRegions: texts(ctx, values.supported_regions),
    };
    const tags = values.tags as Record<string, unknown> | undefined;
    const tagName = tags && typeof tags === "object" ? ctx.index.text(tags.Name) : undefined;
    if (tagName) doc.name = tagName;
    const privateDns = ctx.index.text(values.private_dns_name);
    if (privateDns) doc.privateDnsName = privateDns;
    ctx.endpointServices.set(resource.address, { account: lb.vpc.account, doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const resource of ctx.index.ofType("aws_vpc_endpoint_service_allowed_principal")) {
    const [service] = placedOf(ctx, ctx.endpointServices, resource.values.vpc_endpoint_service_id);
    const principal = ctx.index.text(resource.values.principal_arn);
    if (!service || !principal) continue;
    ctx.used.add(resource.address);
    const list = (service.doc.allowedPrincipals ?? []) as string[];
    if (!list.includes(principal)) service.doc.allowedPrincipals = [...list, principal];
  }
}
