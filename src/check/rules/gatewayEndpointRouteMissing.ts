import type { GatewayEndpoint, Topology, Vpc } from "../../topology/topology.js";
import type { RouteTableDoc, SubnetDoc, WorkloadDoc } from "../../topology/topologySchema.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** The main route table's key: subnets without routeTable use it (linkplan does not model it). */
const MAIN = "";

/** `"a", "b"` */
const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(", ");
const plural = (word: string, n: number) => (n === 1 ? word : `${word}s`);

/** The workloads of `vpc` that call `endpoint` (by its id or as "vpc/endpoint"). */
function usersOf(vpc: Vpc, endpoint: GatewayEndpoint): WorkloadDoc[] {
  const names = new Set([endpoint.id, `${vpc.id}/${endpoint.id}`]);
  return vpc.workloads.filter((w) => w.uses.some((ref) => names.has(ref)));
}

/** Where a workload runs: its subnet, else the VPC's private subnets in its AZ, else unknown. */
function subnetsOfWorkload(vpc: Vpc, workload: WorkloadDoc): SubnetDoc[] {
  if (workload.subnet !== undefined)
    return vpc.subnets.filter((s) => s.id === workload.subnet).slice(0, 1);
  if (workload.az === undefined) return [];
  return vpc.subnets.filter((s) => s.az === workload.az && s.tier === "private");
}

/** What a table does with traffic to the service when no endpoint route is in it. */
function elsewhere(table: RouteTableDoc | undefined, service: string): string {
  if (!table) return `${service} traffic from there does not go through the endpoint`;
  const target = table.routes.find((r) => r.destination === "0.0.0.0/0")?.target;
  const [kind, id] = target?.split(":") ?? [];
  if (kind === "nat")
    return `${service} traffic from there goes through NAT gateway "${id}" instead, billed per GB`;
  if (kind === "tgw")
    return `${service} traffic from there goes to transit gateway "${id}" instead of the endpoint`;
  if (kind === "igw")
    return `${service} traffic from there goes over the internet gateway instead of the endpoint`;
  return `the table has no route to ${service}: requests from there fail`;
}

/** "vpc/endpoint" → the VPCs (and their workloads) that call it from outside its own VPC. */
function foreignUsesOf(topology: Topology): Map<string, Map<string, string[]>> {
  const uses = new Map<string, Map<string, string[]>>();
  for (const { vpc } of vpcsOf(topology)) {
    for (const workload of vpc.workloads) {
      for (const ref of workload.uses) {
        if (!ref.includes("/") || ref.startsWith(`${vpc.id}/`)) continue;
        const byVpc = uses.get(ref) ?? new Map<string, string[]>();
        uses.set(ref, byVpc);
        const ids = byVpc.get(vpc.id) ?? [];
        byVpc.set(vpc.id, ids);
        if (!ids.includes(workload.id)) ids.push(workload.id);
      }
    }
  }
  return uses;
}

interface Group {
  workloads: string[];
  subnets: string[];
}

/** A workload uses a gateway endpoint whose routeTables miss the route table of its subnet. */
export const gatewayEndpointRouteMissing: CheckRule = {
  id: "gateway-endpoint-route-missing",
  severity: "error",
  summary:
    "a gateway endpoint used by a workload whose subnet's route table is not among the endpoint's routeTables",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing",
  check({ topology }) {
    const findings = [];
    const foreign = foreignUsesOf(topology);
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "gateway") continue;
        const at = {
          path: `${path}.endpoints[${e}].routeTables`,
          resource: `${account.id}/${vpc.id}/${endpoint.id}`,
        };
        const what = `gateway endpoint "${endpoint.id}" (${endpoint.service})`;
        // a gateway endpoint is a route in its own VPC's tables: other VPCs cannot use it
        for (const [other, ids] of foreign.get(`${vpc.id}/${endpoint.id}`) ?? []) {
          findings.push(
            findingOf(this, {
              message: `${what} of VPC "${vpc.id}" is used by ${plural("workload", ids.length)} ${quoted(ids)} of VPC "${other}": a gateway endpoint serves only its own VPC, so ${endpoint.service} traffic from there does not reach it`,
              fix: `add a gateway endpoint for ${endpoint.service} to VPC "${other}" (gateway endpoints are free), with the route tables of its workloads' subnets`,
              path: `${path}.endpoints[${e}]`,
              resource: at.resource,
            }),
          );
        }
        const users = usersOf(vpc, endpoint);
        if (users.length === 0) continue;
        // route table (MAIN for the main one) → its subnets and their workloads, first seen first
        const groups = new Map<string, Group>();
        for (const workload of users) {
          for (const subnet of subnetsOfWorkload(vpc, workload)) {
            const key = subnet.routeTable ?? MAIN;
            const group = groups.get(key) ?? { workloads: [], subnets: [] };
            groups.set(key, group);
            if (!group.workloads.includes(workload.id)) group.workloads.push(workload.id);
            if (!group.subnets.includes(subnet.id)) group.subnets.push(subnet.id);
          }
        }
        if (endpoint.routeTables.length === 0) {
          const tables = [...groups.keys()].filter((k) => k !== MAIN);
          const ids = users.map((w) => w.id);
          findings.push(
            findingOf(this, {
              message: `${what} has no route tables (routeTables: []), but ${plural("workload", ids.length)} ${quoted(ids)} ${ids.length === 1 ? "uses" : "use"} it: no subnet routes ${endpoint.service} traffic through it`,
              fix:
                tables.length > 0
                  ? `list the route tables of the workloads' subnets in routeTables (routeTables: [${tables.join(", ")}])`
                  : "give the workloads' subnets route tables (subnets[].routeTable) and list them in the endpoint's routeTables",
              ...at,
            }),
          );
          continue;
        }
        const listed = new Set(endpoint.routeTables);
        for (const [key, group] of groups) {
          if (listed.has(key)) continue;
          const { workloads: w, subnets: s } = group;
          const usedBy = `is used by ${plural("workload", w.length)} ${quoted(w)} in ${plural("subnet", s.length)} ${quoted(s)}`;
          const table = vpc.routeTables.find((t) => t.id === key);
          const whose =
            key === MAIN
              ? `which ${s.length === 1 ? "uses" : "use"} the VPC's main route table (not modelled, so not among the endpoint's routeTables)`
              : `whose route table "${key}" is not among the endpoint's routeTables`;
          findings.push(
            findingOf(this, {
              message: `${what} ${usedBy}, ${whose}: ${elsewhere(table, endpoint.service)}`,
              fix:
                key === MAIN
                  ? `give ${plural("subnet", s.length)} ${quoted(s)} a route table (routeTable: …) and add it to routeTables of endpoint "${endpoint.id}"`
                  : `add "${key}" to routeTables of endpoint "${endpoint.id}"`,
              ...at,
            }),
          );
        }
      }
    }
    return findings;
  },
};
