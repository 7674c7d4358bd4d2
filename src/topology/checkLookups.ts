import { type AwsServiceReference, BUNDLED_AWS_SERVICES } from "./awsReference.js";
import { subnetsOf } from "./defaultSubnets.js";
import { EndpointReferences } from "./endpointReferences.js";
import { type SubnetLookup, subnetLookup } from "./subnetLookup.js";
import type { TopologyIndex } from "./topologyIndex.js";
import type {
  EndpointServiceDoc,
  LoadBalancerDoc,
  TransitGatewayDoc,
  VpcDoc,
} from "./topologySchema.js";

/** Ids of a VPC's parts, as sets (membership in constant time) and lists (for suggestions). */
export interface VpcLookup {
  azs: ReadonlySet<string>;
  subnets: SubnetLookup;
  routeTables: ReadonlySet<string>;
  securityGroups: ReadonlySet<string>;
  endpoints: ReadonlySet<string>;
  /** first load balancer of each id */
  loadBalancers: ReadonlyMap<string, LoadBalancerDoc>;
}

function ids(items: readonly { id: string }[]): Set<string> {
  return new Set(items.map((item) => item.id));
}

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** 12-digit account ids a principal names: "*", the id itself, or "…::<id>:…" in an ARN. */
function accountsOf(principal: string, into: Set<string>): void {
  into.add(principal);
  for (let at = principal.indexOf("::"); at >= 0; at = principal.indexOf("::", at + 1)) {
    const id = principal.slice(at + 2, at + 14);
    if (principal[at + 14] === ":" && /^\d{12}$/.test(id)) into.add(id);
  }
}

/**
 * Lookups the semantic checks need, built once per VPC (or endpoint service) on first use,
 * so that checking a reference takes constant time instead of a scan of its candidates.
 */
export class CheckLookups {
  private readonly vpcs = new Map<VpcDoc, VpcLookup>();
  private readonly principals = new Map<EndpointServiceDoc, Set<string>>();
  /** Endpoint references, resolved as normalization will resolve them. */
  readonly references: EndpointReferences;

  /**
   * `services`: the AWS services endpoints and NAT destinations may name (default: the
   * bundled list).
   */
  constructor(
    readonly index: TopologyIndex,
    readonly services: AwsServiceReference = BUNDLED_AWS_SERVICES,
  ) {
    this.references = new EndpointReferences(index);
  }

  vpc(vpc: VpcDoc): VpcLookup {
    let found = this.vpcs.get(vpc);
    if (!found) {
      found = {
        azs: new Set(vpc.azs),
        subnets: subnetLookup(subnetsOf(vpc)),
        routeTables: ids(vpc.routeTables),
        securityGroups: ids(vpc.securityGroups),
        endpoints: ids(vpc.endpoints),
        loadBalancers: firstById(vpc.loadBalancers),
      };
      this.vpcs.set(vpc, found);
    }
    return found;
  }

  transitGateway(id: string): TransitGatewayDoc | undefined {
    return this.index.transitGateways.get(id);
  }

  transitGatewayIds(): Iterable<string> {
    return this.index.transitGateways.keys();
  }

  /**
   * Whether an account id is among an endpoint service's allowedPrincipals: "*", the id, or
   * an ARN containing "::<id>:".
   */
  allows(service: EndpointServiceDoc, accountId: string): boolean {
    let allowed = this.principals.get(service);
    if (!allowed) {
      allowed = new Set();
      for (const principal of service.allowedPrincipals) accountsOf(principal, allowed);
      this.principals.set(service, allowed);
    }
    return allowed.has("*") || allowed.has(accountId);
  }
}
