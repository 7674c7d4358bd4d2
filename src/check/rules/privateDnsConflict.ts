import type { Topology } from "../../topology/topology.js";
import { type CheckContext, type CheckRule, findingOf, vpcsOf } from "../checkRule.js";
import type { Finding } from "../finding.js";
import { serviceDnsName, zoneClaims } from "../serviceDnsName.js";

type Rule = Omit<CheckRule, "check">;

/** Two endpoints in one VPC both claiming one AWS service's private DNS name. */
function endpointConflicts(rule: Rule, topology: Topology): Finding[] {
  const findings = [];
  for (const { account, vpc, path } of vpcsOf(topology)) {
    const first = new Map<string, string>();
    for (const [e, endpoint] of vpc.endpoints.entries()) {
      if (endpoint.type !== "interface" || !endpoint.privateDns) continue;
      if (endpoint.target.kind !== "aws-service") continue;
      const service = endpoint.target.service;
      const earlier = first.get(service);
      if (earlier === undefined) {
        first.set(service, endpoint.id);
        continue;
      }
      findings.push(
        findingOf(rule, {
          message: `endpoints "${earlier}" and "${endpoint.id}" of VPC "${vpc.id}" both enable private DNS for ${service}: AWS refuses the second (the name already resolves to the first)`,
          fix: `keep one endpoint for ${service} in the VPC, or set privateDns: false on "${endpoint.id}"`,
          path: `${path}.endpoints[${e}].privateDns`,
          resource: `${account.id}/${vpc.id}/${endpoint.id}`,
        }),
      );
    }
  }
  return findings;
}

/** A private zone for the name (or, for AWS, a parent) an endpoint's private DNS claims in its VPC. */
function zoneConflicts(rule: Rule, { topology, lookup }: CheckContext): Finding[] {
  const findings = [];
  for (const [a, account] of topology.accounts.entries()) {
    for (const [z, zone] of account.hostedZones.entries()) {
      if (!zone.private) continue;
      for (const [i, vpcId] of zone.vpcs.entries()) {
        const vpc = lookup.vpcs.get(vpcId);
        for (const endpoint of vpc?.endpoints ?? []) {
          if (!vpc || endpoint.type !== "interface" || !endpoint.privateDns) continue;
          const name = serviceDnsName(endpoint, vpc.region, lookup.services);
          if (name === undefined || !zoneClaims(zone.name, endpoint, name)) continue;
          findings.push(
            findingOf(rule, {
              message: `private zone "${zone.name}" is associated with VPC "${vpcId}", whose endpoint "${endpoint.id}" enables private DNS for ${name}: a zone for that name or a parent of it conflicts with the endpoint's private DNS (AWS refuses to enable it for a conflicting DNS domain in the VPC, or the zone shadows the name)`,
              fix: `remove "${vpcId}" from the zone's vpcs, or set privateDns: false on endpoint "${endpoint.id}" and alias ${name} to it in this zone`,
              path: `accounts[${a}].hostedZones[${z}].vpcs[${i}]`,
              resource: `${account.id}/${zone.id}`,
            }),
          );
        }
      }
    }
  }
  return findings;
}

/**
 * Two endpoints in one VPC both claim the service's private DNS name, or a private zone
 * associated with the VPC already holds it.
 */
export const privateDnsConflict: CheckRule = {
  id: "private-dns-conflict",
  severity: "error",
  summary:
    "two interface endpoints for one service with private DNS in one VPC, or a private zone for the service's name associated with such a VPC",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html",
  check(ctx) {
    return [...endpointConflicts(this, ctx.topology), ...zoneConflicts(this, ctx)];
  },
};
