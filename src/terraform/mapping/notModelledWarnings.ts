import type { MappingContext } from "./mappingContext.js";

/** Why resources of some types are left out, when more can be said than "not modelled". */
const REASONS: Record<string, string> = {
  aws_lb: "application load balancers are not modelled (only network and gateway)",
  aws_alb: "application load balancers are not modelled (only network and gateway)",
  aws_internet_gateway: "free; routes to it are modelled as igw",
};

/**
 * One warning per resource type with managed resources the mapping did not use, counting
 * them and naming each; EIPs of NAT gateways get a note instead (priced with the NAT).
 */
export function notModelledWarnings(ctx: MappingContext): void {
  const eipsOfNat = new Set<string>();
  for (const address of ctx.natGateways.keys()) {
    const nat = ctx.index.byAddress.get(address);
    for (const eip of ctx.index.resolve(nat?.values.allocation_id)) eipsOfNat.add(eip.address);
  }
  if (eipsOfNat.size > 0) {
    ctx.warn(
      `aws_eip: ${[...eipsOfNat].join(", ")} not priced separately: the public IPv4 address of a public NAT gateway is priced with the NAT gateway`,
    );
    for (const address of eipsOfNat) ctx.used.add(address);
  }
  const byType = new Map<string, string[]>();
  for (const resource of ctx.index.resources) {
    if (ctx.used.has(resource.address)) continue;
    byType.set(resource.type, [...(byType.get(resource.type) ?? []), resource.address]);
  }
  for (const [type, addresses] of byType) {
    const n = addresses.length;
    const reason = REASONS[type] ?? "free or out of scope";
    ctx.warn(
      `${type}: ${n} resource${n === 1 ? "" : "s"} not modelled (${reason}): ${addresses.join(", ")}`,
    );
  }
}
