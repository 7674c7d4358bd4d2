import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** Two endpoints in one VPC both claim the service's private DNS name. */
export const privateDnsConflict: CheckRule = {
  id: "private-dns-conflict",
  severity: "error",
  summary: "two interface endpoints for one service with private DNS in one VPC",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html",
  check({ topology }) {
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
          findingOf(this, {
            message: `endpoints "${earlier}" and "${endpoint.id}" of VPC "${vpc.id}" both enable private DNS for ${service}: AWS refuses the second (the name already resolves to the first)`,
            fix: `keep one endpoint for ${service} in the VPC, or set privateDns: false on "${endpoint.id}"`,
            path: `${path}.endpoints[${e}].privateDns`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
