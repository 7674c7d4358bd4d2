import { formatMoney } from "../../core/money.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** An interface endpoint with one ENI in a VPC that spans several AZs. */
export const singleAzEndpointProd: CheckRule = {
  id: "single-az-endpoint-prod",
  severity: "info",
  summary: "an interface endpoint in one AZ of a VPC that spans several (resilience)",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html",
  check(ctx) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(ctx.topology)) {
      if (vpc.azs.length < 2) continue;
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "interface" || endpoint.enis.length !== 1) continue;
        const az = endpoint.enis[0]?.az ?? "";
        const others = vpc.azs.filter((a) => a !== az);
        // every ENI costs the same hours: the one ENI's hour line, once per AZ added
        const monthly = ctx.monthlyOf(
          account.id,
          vpc.id,
          "interface-endpoint",
          endpoint.id,
          "hours",
        );
        const cost =
          monthly === null
            ? ""
            : ` (${formatMoney(monthly * BigInt(others.length))} USD a month more)`;
        findings.push(
          findingOf(this, {
            message: `endpoint "${endpoint.id}" has its only ENI in ${az} of VPC "${vpc.id}", which spans ${vpc.azs.length} AZs: an outage of ${az} cuts the others off, and their traffic pays inter-AZ transfer`,
            fix: `add ENIs in ${others.join(", ")}${cost}`,
            path: `${path}.endpoints[${e}]`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
