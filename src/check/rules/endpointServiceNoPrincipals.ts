import { type CheckRule, findingOf, servicesOf } from "../checkRule.js";

/** No principal is allowed: no consumer can create an endpoint to the service. */
export const endpointServiceNoPrincipals: CheckRule = {
  id: "endpoint-service-no-principals",
  severity: "warning",
  summary: "an endpoint service allows no principal, so no consumer can connect",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions",
  check({ topology }) {
    const findings = [];
    for (const { account, service, path } of servicesOf(topology)) {
      if (service.allowedPrincipals.length > 0) continue;
      findings.push(
        findingOf(this, {
          message: `endpoint service "${service.id}" allows no principal: no consumer can create an endpoint to it`,
          fix: 'add the consumer accounts (e.g. "arn:aws:iam::111122223333:root") to allowedPrincipals',
          path: `${path}.allowedPrincipals`,
          resource: `${account.id}/${service.vpc}/${service.id}`,
        }),
      );
    }
    return findings;
  },
};
