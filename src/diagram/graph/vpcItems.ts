import type { Endpoint, Topology, Vpc } from "../../topology/topology.js";
import type { CostAnnotations } from "./costAnnotations.js";
import type { DiagramItem, DiagramNode } from "./diagramGraph.js";
import { type EdgeList, edge, group, node } from "./graphElements.js";
import type { GraphIndex } from "./graphIndex.js";

export type Detail = "accounts" | "vpcs" | "azs" | "subnets";

/** Ids of diagram elements, stable across runs (renderers sanitise them). */
export const ids = {
  account: (a: string) => `account:${a}`,
  region: (a: string, r: string) => `region:${a}/${r}`,
  vpc: (v: string) => `vpc:${v}`,
  az: (v: string, az: string) => `az:${v}/${az}`,
  subnet: (v: string, s: string) => `subnet:${v}/${s}`,
  endpoint: (v: string, e: string) => `endpoint:${v}/${e}`,
  eni: (v: string, e: string, az: string) => `eni:${v}/${e}/${az}`,
  workload: (v: string, w: string) => `workload:${v}/${w}`,
  loadBalancer: (v: string, l: string) => `lb:${v}/${l}`,
  target: (v: string, l: string) => `target:${v}/${l}`,
  endpointService: (s: string) => `endpoint-service:${s}`,
  nat: (v: string, n: string) => `nat:${v}/${n}`,
  routeTable: (v: string, t: string) => `route-table:${v}/${t}`,
  zone: (z: string) => `zone:${z}`,
  awsService: (a: string, r: string, s: string) => `aws:${a}/${r}/${s}`,
  saas: (name: string) => `saas:${name}`,
};

export interface GraphContext extends EdgeList {
  topology: Topology;
  detail: Detail;
  securityGroups: boolean;
  routeTables: boolean;
  costs: CostAnnotations;
  index: GraphIndex;
}

/** The node an edge to or from an endpoint attaches to: the endpoint, or one of its ENIs. */
export function endpointNodeId(
  ctx: GraphContext,
  vpc: Vpc,
  endpoint: Endpoint,
  az?: string,
): string {
  if (endpoint.type === "gateway" || ctx.detail === "vpcs" || ctx.detail === "accounts") {
    return ids.endpoint(vpc.id, endpoint.id);
  }
  const eni = endpoint.enis.find((e) => e.az === az) ?? endpoint.enis[0];
  return eni ? ids.eni(vpc.id, endpoint.id, eni.az) : ids.endpoint(vpc.id, endpoint.id);
}

/**
 * Every node an endpoint is drawn as: its ENIs at azs and subnets detail (each one carries
 * traffic to the endpoint's target), else the endpoint itself.
 */
