import {
  blocks,
  bool,
  type LoadBalancerInput,
  type MappingContext,
  placedOf,
} from "./mappingContext.js";

/**
 * aws_lb / aws_alb of type network or gateway (+ aws_lb_listener ports) → load balancers
 * of the VPC of their subnets; application load balancers are left "not modelled".
 */
export function mapLoadBalancers(ctx: MappingContext): void {
  const lbs = [...ctx.index.ofType("aws_lb"), ...ctx.index.ofType("aws_alb")];
  for (const resource of lbs) {
    const { values } = resource;
    const type = ctx.index.text(values.load_balancer_type) ?? "application";
    if (type !== "network" && type !== "gateway") continue;
    const subnets = placedOf(ctx, ctx.subnets, [
      ...ctx.index.list(values.subnets),
      ...blocks(values.subnet_mapping).map((b) => b.subnet_id),
    ]);
    const [first] = subnets;
    if (!first) {
      ctx.skip(`${type} load balancer whose subnets are unknown`, resource);
      continue;
    }
    const azs = [...new Set(subnets.filter((s) => s.vpc === first.vpc).map((s) => s.doc.az))];
    const doc: LoadBalancerInput = {
      id: ctx.id(resource),
      name: ctx.index.text(values.name) ?? resource.address,
      type,
      azs,
      crossZone: bool(values.enable_cross_zone_load_balancing) ?? false,
    };
    first.vpc.doc.loadBalancers.push(doc);
    ctx.loadBalancers.set(resource.address, { vpc: first.vpc, doc });
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
  }
  for (const resource of ctx.index.ofType("aws_lb_listener")) {
    const [lb] = placedOf(ctx, ctx.loadBalancers, resource.values.load_balancer_arn);
    if (!lb) continue;
    ctx.used.add(resource.address);
    const port = resource.values.port;
    const n = typeof port === "string" ? Number(port) : port;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) continue;
    const ports = (lb.doc.listenerPorts ?? []) as number[];
    if (!ports.includes(n)) lb.doc.listenerPorts = [...ports, n];
  }
}
