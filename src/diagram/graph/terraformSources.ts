import { describeSource, type Source } from "../../topology/sourceSchema.js";
import type { Topology } from "../../topology/topology.js";
import type { DiagramItem } from "./diagramGraph.js";
import { tgwIds } from "./transitGatewayItems.js";
import { ids } from "./vpcItems.js";

/** Graph ids of the topology's elements that say where they are written in Terraform. */
function sourcesById(topology: Topology): Map<string, Source> {
  const byId = new Map<string, Source>();
  // an id is built only for an element that has a source (none has, written by hand)
  for (const account of topology.accounts) {
    for (const vpc of account.vpcs) {
      if (vpc.source) byId.set(ids.vpc(vpc.id), vpc.source);
      for (const s of vpc.subnets) if (s.source) byId.set(ids.subnet(vpc.id, s.id), s.source);
      for (const t of vpc.routeTables) {
        if (t.source) byId.set(ids.routeTable(vpc.id, t.id), t.source);
      }
      for (const w of vpc.workloads) if (w.source) byId.set(ids.workload(vpc.id, w.id), w.source);
      for (const n of vpc.natGateways) if (n.source) byId.set(ids.nat(vpc.id, n.id), n.source);
      for (const lb of vpc.loadBalancers) {
        if (lb.source) byId.set(ids.loadBalancer(vpc.id, lb.id), lb.source);
      }
      for (const e of vpc.endpoints) {
        if (!e.source) continue;
        byId.set(ids.endpoint(vpc.id, e.id), e.source);
        if (e.type !== "gateway") {
          for (const eni of e.enis) byId.set(ids.eni(vpc.id, e.id, eni.az), e.source);
        }
      }
    }
    for (const s of account.endpointServices) {
      if (s.source) byId.set(ids.endpointService(s.id), s.source);
    }
    for (const z of account.hostedZones) if (z.source) byId.set(ids.zone(z.id), z.source);
    for (const g of account.transitGateways) {
      if (g.source) byId.set(tgwIds.gateway(g.id), g.source);
    }
  }
  return byId;
}

/**
 * Note on each item drawn from an element imported from Terraform where it is written
 * ("aws_vpc_endpoint.x (main.tf:12)", in `terraform`): the SVG shows it as the box's
 * tooltip. Linear in the topology and the graph; nothing to do for a topology written by hand.
 */
export function markTerraformSources(items: DiagramItem[], topology: Topology): void {
  const byId = sourcesById(topology);
  if (byId.size === 0) return;
  const stack = [...items];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const source = byId.get(item.id);
    if (source) item.terraform = describeSource(source);
    if (item.type === "group") stack.push(...item.children);
  }
}
