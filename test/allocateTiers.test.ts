import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cost,
  formatMoney,
  quantityFromInteger,
  quantityFromNumber,
  rateFromDecimal,
  sum,
} from "../src/core/money.js";
import { allocateTiers, type Tier, type TierShare } from "../src/estimate/cost/allocateTiers.js";
import { tierLabel } from "../src/pricing/tierLabel.js";

const GB = (n: number | bigint): bigint =>
  typeof n === "bigint" ? quantityFromInteger(n) : quantityFromNumber(n);

/** Interface endpoint data processed: 0.01 first 1 PB, 0.006 next 4 PB, 0.004 over 5 PB. */
const INTERFACE_GB: Tier[] = [
  { upTo: GB(1_048_576), rate: rateFromDecimal("0.01") },
  { upTo: GB(5_242_880), rate: rateFromDecimal("0.006") },
  { upTo: null, rate: rateFromDecimal("0.004") },
];

const shareSum = (shares: TierShare[]) => sum(shares.map((s) => s.quantity));
const shareCost = (shares: TierShare[]) => sum(shares.map((s) => cost(s.quantity, s.rate)));

describe("allocateTiers (interface endpoint GB tiers)", () => {
  it("prices the worked check: 1,500,000 GB = 1,048,576 × 0.01 + 451,424 × 0.006 = 13,194.304", () => {
    const shares = allocateTiers(INTERFACE_GB, 0n, GB(1_500_000));
    expect(shares).toEqual([
      { tier: 0, quantity: GB(1_048_576), rate: rateFromDecimal("0.01") },
      { tier: 1, quantity: GB(451_424), rate: rateFromDecimal("0.006") },
    ]);
    expect(1_048_576 + 451_424).toBe(1_500_000);
    expect(shareSum(shares)).toBe(GB(1_500_000));
    expect(formatMoney(cost(GB(1_048_576), rateFromDecimal("0.01")))).toBe("10485.76");
    expect(formatMoney(cost(GB(451_424), rateFromDecimal("0.006")))).toBe("2708.544");
    expect(formatMoney(shareCost(shares))).toBe("13194.304");
  });

  it("splits the same 1,500,000 GB across two consumers of one pool to the same total", () => {
    const first = allocateTiers(INTERFACE_GB, 0n, GB(1_000_000));
    const second = allocateTiers(INTERFACE_GB, GB(1_000_000), GB(500_000));
    expect(first).toEqual([{ tier: 0, quantity: GB(1_000_000), rate: rateFromDecimal("0.01") }]);
    expect(second).toEqual([
      { tier: 0, quantity: GB(48_576), rate: rateFromDecimal("0.01") },
      { tier: 1, quantity: GB(451_424), rate: rateFromDecimal("0.006") },
    ]);
    expect(formatMoney(shareCost([...first, ...second]))).toBe("13194.304");
  });

  it("continues a pool already at 1,048,570 GB: 6 GB at 0.01, the rest at 0.006", () => {
    const shares = allocateTiers(INTERFACE_GB, GB(1_048_570), GB(10));
    expect(shares).toEqual([
      { tier: 0, quantity: GB(6), rate: rateFromDecimal("0.01") },
      { tier: 1, quantity: GB(4), rate: rateFromDecimal("0.006") },
    ]);
    // 6 × 0.01 + 4 × 0.006 = 0.06 + 0.024
    expect(formatMoney(shareCost(shares))).toBe("0.084");
  });

  it("crosses all three tiers in one go", () => {
    const shares = allocateTiers(INTERFACE_GB, 0n, GB(6_000_000));
    expect(shares.map((s) => [s.tier, s.quantity])).toEqual([
      [0, GB(1_048_576)],
      [1, GB(5_242_880 - 1_048_576)],
      [2, GB(6_000_000 - 5_242_880)],
    ]);
    // 10,485.76 + 4,194,304 × 0.006 + 757,120 × 0.004 = 10,485.76 + 25,165.824 + 3,028.48
    expect(formatMoney(shareCost(shares))).toBe("38680.064");
  });

  it("starts in the last tier when the pool is already beyond 5 PB", () => {
    const shares = allocateTiers(INTERFACE_GB, GB(9_000_000), GB(0.1));
    expect(shares).toEqual([{ tier: 2, quantity: GB(0.1), rate: rateFromDecimal("0.004") }]);
  });

  it("fills a tier exactly to its bound without touching the next", () => {
    const shares = allocateTiers(INTERFACE_GB, GB(48_576), GB(1_000_000));
    expect(shares).toEqual([{ tier: 0, quantity: GB(1_000_000), rate: rateFromDecimal("0.01") }]);
    const next = allocateTiers(INTERFACE_GB, GB(1_048_576), GB(1));
    expect(next).toEqual([{ tier: 1, quantity: GB(1), rate: rateFromDecimal("0.006") }]);
  });

  it("gives a zero quantity one zero share in the pool's current tier", () => {
    expect(allocateTiers(INTERFACE_GB, 0n, 0n)).toEqual([
      { tier: 0, quantity: 0n, rate: rateFromDecimal("0.01") },
    ]);
    expect(allocateTiers(INTERFACE_GB, GB(1_048_576), 0n)).toEqual([
      { tier: 1, quantity: 0n, rate: rateFromDecimal("0.006") },
    ]);
    expect(allocateTiers(INTERFACE_GB, GB(7_000_000), 0n)).toEqual([
      { tier: 2, quantity: 0n, rate: rateFromDecimal("0.004") },
    ]);
  });

  it("works with a single open-ended tier", () => {
    const flat: Tier[] = [{ upTo: null, rate: rateFromDecimal("0.045") }];
    expect(allocateTiers(flat, GB(10), GB(500))).toEqual([
      { tier: 0, quantity: GB(500), rate: rateFromDecimal("0.045") },
    ]);
  });

  it("labels the tiers", () => {
    expect(tierLabel(INTERFACE_GB, 0, "GB")).toBe("first 1 PB");
    expect(tierLabel(INTERFACE_GB, 1, "GB")).toBe("next 4 PB");
    expect(tierLabel(INTERFACE_GB, 2, "GB")).toBe("over 5 PB");
    const zones: Tier[] = [
      { upTo: quantityFromInteger(25), rate: rateFromDecimal("0.50") },
      { upTo: null, rate: rateFromDecimal("0.10") },
    ];
    expect(tierLabel(zones, 0, "hosted-zone-month")).toBe("first 25 zones");
    expect(tierLabel(zones, 1, "hosted-zone-month")).toBe("over 25 zones");
    expect(tierLabel([{ upTo: null, rate: 1n }], 0, "GB")).toBeNull();
  });
});

