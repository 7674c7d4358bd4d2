import type {
  AccountDoc,
  EndpointDoc,
  EndpointServiceDoc,
  TopologyDoc,
  TransitGatewayDoc,
  VpcDoc,
} from "./topologySchema.js";

export interface IndexedVpc {
  vpc: VpcDoc;
  account: AccountDoc;
  path: (string | number)[];
}

export interface IndexedService {
  service: EndpointServiceDoc;
  account: AccountDoc;
  path: (string | number)[];
}

export interface IndexedEndpoint {
  endpoint: EndpointDoc;
  vpc: VpcDoc;
  account: AccountDoc;
}

/** Lookup tables over a parsed topology document (first definition wins on duplicates). */
export interface TopologyIndex {
  vpcs: Map<string, IndexedVpc>;
  services: Map<string, IndexedService>;
  /** endpoints by "vpc/endpoint" */
  endpoints: Map<string, IndexedEndpoint>;
  transitGateways: Map<string, TransitGatewayDoc>;
}

export function indexTopology(doc: TopologyDoc): TopologyIndex {
  const vpcs = new Map<string, IndexedVpc>();
  const services = new Map<string, IndexedService>();
  const endpoints = new Map<string, IndexedEndpoint>();
  const transitGateways = new Map<string, TransitGatewayDoc>();
  doc.accounts.forEach((account, a) => {
    for (const gateway of account.transitGateways)
      if (!transitGateways.has(gateway.id)) transitGateways.set(gateway.id, gateway);
    account.vpcs.forEach((vpc, v) => {
      if (!vpcs.has(vpc.id)) vpcs.set(vpc.id, { vpc, account, path: ["accounts", a, "vpcs", v] });
      for (const endpoint of vpc.endpoints) {
        const key = `${vpc.id}/${endpoint.id}`;
        if (!endpoints.has(key)) endpoints.set(key, { endpoint, vpc, account });
      }
    });
    account.endpointServices.forEach((service, s) => {
      if (!services.has(service.id)) {
        services.set(service.id, {
          service,
          account,
          path: ["accounts", a, "endpointServices", s],
        });
      }
    });
  });
  return { vpcs, services, endpoints, transitGateways };
}
