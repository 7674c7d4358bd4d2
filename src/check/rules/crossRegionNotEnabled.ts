import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** A consumer in another Region than the endpoint service, which does not offer that Region. */
export const crossRegionNotEnabled: CheckRule = {
  id: "cross-region-not-enabled",
  severity: "error",
  summary:
    "an endpoint in another Region than its endpoint service, whose supportedRegions lack that Region",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region",
  check({ topology, lookup }) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type === "gateway" || endpoint.target.kind !== "endpoint-service") continue;
        const service = lookup.services.get(endpoint.target.endpointService);
        if (!service || service.region === vpc.region) continue;
        if (service.supportedRegions.includes(vpc.region)) continue;
        findings.push(
          findingOf(this, {
            message: `endpoint "${endpoint.id}" in ${vpc.region} connects to endpoint service "${service.id}" in ${service.region}, which does not list ${vpc.region} in its supportedRegions: the connection is refused`,
            fix: `add ${vpc.region} to supportedRegions of endpoint service "${service.id}" (cross-Region PrivateLink), or create the endpoint in ${service.region}`,
            path: `${path}.endpoints[${e}].endpointService`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
