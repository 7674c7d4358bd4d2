import type { Finding } from "../../check/finding.js";
import { pathKeys } from "../../document/locatePath.js";
import type { Endpoint, Topology, Vpc } from "../../topology/topology.js";
import { type DiagramItem, type ItemFinding, walkItems } from "./diagramGraph.js";
import { tgwIds } from "./transitGatewayItems.js";
import { ids } from "./vpcItems.js";

/**
 * The ids that may draw an element, best first: each entry is a set of ids that together
 * draw it (an endpoint's ENIs at AZ detail); the first set with an id in the graph is used.
 */
type Candidates = string[][];

function endpointCandidates(account: string, vpc: Vpc, endpoint: Endpoint): Candidates {
  const enis =
    endpoint.type === "gateway" ? [] : endpoint.enis.map((e) => ids.eni(vpc.id, endpoint.id, e.az));
  // at detail accounts, the account's endpoints are one summary node
  return [[ids.endpoint(vpc.id, endpoint.id)], enis, [`endpoints:${account}`]];
}

/** What a finding's path (accounts[0].vpcs[1].endpoints[2]…) names in the topology. */
function byPath(topology: Topology, path: string): Candidates | null {
  const keys = pathKeys(path);
  if (keys === null || keys[0] !== "accounts" || typeof keys[1] !== "number") return null;
  const account = topology.accounts[keys[1]];
  if (!account) return null;
  const [, , collection, index, member, memberIndex] = keys;
  const at = typeof index === "number" ? index : -1;
  switch (collection) {
    case "vpcs": {
      const vpc = account.vpcs[at];
      if (!vpc) return null;
      // a list of the VPC's (its endpoints, say): the VPC; an item not in it: not found
      if (typeof memberIndex !== "number") return [[ids.vpc(vpc.id)]];
      const inVpc = (make: (v: string, id: string) => string, list: readonly { id: string }[]) => {
        const item = list[memberIndex];
        return item ? [[make(vpc.id, item.id)]] : null;
      };
      switch (member) {
        case "endpoints": {
          const endpoint = vpc.endpoints[memberIndex];
          return endpoint ? endpointCandidates(account.id, vpc, endpoint) : null;
        }
        case "loadBalancers":
          return inVpc(ids.loadBalancer, vpc.loadBalancers);
        case "workloads":
          return inVpc(ids.workload, vpc.workloads);
        case "natGateways":
          return inVpc(ids.nat, vpc.natGateways);
        case "routeTables":
          return inVpc(ids.routeTable, vpc.routeTables);
        case "subnets":
          return inVpc(ids.subnet, vpc.subnets);
        default:
          return [[ids.vpc(vpc.id)]];
      }
    }
    case "endpointServices": {
      const service = account.endpointServices[at];
      return service ? [[ids.endpointService(service.id)]] : null;
    }
    case "hostedZones": {
      const zone = account.hostedZones[at];
      return zone ? [[ids.zone(zone.id)]] : null;
    }
    case "transitGateways": {
      const gateway = account.transitGateways[at];
      if (!gateway) return null;
      const attachment =
        member === "attachments" && typeof memberIndex === "number"
          ? gateway.attachments[memberIndex]
          : undefined;
      return attachment
        ? [[tgwIds.attachment(attachment.vpc, gateway.id)], [tgwIds.gateway(gateway.id)]]
        : [[tgwIds.gateway(gateway.id)]];
    }
    default:
      return [[ids.account(account.id)]];
  }
}

/** What a finding's resource ("account", "account/vpc-or-zone", "account/vpc/id") may name. */
function byResource(topology: Topology, resource: string): Candidates {
  const parts = resource.split("/");
  const [account = "", vpcId = "", id = ""] = parts;
  if (parts.length === 1) return [[ids.account(account)]];
  if (parts.length === 2) return [[ids.vpc(vpcId)], [ids.zone(vpcId)]];
  const vpc = topology.accounts.find((a) => a.id === account)?.vpcs.find((v) => v.id === vpcId);
  const endpoint = vpc?.endpoints.find((e) => e.id === id);
  return [
    ...(vpc && endpoint ? endpointCandidates(account, vpc, endpoint) : []),
    [ids.endpoint(vpcId, id)],
    [ids.loadBalancer(vpcId, id)],
    [ids.endpointService(id)],
    [ids.workload(vpcId, id)],
    [ids.nat(vpcId, id)],
    [ids.routeTable(vpcId, id)],
    [ids.subnet(vpcId, id)],
  ];
}

/**
 * Mark the nodes and groups of a graph that draw what an error finding is about: each gets
 * the finding (rule and message) in its `findings`. The element is found by the finding's
 * path in the topology (an endpoint, endpoint service, load balancer, NAT gateway,
 * workload, route table, subnet, hosted zone, transit gateway or attachment, else the VPC
 * or account the path is in), or by its resource when the path names nothing; it is drawn
 * by its own node, else by what stands for it at this detail (an endpoint's ENIs at AZ
 * detail, the account's endpoint summary at account detail). A finding whose element is
 * not drawn marks nothing. Warnings and infos are not marked. Changes `items` in place.
 */
export function markFindings(
  items: readonly DiagramItem[],
  topology: Topology,
  findings: readonly Finding[],
): void {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return;
  const byId = new Map<string, DiagramItem[]>();
  for (const { item } of walkItems(items)) {
    const list = byId.get(item.id);
    if (list) list.push(item);
    else byId.set(item.id, [item]);
  }
  for (const finding of errors) {
    const candidates = byPath(topology, finding.path) ?? byResource(topology, finding.resource);
    const drawn = candidates.find((set) => set.some((id) => byId.has(id))) ?? [];
    const mark: ItemFinding = { rule: finding.rule, message: finding.message };
    for (const id of drawn) {
      for (const item of byId.get(id) ?? []) {
        item.findings ??= [];
        if (!item.findings.some((f) => f.rule === mark.rule && f.message === mark.message))
          item.findings.push(mark);
      }
    }
  }
}
