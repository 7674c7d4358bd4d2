import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** Private DNS names resolve only in a VPC with DNS support and DNS hostnames on. */
export const privateDnsNeedsVpcDns: CheckRule = {
  id: "private-dns-needs-vpc-dns",
  severity: "error",
  summary:
    "an interface endpoint with private DNS in a VPC without enableDnsSupport and enableDnsHostnames",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html",
  check({ topology }) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(topology)) {
      // AWS defaults: DNS support on, DNS hostnames off (a VPC that is not the default VPC)
      const support = vpc.enableDnsSupport ?? true;
      const hostnames = vpc.enableDnsHostnames ?? false;
      if (support && hostnames) continue;
      const off = [support ? "" : "enableDnsSupport", hostnames ? "" : "enableDnsHostnames"]
        .filter(Boolean)
        .join(" and ");
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "interface" || !endpoint.privateDns) continue;
        findings.push(
          findingOf(this, {
            message: `endpoint "${endpoint.id}" enables private DNS, but VPC "${vpc.id}" has ${off} off${vpc.enableDnsHostnames === undefined && !hostnames ? " (the AWS default)" : ""}: the service's name keeps resolving to its public addresses`,
            fix: `set ${off.replace(" and ", ": true and ")}: true on VPC "${vpc.id}"`,
            path: `${path}.endpoints[${e}].privateDns`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
