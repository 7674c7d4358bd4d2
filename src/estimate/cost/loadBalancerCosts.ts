import {
  divideRounded,
  formatQuantity,
  QUANTITY_UNIT,
  type Quantity,
  quantityFromNumber,
} from "../../core/money.js";
import type { Account, LoadBalancer, Vpc } from "../../topology/topology.js";
import {
  addFreeLine,
  addLine,
  addPendingUsageLine,
  type CostContext,
  type LineOwner,
  ONE,
} from "./costContext.js";
import { GLCU_CAPACITY, type LcuCapacity, NLCU_CAPACITY } from "./loadBalancerCapacity.js";

/**
 * LCU-hours in the month for a steady traffic profile: each hour bills the largest of the
 * dimensions divided by its capacity. With traffic spread evenly, the processed-bytes
 * dimension over the month is gbPerMonth / gbPerHour and the others scale with hours.
 * Rounded half-up to 6 decimals (the quantity precision).
 */
export function lcuHours(
  lb: LoadBalancer,
  hours: Quantity,
  capacity: LcuCapacity,
): { lcuHours: Quantity; dimension: string } {
  const t = lb.traffic;
  const dims: [string, Quantity][] = [
    [
      "new connections",
      divideRounded(
        quantityFromNumber(t.newConnectionsPerSecond) * hours,
        BigInt(capacity.newPerSecond) * QUANTITY_UNIT,
      ),
    ],
    [
      "active connections",
      divideRounded(
        quantityFromNumber(t.activeConnections) * hours,
        BigInt(capacity.active) * QUANTITY_UNIT,
      ),
    ],
    [
      "processed bytes",
      divideRounded(quantityFromNumber(t.gbPerMonth), BigInt(capacity.gbPerHour)),
    ],
  ];
  let best: [string, Quantity] = ["processed bytes", 0n];
  for (const dim of dims) if (dim[1] > best[1]) best = dim;
  return { lcuHours: best[1], dimension: best[0] };
}

function addLoadBalancer(ctx: CostContext, owner: LineOwner, lb: LoadBalancer): void {
  const network = lb.type === "network";
  const hourPrice = ctx.book.regional(
    owner.region,
    network ? "networkLoadBalancerHour" : "gatewayLoadBalancerHour",
    owner.path,
  );
  const lcuPrice = ctx.book.regional(
    owner.region,
    network ? "networkLoadBalancerLcuHour" : "gatewayLoadBalancerLcuHour",
    owner.path,
  );
  const name = network ? "NLB" : "GWLB";
  addLine(ctx, owner, hourPrice, {
    component: "hours",
    description: `${name} ${lb.id}: load balancer hours`,
    quantity: ctx.hours,
    unitsPerHour: ONE,
  });
  const capacity = network ? NLCU_CAPACITY[lb.traffic.protocol] : GLCU_CAPACITY;
  const { lcuHours: quantity, dimension } = lcuHours(lb, ctx.hours, capacity);
  const unit = network ? "NLCU" : "GLCU";
  const lcu = {
    component: "lcu",
    description: `${name} ${lb.id}: ${formatQuantity(quantity)} ${unit}-hours (${dimension} dimension)`,
    quantity,
  };
  if (quantity === 0n && lb.source) {
    addPendingUsageLine(ctx, owner, lcuPrice, lcu, lb.source.terraform);
  } else addLine(ctx, owner, lcuPrice, lcu);
}

/** Lines of the load balancers of one VPC (defined at `path`): the provider pays them. */
export function addLoadBalancerCosts(ctx: CostContext, vpc: Vpc, path: string): void {
  vpc.loadBalancers.forEach((lb, l) => {
    const kind = lb.type === "network" ? "network-load-balancer" : "gateway-load-balancer";
    const owner: LineOwner = {
      account: vpc.account,
      vpc: vpc.id,
      region: vpc.region,
      resource: lb.id,
      kind,
      path: `${path}.loadBalancers[${l}]`,
    };
    addLoadBalancer(ctx, owner, lb);
  });
}

/** Endpoint services have no charge of their own: a zero line each says so. */
export function addEndpointServiceCosts(ctx: CostContext, account: Account): void {
  for (const service of account.endpointServices) {
    addFreeLine(
      ctx,
      {
        account: account.id,
        vpc: service.vpc,
        region: service.region,
        resource: service.id,
        kind: "endpoint-service",
        path: "",
      },
      {
        component: "service",
        description: `endpoint service ${service.id}: no charge (its load balancer ${service.loadBalancer} is billed)`,
      },
    );
  }
}
