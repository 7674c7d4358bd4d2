import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** AWS quotas: interface + GWLB endpoints per VPC, gateway endpoints per Region per account. */
export const ENDPOINT_QUOTAS = { perVpc: 50, gatewayPerRegion: 20 } as const;

/** More endpoints than the default AWS quotas allow. */
export const endpointQuota: CheckRule = {
  id: "endpoint-quota",
  severity: "error",
  summary: `more than ${ENDPOINT_QUOTAS.perVpc} interface and GWLB endpoints in a VPC, or ${ENDPOINT_QUOTAS.gatewayPerRegion} gateway endpoints per Region in an account`,
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html",
  check({ topology }) {
    const findings = [];
    const gateways = new Map<
      string,
      { count: number; path: string; account: string; region: string }
    >();
    for (const { account, vpc, path } of vpcsOf(topology)) {
      const interfaces = vpc.endpoints.filter((e) => e.type !== "gateway").length;
      if (interfaces > ENDPOINT_QUOTAS.perVpc) {
        findings.push(
          findingOf(this, {
            message: `VPC "${vpc.id}" has ${interfaces} interface and GWLB endpoints; the AWS quota "Interface and Gateway Load Balancer endpoints per VPC" is ${ENDPOINT_QUOTAS.perVpc}`,
            fix: "request a quota increase, or share endpoints from a hub VPC (whatif --centralize)",
            path: `${path}.endpoints`,
            resource: `${account.id}/${vpc.id}`,
          }),
        );
      }
      const key = `${account.id} ${vpc.region}`;
      const entry = gateways.get(key) ?? {
        count: 0,
        path,
        account: account.id,
        region: vpc.region,
      };
      entry.count += vpc.endpoints.filter((e) => e.type === "gateway").length;
      gateways.set(key, entry);
    }
    for (const entry of gateways.values()) {
      if (entry.count <= ENDPOINT_QUOTAS.gatewayPerRegion) continue;
      findings.push(
        findingOf(this, {
          message: `account "${entry.account}" has ${entry.count} gateway endpoints in ${entry.region}; the AWS quota "Gateway VPC endpoints per Region" is ${ENDPOINT_QUOTAS.gatewayPerRegion}`,
          fix: "request a quota increase for gateway VPC endpoints in this Region",
          path: `${entry.path}.endpoints`,
          resource: entry.account,
        }),
      );
    }
    return findings;
  },
};
