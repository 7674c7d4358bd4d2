import { type CheckRule, findingOf, servicesOf } from "../checkRule.js";

/** Any AWS account may connect, and nobody accepts the connection. */
export const endpointServiceOpen: CheckRule = {
  id: "endpoint-service-open",
  severity: "error",
  summary: "an endpoint service allows every principal (*) without requiring acceptance",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html",
  check({ topology }) {
    const findings = [];
    for (const { account, service, path } of servicesOf(topology)) {
      if (!service.allowedPrincipals.includes("*") || service.acceptanceRequired) continue;
      findings.push(
        findingOf(this, {
          message: `endpoint service "${service.id}" allows every AWS principal (*) and accepts their connections automatically: anyone can reach it`,
          fix: "list the consumer accounts in allowedPrincipals, or set acceptanceRequired: true",
          path: `${path}.allowedPrincipals`,
          resource: `${account.id}/${service.vpc}/${service.id}`,
        }),
      );
    }
    return findings;
  },
};
