import type { Quantity, Rate } from "../../core/money.js";
import type { Tier } from "../../pricing/tier.js";

export type { Tier };

export interface TierShare {
  tier: number;
  quantity: Quantity;
  rate: Rate;
}

/**
 * Split `quantity` across cumulative tiers, given `before` units already used by earlier
 * consumers of the same pool (e.g. the account's other endpoints in the region). The
 * shares add up to `quantity` exactly. A zero quantity yields one zero share in the
 * current tier, so free usage still shows as a line.
 */
export function allocateTiers(
  tiers: readonly Tier[],
  before: Quantity,
  quantity: Quantity,
): TierShare[] {
  const shares: TierShare[] = [];
  let start = before;
  let left = quantity;
  let lower = 0n;
  tiers.forEach((tier, index) => {
    const upper = tier.upTo;
    if (upper !== null && start >= upper) {
      lower = upper;
      return;
    }
    if (left === 0n && shares.length > 0) return;
    const room = upper === null ? left : upper - (start > lower ? start : lower);
    // biome-ignore lint/complexity/useMathMinMax: bigint has no Math.min
    const take = left < room ? left : room;
    if (take > 0n || (quantity === 0n && shares.length === 0)) {
      shares.push({ tier: index, quantity: take, rate: tier.rate });
    }
    left -= take;
    start += take;
    if (upper !== null) lower = upper;
  });
  return shares;
}
