import type { EndpointTarget, Eni, GwlbEndpoint, InterfaceEndpoint } from "./topology.js";
import type { GwlbEndpointDoc, InterfaceEndpointDoc } from "./topologySchema.js";

/**
 * An interface or GWLB endpoint as normalized: every member of its schema but its placement
 * (`azs`, `subnets`), then its ENIs and target. The members are written out rather than
 * copied key by key: every endpoint of a type then has one shape, and a request's endpoints
 * are normalized several times faster (test/placedEndpoint.test.ts fails when the schema
 * gains a member this misses).
 */
export function placedEndpoint(
  endpoint: InterfaceEndpointDoc | GwlbEndpointDoc,
  enis: Eni[],
  target: EndpointTarget,
): InterfaceEndpoint | GwlbEndpoint {
  if (endpoint.type === "gwlb") {
    return {
      id: endpoint.id,
      source: endpoint.source,
      name: endpoint.name,
      gbPerMonth: endpoint.gbPerMonth,
      trafficSources: endpoint.trafficSources,
      type: endpoint.type,
      endpointService: endpoint.endpointService,
      serviceName: endpoint.serviceName,
      enis,
      target,
    };
  }
  return {
    id: endpoint.id,
    source: endpoint.source,
    name: endpoint.name,
    gbPerMonth: endpoint.gbPerMonth,
    trafficSources: endpoint.trafficSources,
    type: endpoint.type,
    service: endpoint.service,
    endpointService: endpoint.endpointService,
    serviceName: endpoint.serviceName,
    securityGroups: endpoint.securityGroups,
    privateDns: endpoint.privateDns,
    policy: endpoint.policy,
    enis,
    target,
  };
}
