import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** A Gateway Load Balancer endpoint lives in exactly one subnet. */
export const gwlbEndpointOneSubnet: CheckRule = {
  id: "gwlb-endpoint-one-subnet",
  severity: "error",
  summary: "a Gateway Load Balancer endpoint in more than one subnet or AZ",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-load-balancer-endpoints.html",
  check({ topology }) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "gwlb" || endpoint.enis.length <= 1) continue;
        findings.push(
          findingOf(this, {
            message: `GWLB endpoint "${endpoint.id}" is placed in ${endpoint.enis.length} subnets (${endpoint.enis.map((eni) => eni.az).join(", ")}); AWS creates a Gateway Load Balancer endpoint in one subnet only`,
            fix: "create one GWLB endpoint per AZ, each with one subnet (subnets: [one])",
            path: `${path}.endpoints[${e}]`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
