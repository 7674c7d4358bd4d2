import { type CheckRule, findingOf } from "../checkRule.js";

/** A private zone aliases an endpoint, but the VPC whose workloads use it cannot see the zone. */
export const phzNotAssociated: CheckRule = {
  id: "phz-not-associated",
  severity: "error",
  summary:
    "an alias record to an endpoint in a private zone not associated with the VPC whose workloads use it",
  docs: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs.html",
  check({ topology }) {
    const findings = [];
    const vpcs = new Map(topology.accounts.flatMap((a) => a.vpcs.map((v) => [v.id, v] as const)));
    for (const [a, account] of topology.accounts.entries()) {
      for (const [z, zone] of account.hostedZones.entries()) {
        if (!zone.private) continue;
        for (const [r, record] of zone.records.entries()) {
          const target = record.aliasToEndpoint;
          if (target === undefined) continue;
          // normalized: always "vpc/endpoint"
          const [vpcId = "", endpointId = ""] = target.split("/");
          const vpc = vpcs.get(vpcId);
          const used = vpc?.workloads.some((w) => w.uses.includes(endpointId)) ?? false;
          if (!used || zone.vpcs.includes(vpcId)) continue;
          findings.push(
            findingOf(this, {
              message: `record "${record.name}" of private zone "${zone.name}" aliases endpoint "${target}", whose workloads in VPC "${vpcId}" cannot resolve it: the zone is not associated with that VPC`,
              fix: `add "${vpcId}" to the zone's vpcs`,
              path: `accounts[${a}].hostedZones[${z}].records[${r}]`,
              resource: `${account.id}/${zone.id}`,
            }),
          );
        }
      }
    }
    return findings;
  },
};
