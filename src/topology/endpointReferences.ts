import type { IndexedEndpoint, TopologyIndex } from "./topologyIndex.js";
import type { HostedZoneDoc } from "./topologySchema.js";

/** Distinct known VPC ids, in their order, with each one's position. */
export interface VpcList {
  list: readonly string[];
  position: ReadonlyMap<string, number>;
}

/** Why a reference could not be resolved, and the ids to suggest instead (computed lazily). */
export interface UnresolvedReference {
  error: () => string;
  candidates: () => Iterable<string>;
}

/**
 * The one place endpoint references are resolved: a record's `aliasToEndpoint` is
 * "vpc/endpoint", or a bare endpoint id looked up in the zone's VPCs, which must name
 * exactly one endpoint. The checks report what does not resolve; normalization writes
 * every resolved reference in its qualified "vpc/endpoint" form, so no later stage
 * resolves (or guesses) again. Tables are built on first use; a lookup costs at most
 * min(VPCs, endpoints with that id).
 */
export class EndpointReferences {
  private endpointsById: Map<string, IndexedEndpoint[]> | undefined;
  private readonly zones = new Map<HostedZoneDoc, VpcList>();

  constructor(readonly index: TopologyIndex) {}

  /** A zone's VPCs that exist, each once, in order: where its bare alias targets are looked up. */
  zoneVpcs(zone: HostedZoneDoc): VpcList {
    let found = this.zones.get(zone);
    if (!found) {
      const position = new Map<string, number>();
      for (const vpc of zone.vpcs)
        if (this.index.vpcs.has(vpc) && !position.has(vpc)) position.set(vpc, position.size);
      found = { list: [...position.keys()], position };
      this.zones.set(zone, found);
    }
    return found;
  }

  /** Resolve "vpc/endpoint" or a bare endpoint id within `inVpcs`. */
  resolve(ref: string, inVpcs: VpcList): IndexedEndpoint | UnresolvedReference {
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

  /** The qualified "vpc/endpoint" form of a record's alias target, if it resolves. */
  qualifiedAlias(zone: HostedZoneDoc, ref: string): string | undefined {
    const found = this.resolve(ref, this.zoneVpcs(zone));
    return "error" in found ? undefined : `${found.vpc.id}/${found.endpoint.id}`;
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
