import type {
  AccountDoc,
  EndpointServiceDoc,
  GatewayEndpointDoc,
  GwlbEndpointDoc,
  HostedZoneDoc,
  InterfaceEndpointDoc,
  LoadBalancerDoc,
  SubnetDoc,
  TopologyDoc,
  VpcDoc,
} from "./topologySchema.js";

/** One elastic network interface of an interface or GWLB endpoint. */
export interface Eni {
  az: string;
  subnet: string;
}

/** What an interface or GWLB endpoint connects to. */
export type EndpointTarget =
  | { kind: "aws-service"; service: string }
  | { kind: "endpoint-service"; endpointService: string; account: string; vpc: string }
  | { kind: "external"; serviceName: string };

export type InterfaceEndpoint = Omit<InterfaceEndpointDoc, "azs" | "subnets"> & {
  enis: Eni[];
  target: EndpointTarget;
};
export type GwlbEndpoint = Omit<GwlbEndpointDoc, "azs" | "subnets"> & {
  enis: Eni[];
  target: EndpointTarget;
};
export type GatewayEndpoint = GatewayEndpointDoc;
export type Endpoint = InterfaceEndpoint | GatewayEndpoint | GwlbEndpoint;

export type LoadBalancer = Omit<LoadBalancerDoc, "azs"> & { azs: string[] };

export type Vpc = Omit<VpcDoc, "subnets" | "endpoints" | "loadBalancers"> & {
  account: string;
  subnets: SubnetDoc[];
  endpoints: Endpoint[];
  loadBalancers: LoadBalancer[];
};

export type EndpointService = EndpointServiceDoc & { account: string; region: string };
export type HostedZone = HostedZoneDoc & { account: string };

export type Account = Omit<AccountDoc, "vpcs" | "endpointServices" | "hostedZones"> & {
  vpcs: Vpc[];
  endpointServices: EndpointService[];
  hostedZones: HostedZone[];
};

/**
 * A validated topology: defaults filled, every reference checked and resolved (endpoint
 * placement to ENIs, endpoint targets, alias targets to "vpc/endpoint"). Produced only by
 * `parseTopology`, and tagged so: `form: "normalized"` tells it from an authored
 * `TopologyDoc` (whose schema has no `form`).
 */
export type Topology = Omit<TopologyDoc, "accounts" | "$schema"> & {
  form: "normalized";
  accounts: Account[];
};
