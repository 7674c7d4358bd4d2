import { formatQuantity, quantityFromNumber } from "../../core/money.js";
import type { Endpoint, GwlbEndpoint, InterfaceEndpoint, Vpc } from "../../topology/topology.js";
import {
  addEniHourLines,
  addFreeLine,
  addLine,
  addPendingUsageLine,
  addTieredLines,
  type CostContext,
  type LineOwner,
} from "./costContext.js";
import type { ResourceKind } from "./lineItem.js";

function describeTarget(endpoint: InterfaceEndpoint | GwlbEndpoint): string {
  const t = endpoint.target;
  if (t.kind === "aws-service") return t.service;
  if (t.kind === "endpoint-service") return `endpoint service ${t.endpointService}`;
  return endpoint.name ?? t.serviceName;
}

/** The owner of an endpoint's transfer lines: the endpoint, as kind data-transfer. */
function transferOwner(owner: LineOwner): LineOwner {
  return {
    account: owner.account,
    vpc: owner.vpc,
    region: owner.region,
    resource: owner.resource,
    kind: "data-transfer",
    path: owner.path,
  };
}

/** Inter-region transfer for traffic that reaches an endpoint from another region. */
function addInterRegion(
  ctx: CostContext,
  owner: LineOwner,
  component: string,
  from: string,
  to: string,
  gb: number,
  what: string,
): void {
  const price = ctx.book.regional(from, "interRegionGb", owner.path);
  if (!price) return;
  const quantity = quantityFromNumber(gb);
  addLine(
    ctx,
    transferOwner(owner),
    price,
    {
      component,
      description: `${what}: inter-region transfer ${from} → ${to}`,
      quantity,
      unit: "GB",
    },
    price.byDestination.get(to),
  );
}

/** Transfer charges for traffic that does not originate next to an ENI of the endpoint. */
function addTransfer(
  ctx: CostContext,
  owner: LineOwner,
  endpoint: InterfaceEndpoint | GwlbEndpoint,
  vpc: Vpc,
): void {
  const sources = endpoint.trafficSources;
  const enis = sources.length === 0 ? null : new Set(endpoint.enis.map((e) => e.az));
  for (const source of sources) {
    if (source.region !== undefined) {
      addInterRegion(
        ctx,
        owner,
        `inter-region-from-${source.region}`,
        source.region,
        vpc.region,
        source.gbPerMonth,
        `traffic from ${source.region}`,
      );
      continue;
    }
    if (source.az === undefined || enis?.has(source.az)) continue;
    const price = ctx.book.regional(vpc.region, "interAzGb", owner.path);
    const gb = quantityFromNumber(source.gbPerMonth);
    addLine(ctx, transferOwner(owner), price, {
      component: "cross-az",
      az: source.az,
      description: `cross-AZ transfer from ${source.az} (no ENI there): ${formatQuantity(gb)} GB billed out and in`,
      quantity: gb * 2n,
      unit: "GB (out + in)",
    });
  }
  const target = endpoint.target;
  if (target.kind === "endpoint-service") {
    const service = ctx.services.get(target.endpointService);
    if (service && service.region !== vpc.region) {
      addInterRegion(
        ctx,
        owner,
        "privatelink-cross-region",
        service.region,
        vpc.region,
        endpoint.gbPerMonth,
        `cross-region PrivateLink to ${target.endpointService}`,
      );
    }
  }
}

function addEniEndpoint(
  ctx: CostContext,
  owner: LineOwner,
  endpoint: InterfaceEndpoint | GwlbEndpoint,
  vpc: Vpc,
): void {
  const interfaceType = endpoint.type === "interface";
  const hourItem = interfaceType ? "interfaceEndpointHour" : "gwlbEndpointHour";
  const gbItem = interfaceType ? "interfaceEndpointGb" : "gwlbEndpointGb";
  const hourPrice = ctx.book.regional(vpc.region, hourItem, owner.path);
  const gbPrice = ctx.book.regional(vpc.region, gbItem, owner.path);
  const what = describeTarget(endpoint);
  addEniHourLines(
    ctx,
    owner,
    hourPrice,
    what,
    endpoint.enis.map((eni) => eni.az),
  );
  const gb = quantityFromNumber(endpoint.gbPerMonth);
  const data = {
    component: "data",
    description: `${what}: data processed`,
    quantity: gb,
    unit: "GB",
  };
  // tiers apply to the sum over the account's interface endpoints in the region
  const pool = interfaceType ? `${owner.account}/${vpc.region}/${gbItem}` : undefined;
  if (gb === 0n) {
    // no traffic: no data line for a modelled endpoint (the price was still looked up, so
    // it must exist); an imported one shows its rate, its usage unknown
    if (endpoint.source)
      addPendingUsageLine(ctx, owner, gbPrice, data, endpoint.source.terraform, pool);
  } else if (pool) {
    addTieredLines(ctx, owner, gbPrice, pool, data);
  } else {
    addLine(ctx, owner, gbPrice, data);
  }
  addTransfer(ctx, owner, endpoint, vpc);
}

function addEndpoint(ctx: CostContext, owner: LineOwner, endpoint: Endpoint, vpc: Vpc): void {
  if (endpoint.type === "gateway") {
    addFreeLine(ctx, owner, {
      component: "service",
      description: `${endpoint.service} gateway endpoint: no hourly or per-GB charge`,
      quantity: quantityFromNumber(endpoint.gbPerMonth),
      unit: "GB",
    });
    return;
  }
  addEniEndpoint(ctx, owner, endpoint, vpc);
}

const KIND = {
  interface: "interface-endpoint",
  gateway: "gateway-endpoint",
  gwlb: "gwlb-endpoint",
} as const;

/**
 * The owner of an endpoint's lines. Its input path is built only when read (for a
 * missing-price message): the owner lives as long as the lines, and a path string per
 * endpoint would be 30,000 strings kept for nothing in a large organisation.
 */
class EndpointOwner implements LineOwner {
  constructor(
    readonly account: string,
    readonly vpc: string,
    readonly region: string,
    readonly resource: string,
    readonly kind: ResourceKind,
    private readonly vpcPath: string,
    private readonly index: number,
  ) {}

  get path(): string {
    return `${this.vpcPath}.endpoints[${this.index}]`;
  }
}

/** Lines of the endpoints of one VPC (defined at `path`), in input order. */
export function addEndpointCosts(ctx: CostContext, vpc: Vpc, path: string): void {
  vpc.endpoints.forEach((endpoint, e) => {
    const owner = new EndpointOwner(
      vpc.account,
      vpc.id,
      vpc.region,
      endpoint.id,
      KIND[endpoint.type],
      path,
      e,
    );
    addEndpoint(ctx, owner, endpoint, vpc);
  });
}
