import type { SubnetDoc } from "./topologySchema.js";

/** A VPC's subnets by id (the first of a repeated id) and each AZ's default ENI subnet. */
export interface SubnetLookup {
  list: readonly SubnetDoc[];
  byId: ReadonlyMap<string, SubnetDoc>;
  /** per AZ: its first private subnet, else its first subnet */
  defaultInAz: ReadonlyMap<string, SubnetDoc>;
}

/** Index a VPC's subnets once, so each endpoint's ENIs are found in constant time. */
export function subnetLookup(subnets: readonly SubnetDoc[]): SubnetLookup {
  const byId = new Map<string, SubnetDoc>();
  const defaultInAz = new Map<string, SubnetDoc>();
  for (const subnet of subnets) {
    if (!byId.has(subnet.id)) byId.set(subnet.id, subnet);
    const current = defaultInAz.get(subnet.az);
    if (current === undefined || (current.tier !== "private" && subnet.tier === "private"))
      defaultInAz.set(subnet.az, subnet);
  }
  return { list: subnets, byId, defaultInAz };
}