export function endpointNodeIds(ctx: GraphContext, vpc: Vpc, endpoint: Endpoint): string[] {
  const zonal = ctx.detail === "azs" || ctx.detail === "subnets";
  if (endpoint.type === "gateway" || !zonal || endpoint.enis.length === 0) {
    return [endpointNodeId(ctx, vpc, endpoint)];
  }
  return endpoint.enis.map((eni) => ids.eni(vpc.id, endpoint.id, eni.az));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "interface · ecr.api" (· "3 AZs" with `azs`): the type, the target and the AZ count. */
function endpointWhat(endpoint: Endpoint, azs: boolean): string[] {
  if (endpoint.type === "gateway") return [endpoint.type, endpoint.service];
  const t = endpoint.target;
  const target =
    t.kind === "aws-service"
      ? t.service
      : t.kind === "endpoint-service"
        ? `→ ${t.endpointService}`
        : "SaaS";
  return [endpoint.type, target, ...(azs ? [plural(endpoint.enis.length, "AZ")] : [])];
}

/** The signature of an endpoint: type, target and AZ count (see DiagramNode.signature). */
function endpointSignature(endpoint: Endpoint): string {
  return endpointWhat(endpoint, true).join(" · ");
}

function endpointDetail(ctx: GraphContext, endpoint: Endpoint): string {
  const parts = endpointWhat(endpoint, ctx.detail === "vpcs");
  if (ctx.securityGroups && endpoint.type === "interface" && endpoint.securityGroups.length > 0) {
    parts.push(`sg ${endpoint.securityGroups.join(", ")}`);
  }
  return parts.join(" · ");
}

type Workload = Vpc["workloads"][number];
type NatGateway = Vpc["natGateways"][number];

function workloadAz(ctx: GraphContext, vpc: Vpc, workload: Workload): string | undefined {
  return workload.az ?? ctx.index.subnet(vpc, workload.subnet)?.az;
}

function workloadNode(vpc: Vpc, workload: Workload): DiagramNode {
  return node(
    ids.workload(vpc.id, workload.id),
    "workload",
    workload.name ?? workload.id,
    "workload",
    null,
    "workload",
  );
}

/** A NAT gateway node; `where` is its AZ (VPC level) or its connectivity (inside its AZ). */
function natNode(ctx: GraphContext, vpc: Vpc, nat: NatGateway, where: string): DiagramNode {
  const cost = ctx.costs.resource(vpc.account, vpc.id, "nat-gateway", nat.id);
  return node(
    ids.nat(vpc.id, nat.id),
    "nat-gateway",
    nat.id,
    `NAT gateway · ${where}`,
    cost,
    `NAT gateway · ${nat.connectivity}`,
  );
}

/** Nodes of a VPC placed by AZ (and subnet) at the azs / subnets detail levels. */
function zonalChildren(
  ctx: GraphContext,
  vpc: Vpc,
): { byAz: Map<string, DiagramItem[]>; bySubnet: Map<string, DiagramItem[]> } {
  const byAz = new Map<string, DiagramItem[]>(vpc.azs.map((az) => [az, []]));
  const bySubnet = new Map<string, DiagramItem[]>(vpc.subnets.map((s) => [s.id, []]));
  const place = (az: string, subnet: string | undefined, item: DiagramItem) => {
    const list =
      ctx.detail === "subnets" && subnet !== undefined ? bySubnet.get(subnet) : byAz.get(az);
    (list ?? byAz.get(az))?.push(item);
  };
  for (const endpoint of vpc.endpoints) {
    if (endpoint.type === "gateway") continue;
    for (const eni of endpoint.enis) {
      const n = node(
        ids.eni(vpc.id, endpoint.id, eni.az),
        endpoint.type === "gwlb" ? "gwlb-endpoint" : "interface-endpoint",
        endpoint.name ?? endpoint.id,
        `ENI · ${endpointDetail(ctx, endpoint)}`,
        ctx.costs.eni(vpc.account, vpc.id, endpoint.id, eni.az),
        ["ENI", ...endpointWhat(endpoint, false)].join(" · "),
      );
      place(eni.az, eni.subnet, { ...n, partOf: ids.endpoint(vpc.id, endpoint.id) });
    }
  }
  for (const workload of vpc.workloads) {
    const az = workloadAz(ctx, vpc, workload);
    if (az !== undefined) place(az, workload.subnet, workloadNode(vpc, workload));
  }
  for (const nat of vpc.natGateways) {
    const subnet = nat.subnet ?? ctx.index.publicSubnetIn(vpc, nat.az)?.id;
    place(nat.az, subnet, natNode(ctx, vpc, nat, nat.connectivity));
  }
  return { byAz, bySubnet };
}

/** The children of a VPC group at the chosen detail level, and the edges inside it. */
export function vpcItems(ctx: GraphContext, vpc: Vpc): DiagramItem[] {
  const items: DiagramItem[] = [];
  const zonal = ctx.detail === "azs" || ctx.detail === "subnets";
  for (const workload of vpc.workloads) {
    const az = workloadAz(ctx, vpc, workload);
    if (!zonal || az === undefined) items.push(workloadNode(vpc, workload));
    for (const ref of workload.uses) {
      // "vpc/endpoint": an endpoint of another VPC (a shared hub)
      const slash = ref.indexOf("/");
      const home = slash < 0 ? vpc : ctx.index.vpc(ref.slice(0, slash));
      const endpoint = home && ctx.index.endpoint(home, ref.slice(slash + 1));
      if (home && endpoint)
        edge(
          ctx,
          ids.workload(vpc.id, workload.id),
          endpointNodeId(ctx, home, endpoint, az),
          "uses",
          null,
        );
    }
  }
  for (const endpoint of vpc.endpoints) {
    if (zonal && endpoint.type !== "gateway") continue;
    const kind =
      endpoint.type === "gateway"
        ? "gateway-endpoint"
        : endpoint.type === "gwlb"
          ? "gwlb-endpoint"
          : "interface-endpoint";
    items.push(
      node(
        ids.endpoint(vpc.id, endpoint.id),
        kind,
        endpoint.name ?? endpoint.id,
        endpointDetail(ctx, endpoint),
        ctx.costs.resource(vpc.account, vpc.id, "endpoint", endpoint.id),
        endpointSignature(endpoint),
      ),
    );
  }
  if (zonal) {
    const { byAz, bySubnet } = zonalChildren(ctx, vpc);
    for (const az of vpc.azs) {
      const subnets =
        ctx.detail === "subnets"
          ? ctx.index
              .subnetsIn(vpc, az)
              .map((s) =>
                group(
                  ids.subnet(vpc.id, s.id),
                  "subnet",
                  s.id,
                  [s.tier, s.cidr].filter(Boolean).join(" · "),
                  null,
                  ["subnet", s.tier].filter(Boolean).join(" · "),
                  bySubnet.get(s.id) ?? [],
                ),
              )
          : [];
      items.push(
        group(ids.az(vpc.id, az), "az", az, null, null, "AZ", [
          ...subnets,
          ...(byAz.get(az) ?? []),
        ]),
      );
    }
  } else {
    for (const nat of vpc.natGateways) items.push(natNode(ctx, vpc, nat, nat.az));
  }
  for (const lb of vpc.loadBalancers) {
    const kind = lb.type === "network" ? "network-load-balancer" : "gateway-load-balancer";
    const what = `${lb.type === "network" ? "NLB" : "GWLB"} · ${plural(lb.azs.length, "AZ")}`;
    const lbNode = node(
      ids.loadBalancer(vpc.id, lb.id),
      "load-balancer",
      lb.name ?? lb.id,
      what,
      ctx.costs.resource(vpc.account, vpc.id, kind, lb.id),
      what,
    );
    // with AZs drawn, the load balancer spans the AZs it has nodes in
    items.push(zonal ? { ...lbNode, across: lb.azs.map((az) => ids.az(vpc.id, az)) } : lbNode);
    if (lb.targets) {
      items.push(
        node(ids.target(vpc.id, lb.id), "service", lb.targets, "targets", null, "targets"),
      );
      edge(ctx, ids.loadBalancer(vpc.id, lb.id), ids.target(vpc.id, lb.id), "targets", null);
    }
  }
  if (ctx.routeTables) {
    for (const table of vpc.routeTables) {
      items.push(
        node(
          ids.routeTable(vpc.id, table.id),
          "route-table",
          table.name ?? table.id,
          "route table",
          null,
          "route table",
        ),
      );
    }
    for (const endpoint of vpc.endpoints) {
      if (endpoint.type !== "gateway") continue;
      for (const table of endpoint.routeTables)
        edge(ctx, ids.routeTable(vpc.id, table), ids.endpoint(vpc.id, endpoint.id), "route", null);
    }
  }
  return items;
}
