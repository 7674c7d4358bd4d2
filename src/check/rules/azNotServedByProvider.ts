import { AWS_REGIONS } from "../../topology/awsReference.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** A consumer ENI in an AZ where the provider's load balancer has no subnet. */
export const azNotServedByProvider: CheckRule = {
  id: "az-not-served-by-provider",
  severity: "error",
  summary: "a consumer endpoint in an AZ where the endpoint service's load balancer has no subnet",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html#endpoint-service-availability-zones",
  check({ topology }) {
    const findings = [];
    const vpcs = new Map(topology.accounts.flatMap((a) => a.vpcs.map((v) => [v.id, v] as const)));
    const services = new Map(
      topology.accounts.flatMap((a) => a.endpointServices.map((s) => [s.id, s] as const)),
    );
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type === "gateway" || endpoint.target.kind !== "endpoint-service") continue;
        const service = services.get(endpoint.target.endpointService);
        const lbVpc = service ? vpcs.get(service.vpc) : undefined;
        const lb = lbVpc?.loadBalancers.find((l) => l.id === service?.loadBalancer);
        if (!service || !lbVpc || !lb || lbVpc.region !== vpc.region) continue;
        const otherAccount = service.account !== account.id;
        for (const eni of endpoint.enis) {
          if (lb.azs.includes(eni.az)) continue;
          findings.push(
            findingOf(this, {
              message: `endpoint "${endpoint.id}" has an ENI in ${eni.az}, where load balancer "${lb.id}" of endpoint service "${service.id}" has no subnet (it is in ${lb.azs.join(", ")})${otherAccount ? `; AZ names differ between accounts, compare AZ IDs (e.g. ${AWS_REGIONS.get(vpc.region)?.azIds[0] ?? "use1-az1"})` : ""}`,
              fix: `enable the load balancer in ${eni.az}, or place the endpoint in ${lb.azs.join(" or ")}`,
              path: `${path}.endpoints[${e}]`,
              resource: `${account.id}/${vpc.id}/${endpoint.id}`,
            }),
          );
        }
      }
    }
    return findings;
  },
};
