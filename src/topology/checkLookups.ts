import { subnetsOf } from "./defaultSubnets.js";
import { type SubnetLookup, subnetLookup } from "./subnetLookup.js";
import type { IndexedEndpoint, TopologyIndex } from "./topologyIndex.js";
import type { EndpointServiceDoc, LoadBalancerDoc, VpcDoc } from "./topologySchema.js";

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
  private endpointsById: Map<string, IndexedEndpoint[]> | undefined;

  constructor(readonly index: TopologyIndex) {}

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

  /**
   * Resolve an endpoint reference: "vpc/endpoint", or a bare endpoint id looked up in the
   * given VPCs (distinct, in their order). Returns the endpoint, or why it could not be
   * resolved with the ids to suggest from; costs at most min(VPCs, endpoints with that id).
   */
  resolveEndpoint(
    ref: string,
    inVpcs: { list: readonly string[]; position: ReadonlyMap<string, number> },
  ): IndexedEndpoint | { error: () => string; candidates: () => Iterable<string> } {
    const { endpoints } = this.index;
    if (ref.includes("/")) {
      return (
        endpoints.get(ref) ?? {
          error: () => `no endpoint "${ref}"`,
          candidates: () => endpoints.keys(),
        }
      );
    }
    const withId = this.endpointsWithId(ref);
    const matches =
      inVpcs.list.length <= withId.length
        ? inVpcs.list
            .map((vpc) => endpoints.get(`${vpc}/${ref}`))
            .filter((m): m is IndexedEndpoint => m !== undefined)
        : withId
            .filter((m) => inVpcs.position.has(m.vpc.id))
            .sort(
              (a, b) => (inVpcs.position.get(a.vpc.id) ?? 0) - (inVpcs.position.get(b.vpc.id) ?? 0),
            );
    const [first] = matches;
    if (matches.length === 1 && first) return first;
    if (matches.length > 1) {
      return {
        error: () =>
          `endpoint "${ref}" is ambiguous: it exists in VPCs ${matches.map((m) => `"${m.vpc.id}"`).join(", ")}; write "vpc/${ref}"`,
        candidates: () => [],
      };
    }
    const { list } = inVpcs;
    const vpcs = this.index.vpcs;
    const where = () =>
      list.length === 1 ? `VPC "${list[0]}"` : `VPCs ${list.map((v) => `"${v}"`).join(", ")}`;
    return {
      error: () => `no endpoint "${ref}" in ${where()}`,
      candidates: function* () {
        for (const vpc of list) {
          for (const endpoint of vpcs.get(vpc)?.vpc.endpoints ?? []) yield endpoint.id;
        }
      },
    };
  }

  /** Every endpoint with this id, in document order, whatever its VPC. */
  private endpointsWithId(id: string): readonly IndexedEndpoint[] {
    if (!this.endpointsById) {
      this.endpointsById = new Map();
      for (const found of this.index.endpoints.values()) {
        const list = this.endpointsById.get(found.endpoint.id);
        if (list) list.push(found);
        else this.endpointsById.set(found.endpoint.id, [found]);
      }
    }
    return this.endpointsById.get(id) ?? [];
  }
}
