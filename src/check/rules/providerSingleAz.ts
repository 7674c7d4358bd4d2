import { type CheckRule, findingOf, servicesOf } from "../checkRule.js";

/** The service's load balancer is in one AZ: that AZ's outage takes the service down. */
export const providerSingleAz: CheckRule = {
  id: "provider-single-az",
  severity: "warning",
  summary: "an endpoint service whose Network Load Balancer spans a single AZ",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html",
  check({ topology }) {
    const findings = [];
    const vpcs = new Map(topology.accounts.flatMap((a) => a.vpcs.map((v) => [v.id, v] as const)));
    for (const { account, service, path } of servicesOf(topology)) {
      const lb = vpcs.get(service.vpc)?.loadBalancers.find((l) => l.id === service.loadBalancer);
      if (lb?.azs.length !== 1) continue;
      findings.push(
        findingOf(this, {
          message: `endpoint service "${service.id}" is served by load balancer "${lb.id}" in ${lb.azs[0]} only: consumers in other AZs cross AZs, and an outage of ${lb.azs[0]} stops the service`,
          fix: `enable the load balancer in at least two AZs (azs: [...]) where consumers have endpoints`,
          path: `${path}.loadBalancer`,
          resource: `${account.id}/${service.vpc}/${service.id}`,
        }),
      );
    }
    return findings;
  },
};