/** Random cumulative tiers: 1–4 ascending finite bounds then an open-ended tier. */
const tiersArb = fc
  .uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 13n }), { minLength: 0, maxLength: 4 })
  .chain((bounds) =>
    fc
      .array(fc.bigInt({ min: 0n, max: 10n ** 12n }), {
        minLength: bounds.length + 1,
        maxLength: bounds.length + 1,
      })
      .map((rates): Tier[] => {
        const sorted = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return rates.map((rate, i) => ({ upTo: sorted[i] ?? null, rate }));
      }),
  );

/** Bounds of tier i: [lower, upper). */
function bounds(tiers: readonly Tier[], i: number): [bigint, bigint | null] {
  return [i === 0 ? 0n : (tiers[i - 1]?.upTo ?? 0n), tiers[i]?.upTo ?? null];
}

/** Reference allocation: for each unit range [before, before + quantity), its overlap with each tier. */
function overlap(tiers: readonly Tier[], before: bigint, quantity: bigint): bigint[] {
  const end = before + quantity;
  return tiers.map((_, i) => {
    const [lower, upper] = bounds(tiers, i);
    const from = before > lower ? before : lower;
    const to = upper === null || end < upper ? end : upper;
    return to > from ? to - from : 0n;
  });
}

describe("allocateTiers properties", () => {
  const quantityArb = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.bigInt({ min: 0n, max: 10n ** 14n }),
  );

  it("interface tiers: shares sum exactly and each share stays within its tier", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (before, quantity) => {
        checkAllocation(INTERFACE_GB, before, quantity);
      }),
      { numRuns: 1000 },
    );
  });

  it("interface tiers near the 1 PB and 5 PB bounds", () => {
    const near = (bound: bigint) =>
      fc
        .bigInt({ min: -(10n ** 7n), max: 10n ** 7n })
        .map((d) => (bound + d < 0n ? 0n : bound + d));
    fc.assert(
      fc.property(
        fc.oneof(near(GB(1_048_576)), near(GB(5_242_880))),
        fc.bigInt({ min: 0n, max: 2n * 10n ** 7n }),
        (before, quantity) => checkAllocation(INTERFACE_GB, before, quantity),
      ),
      { numRuns: 1000 },
    );
  });

  it("random tiers: shares sum exactly and match the overlap with each tier", () => {
    fc.assert(
      fc.property(tiersArb, quantityArb, quantityArb, (tiers, before, quantity) => {
        checkAllocation(tiers, before, quantity);
      }),
      { numRuns: 1000 },
    );
  });
});

function checkAllocation(tiers: readonly Tier[], before: bigint, quantity: bigint): void {
  const shares = allocateTiers(tiers, before, quantity);
  expect(shareSum(shares)).toBe(quantity);
  expect(shares.length).toBeGreaterThan(0);
  // tiers in ascending order, each at most once, with the tier's rate
  for (let i = 1; i < shares.length; i++) {
    expect((shares[i]?.tier ?? 0) > (shares[i - 1]?.tier ?? 0)).toBe(true);
  }
  let position = before;
  for (const share of shares) {
    const tier = tiers[share.tier];
    expect(tier).toBeDefined();
    expect(share.rate).toBe(tier?.rate);
    const [lower, upper] = bounds(tiers, share.tier);
    // consecutive and within [lower, upper)
    expect(share.quantity >= 0n).toBe(true);
    if (share.quantity > 0n) {
      expect(position >= lower).toBe(true);
      if (upper !== null) expect(position + share.quantity <= upper).toBe(true);
    }
    position += share.quantity;
  }
  if (quantity === 0n) {
    // one zero share, in the tier the pool is currently in
    expect(shares).toHaveLength(1);
    const [lower, upper] = bounds(tiers, shares[0]?.tier ?? -1);
    expect(before >= lower && (upper === null || before < upper)).toBe(true);
  } else {
    expect(shares.every((s) => s.quantity > 0n)).toBe(true);
  }
  // matches an independent computation of each tier's overlap
  const expected = overlap(tiers, before, quantity);
  const got = tiers.map((_, i) => shares.find((s) => s.tier === i)?.quantity ?? 0n);
  expect(got).toEqual(expected);
}
