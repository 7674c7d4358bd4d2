import type {
  AccountDoc,
  EndpointDoc,
  EndpointServiceDoc,
  TopologyDoc,
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
}

export function indexTopology(doc: TopologyDoc): TopologyIndex {
  const vpcs = new Map<string, IndexedVpc>();
  const services = new Map<string, IndexedService>();
  const endpoints = new Map<string, IndexedEndpoint>();
  doc.accounts.forEach((account, a) => {
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
  return { vpcs, services, endpoints };
}

/**
 * Resolve an endpoint reference: "vpc/endpoint", or a bare endpoint id looked up in the
 * given VPCs. Returns the endpoint, or a reason it could not be resolved.
 */
export function resolveEndpointRef(
  index: TopologyIndex,
  ref: string,
  inVpcs: readonly string[],
): IndexedEndpoint | { error: string; candidates: string[] } {
  if (ref.includes("/")) {
    const found = index.endpoints.get(ref);
    return found ?? { error: `no endpoint "${ref}"`, candidates: [...index.endpoints.keys()] };
  }
  const matches = inVpcs
    .map((vpc) => index.endpoints.get(`${vpc}/${ref}`))
    .filter((m): m is IndexedEndpoint => m !== undefined);
  const [first] = matches;
  if (matches.length === 1 && first) return first;
  if (matches.length > 1) {
    return {
      error: `endpoint "${ref}" is ambiguous: it exists in VPCs ${matches.map((m) => `"${m.vpc.id}"`).join(", ")}; write "vpc/${ref}"`,
      candidates: [],
    };
  }
  const candidates = inVpcs.flatMap((vpc) =>
    (index.vpcs.get(vpc)?.vpc.endpoints ?? []).map((e) => e.id),
  );
  const where =
    inVpcs.length === 1 ? `VPC "${inVpcs[0]}"` : `VPCs ${inVpcs.map((v) => `"${v}"`).join(", ")}`;
  return { error: `no endpoint "${ref}" in ${where}`, candidates };
}
