import type { Account, Endpoint, EndpointService, Topology, Vpc } from "../../topology/topology.js";

type Subnet = Vpc["subnets"][number];

/** `list` grouped by `key`, groups and members in order of first appearance. */
function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** `list` by `key`, the first item of each key winning (as `Array.find` would). */
function firstBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of list) {
    const k = key(item);
    if (!out.has(k)) out.set(k, item);
  }
  return out;
}

/** What toGraph looks up about one VPC, built on first use. */
interface VpcIndex {
  endpoints: Map<string, Endpoint>;
  subnets: Map<string, Subnet>;
  subnetsByAz: Map<string, Subnet[]>;
  /** the first public subnet of each AZ */
  publicSubnets: Map<string, Subnet>;
}

/**
 * Lookups toGraph makes per element (an endpoint by id, a VPC's subnets in an AZ, an
 * account's endpoint services in a VPC, …), each answered from a map built once instead of
 * a scan of the list: building a graph stays linear in the topology. Every lookup gives
 * what the first match of a scan in list order would.
 */
export class GraphIndex {
  private readonly vpcs: Map<string, Vpc>;
  private readonly byVpc = new Map<Vpc, VpcIndex>();
  private readonly byAccount = new Map<
    Account,
    { vpcsByRegion: Map<string, Vpc[]>; servicesByVpc: Map<string, EndpointService[]> }
  >();

  constructor(topology: Topology) {
    this.vpcs = firstBy(
      topology.accounts.flatMap((a) => a.vpcs),
      (v) => v.id,
    );
  }

  /** The first VPC of the topology with this id. */
  vpc(id: string): Vpc | undefined {
    return this.vpcs.get(id);
  }

  private ofVpc(vpc: Vpc): VpcIndex {
    let index = this.byVpc.get(vpc);
    if (!index) {
      index = {
        endpoints: firstBy(vpc.endpoints, (e) => e.id),
        subnets: firstBy(vpc.subnets, (s) => s.id),
        subnetsByAz: groupBy(vpc.subnets, (s) => s.az),
        publicSubnets: firstBy(
          vpc.subnets.filter((s) => s.tier === "public"),
          (s) => s.az,
        ),
      };
      this.byVpc.set(vpc, index);
    }
    return index;
  }

  endpoint(vpc: Vpc, id: string): Endpoint | undefined {
    return this.ofVpc(vpc).endpoints.get(id);
  }

  subnet(vpc: Vpc, id: string | undefined): Subnet | undefined {
    return id === undefined ? undefined : this.ofVpc(vpc).subnets.get(id);
  }

  subnetsIn(vpc: Vpc, az: string): Subnet[] {
    return this.ofVpc(vpc).subnetsByAz.get(az) ?? [];
  }

  publicSubnetIn(vpc: Vpc, az: string): Subnet | undefined {
    return this.ofVpc(vpc).publicSubnets.get(az);
  }

  private ofAccount(account: Account) {
    let index = this.byAccount.get(account);
    if (!index) {
      index = {
        vpcsByRegion: groupBy(account.vpcs, (v) => v.region),
        servicesByVpc: groupBy(account.endpointServices, (s) => s.vpc),
      };
      this.byAccount.set(account, index);
    }
    return index;
  }

  vpcsIn(account: Account, region: string): Vpc[] {
    return this.ofAccount(account).vpcsByRegion.get(region) ?? [];
  }

  servicesIn(account: Account, vpc: string): EndpointService[] {
    return this.ofAccount(account).servicesByVpc.get(vpc) ?? [];
  }
}
