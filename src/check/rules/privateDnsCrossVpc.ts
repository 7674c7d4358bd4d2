import type { EndpointTarget, HostedZone } from "../../topology/topology.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";
import { serviceDnsName } from "../serviceDnsName.js";

/** How a finding names what an endpoint connects to. */
function targetName(target: EndpointTarget): string {
  if (target.kind === "aws-service") return target.service;
  if (target.kind === "endpoint-service") return `endpoint service "${target.endpointService}"`;
  return target.serviceName;
}

/** Whether a zone has an A or AAAA alias record to the endpoint ("vpc/endpoint"). */
const aliases = (zone: HostedZone, endpoint: string) =>
  zone.private &&
  zone.records.some((r) => (r.type === "A" || r.type === "AAAA") && r.aliasToEndpoint === endpoint);

/** Workloads using an endpoint of another VPC that no private zone of theirs resolves. */
export const privateDnsCrossVpc: CheckRule = {
  id: "private-dns-cross-vpc",
  severity: "warning",
  summary:
    "workloads using an interface endpoint in another VPC with no private zone of their VPC aliasing it",
  docs: "https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html",
  check({ topology, lookup }) {
    const findings = [];
    const zones = topology.accounts.flatMap((a) => a.hostedZones);
    for (const { account, vpc, path } of vpcsOf(topology)) {
      // per endpoint of another VPC: the workloads using it, and where the first one does
      const uses = new Map<string, { workloads: string[]; at: string; first: string }>();
      for (const [w, workload] of vpc.workloads.entries()) {
        for (const [u, ref] of workload.uses.entries()) {
          if (!ref.includes("/") || ref.startsWith(`${vpc.id}/`)) continue;
          const found = uses.get(ref);
          if (!found) {
            const at = `${path}.workloads[${w}].uses[${u}]`;
            uses.set(ref, { workloads: [workload.id], at, first: workload.id });
          } else if (!found.workloads.includes(workload.id)) found.workloads.push(workload.id);
        }
      }
      for (const [ref, { workloads, at, first }] of uses) {
        const hub = lookup.endpoints.get(ref);
        if (hub?.endpoint.type !== "interface") continue;
        if (zones.some((z) => z.vpcs.includes(vpc.id) && aliases(z, ref))) continue;
        const name = serviceDnsName(hub.endpoint, hub.vpc.region, lookup.services);
        const resolves =
          name === undefined
            ? `in "${vpc.id}" the service's name does not resolve to the endpoint`
            : `in "${vpc.id}" ${name} resolves to the service's public addresses, not the endpoint`;
        const zone = zones.find((z) => aliases(z, ref));
        const fix = zone
          ? `add "${vpc.id}" to the vpcs of private zone "${zone.name}", which aliases the endpoint`
          : `create a private hosted zone ${name === undefined ? "for the name the workloads call" : `"${name}"`} with an alias A record to endpoint "${ref}", and associate it with VPC "${vpc.id}"`;
        const who = `${workloads.length === 1 ? "workload" : "workloads"} ${workloads.map((id) => `"${id}"`).join(", ")}`;
        findings.push(
          findingOf(this, {
            message: `${who} of VPC "${vpc.id}" ${workloads.length === 1 ? "uses" : "use"} endpoint "${ref}" (${targetName(hub.endpoint.target)}), but no private zone associated with "${vpc.id}" aliases it: an endpoint's private DNS answers only inside its own VPC ("${hub.vpc.id}"), so ${resolves}`,
            fix,
            path: at,
            resource: `${account.id}/${vpc.id}/${first}`,
          }),
        );
      }
    }
    return findings;
  },
};
