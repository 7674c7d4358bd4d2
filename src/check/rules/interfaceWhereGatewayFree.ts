import { GATEWAY_SERVICES } from "../../core/gatewayServices.js";
import { formatMoney } from "../../core/money.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** An interface endpoint for S3 or DynamoDB that a free gateway endpoint could replace. */
export const interfaceWhereGatewayFree: CheckRule = {
  id: "interface-where-gateway-free",
  severity: "info",
  summary:
    "an interface endpoint for s3 or dynamodb used only from inside its VPC, where a gateway endpoint is free",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
  check(ctx) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(ctx.topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "interface" || endpoint.target.kind !== "aws-service") continue;
        const service = endpoint.target.service;
        if (!GATEWAY_SERVICES.has(service)) continue;
        // traffic from other Regions (or on premises) needs the interface endpoint
        if (endpoint.trafficSources.some((s) => s.region !== undefined)) continue;
        const monthly = ctx.monthlyOf(account.id, vpc.id, "interface-endpoint", endpoint.id);
        findings.push(
          findingOf(this, {
            message: `endpoint "${endpoint.id}" reaches ${service} through an interface endpoint${monthly === null ? "" : ` (${formatMoney(monthly)} USD a month)`}, used only from VPC "${vpc.id}": a gateway endpoint for ${service} costs nothing`,
            fix: `use type: gateway for ${service} (with the VPC's private route tables), unless on-premises or other-Region clients need the interface endpoint`,
            path: `${path}.endpoints[${e}]`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
            ...(monthly === null ? {} : { savingMonthly: formatMoney(monthly) }),
          }),
        );
      }
    }
    return findings;
  },
};
