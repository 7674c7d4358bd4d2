import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkplanError } from "../src/core/linkplanError.js";
import {
  cost,
  divideRounded,
  formatCents,
  formatMoney,
  formatQuantity,
  formatRate,
  formatScaled,
  MONEY_DECIMALS,
  parseScaled,
  QUANTITY_DECIMALS,
  QUANTITY_UNIT,
  quantityFromInteger,
  quantityFromNumber,
  RATE_DECIMALS,
  rateFromDecimal,
  sum,
} from "../src/core/money.js";
import { usd } from "./helpers/money.js";

describe("parseScaled", () => {
  it("scales plain decimals exactly", () => {
    expect(parseScaled("0.0035", 12)).toBe(3_500_000_000n);
    expect(parseScaled("12", 6)).toBe(12_000_000n);
    expect(parseScaled("-12", 6)).toBe(-12_000_000n);
    expect(parseScaled("+1.5", 2)).toBe(150n);
    expect(parseScaled(".5", 1)).toBe(5n);
    expect(parseScaled("5.", 1)).toBe(50n);
    expect(parseScaled("  7.25  ", 2)).toBe(725n);
    expect(parseScaled("0", 18)).toBe(0n);
  });

  it("understands exponents", () => {
    expect(parseScaled("1e-7", 12)).toBe(100_000n);
    expect(parseScaled("1.5E+3", 0)).toBe(1500n);
    expect(parseScaled("2.5e2", 2)).toBe(25_000n);
    expect(parseScaled("1e21", 0)).toBe(10n ** 21n);
    expect(parseScaled("-3e-2", 6)).toBe(-30_000n);
  });

  it("keeps sums exact where binary floating point does not (0.1 + 0.2)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(parseScaled("0.1", 6) + parseScaled("0.2", 6)).toBe(parseScaled("0.3", 6));
    expect(formatScaled(parseScaled("0.1", 6) + parseScaled("0.2", 6), 6)).toBe("0.3");
    // ten times 0.1 is exactly 1
    const tenth = rateFromDecimal("0.1");
    expect(sum(Array.from({ length: 10 }, () => tenth))).toBe(rateFromDecimal("1"));
    // 0.1 GB × 0.01 USD/GB = 0.001 USD, exactly
    expect(formatMoney(cost(quantityFromNumber(0.1), rateFromDecimal("0.01")))).toBe("0.001");
  });

  it("refuses digits beyond the scale unless rounding (catalog rates must be exact)", () => {
    expect(() => parseScaled("0.0000000000001", RATE_DECIMALS)).toThrow(
      '"0.0000000000001" has more than 12 decimals',
    );
    expect(() => rateFromDecimal("0.1234567890123")).toThrow(LinkplanError);
    expect(() => rateFromDecimal("1e-13")).toThrow("more than 12 decimals");
    // trailing zeros past the scale are not a loss of precision
    expect(rateFromDecimal("0.1000000000000")).toBe(100_000_000_000n);
    expect(rateFromDecimal("0.000000000001")).toBe(1n);
  });

  it("rounds half away from zero when asked", () => {
    expect(parseScaled("0.0000005", 6, true)).toBe(1n);
    expect(parseScaled("0.00000049", 6, true)).toBe(0n);
    expect(parseScaled("1.2345675", 6, true)).toBe(1_234_568n);
    expect(parseScaled("1.2345674999", 6, true)).toBe(1_234_567n);
    expect(parseScaled("-0.0000005", 6, true)).toBe(-1n);
    expect(parseScaled("1e-7", 6, true)).toBe(0n);
    expect(parseScaled("5e-7", 6, true)).toBe(1n);
  });

  it("rejects what is not a decimal number", () => {
    for (const bad of ["", " ", ".", "-", "+", "abc", "1.2.3", "1e", "e5", "0x10", "1,5", "NaN"]) {
      expect(() => parseScaled(bad, 6), JSON.stringify(bad)).toThrow(LinkplanError);
    }
    expect(() => parseScaled("abc", 6)).toThrow('not a decimal number: "abc"');
  });
});

describe("quantityFromNumber / quantityFromInteger", () => {
  it("converts JS numbers through their shortest decimal form", () => {
    expect(quantityFromNumber(0.1)).toBe(100_000n);
    expect(quantityFromNumber(730)).toBe(730_000_000n);
    expect(quantityFromNumber(1e-7)).toBe(0n);
    expect(quantityFromNumber(5e-7)).toBe(1n);
    expect(quantityFromNumber(1.0000005)).toBe(1_000_001n);
    expect(quantityFromNumber(0.1234564)).toBe(123_456n);
    expect(quantityFromNumber(2e9)).toBe(2_000_000_000_000_000n);
    expect(quantityFromNumber(1e21)).toBe(10n ** 27n);
    expect(quantityFromNumber(0)).toBe(0n);
    expect(quantityFromNumber(-0)).toBe(0n);
  });

  it("sums 0.1 and 0.2 GB to exactly 0.3 GB", () => {
    expect(quantityFromNumber(0.1) + quantityFromNumber(0.2)).toBe(quantityFromNumber(0.3));
  });

  it("rejects non-finite numbers", () => {
    expect(() => quantityFromNumber(Number.NaN)).toThrow("not a finite number: NaN");
    expect(() => quantityFromNumber(Number.POSITIVE_INFINITY)).toThrow(LinkplanError);
  });

  it("scales integers", () => {
    expect(quantityFromInteger(3)).toBe(3n * QUANTITY_UNIT);
    expect(quantityFromInteger(1_048_576n)).toBe(1_048_576_000_000n);
  });
});

describe("divideRounded", () => {
  it("rounds half away from zero", () => {
    expect(divideRounded(5n, 10n)).toBe(1n);
    expect(divideRounded(4n, 10n)).toBe(0n);
    expect(divideRounded(15n, 10n)).toBe(2n);
    expect(divideRounded(25n, 10n)).toBe(3n);
    expect(divideRounded(-5n, 10n)).toBe(-1n);
    expect(divideRounded(-4n, 10n)).toBe(0n);
    expect(divideRounded(5n, -10n)).toBe(-1n);
    expect(divideRounded(-15n, -10n)).toBe(2n);
    expect(divideRounded(7n, 2n)).toBe(4n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(0n, 3n)).toBe(0n);
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRounded(1n, 0n)).toThrow("division by zero");
  });

  it("is within half a unit of the exact quotient (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.boolean(),
        (n, d0, flip) => {
          const d = flip ? -d0 : d0;
          const q = divideRounded(n, d);
          // |n − q·d| ≤ |d| / 2, and ties go away from zero
          const r = n - q * d;
          const absR = r < 0n ? -r : r;
          expect(2n * absR <= d0).toBe(true);
          if (2n * absR === d0) {
            const abs = (x: bigint) => (x < 0n ? -x : x);
            expect(abs(q * d) > abs(n)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("formatMoney / formatCents", () => {
  it("prints money exactly with at least two decimals", () => {
    expect(formatMoney(usd("284.7"))).toBe("284.70");
    expect(formatMoney(usd("13194.304"))).toBe("13194.304");
    expect(formatMoney(0n)).toBe("0.00");
    expect(formatMoney(usd("5"))).toBe("5.00");
    expect(formatMoney(1n)).toBe("0.000000000000000001");
    expect(formatMoney(usd("16.425"))).toBe("16.425");
    // 730 h × 0.01 USD per ENI-hour
    expect(formatMoney(cost(quantityFromInteger(730), rateFromDecimal("0.01")))).toBe("7.30");
  });

  it("rounds to cents half away from zero for display", () => {
    expect(formatCents(usd("13194.304"))).toBe("13194.30");
    expect(formatCents(usd("16.425"))).toBe("16.43");
    expect(formatCents(usd("0.005"))).toBe("0.01");
    expect(formatCents(usd("0.004999999999999999"))).toBe("0.00");
    expect(formatCents(usd("284.7"))).toBe("284.70");
    expect(formatCents(0n)).toBe("0.00");
    expect(formatCents(usd("999.995"))).toBe("1000.00");
  });

  it("formats negative amounts with one leading minus and no negative zero", () => {
    expect(formatMoney(-usd("2.5"))).toBe("-2.50");
    expect(formatMoney(-usd("0.05"))).toBe("-0.05");
    expect(formatMoney(-1n)).toBe("-0.000000000000000001");
    expect(formatCents(-usd("0.005"))).toBe("-0.01");
    expect(formatCents(-usd("0.004"))).toBe("0.00");
    expect(formatCents(-usd("16.425"))).toBe("-16.43");
    expect(formatScaled(-5n, 2)).toBe("-0.05");
    expect(formatScaled(-0n, 2)).toBe("0");
  });

  it("formats rates and quantities", () => {
    expect(formatRate(rateFromDecimal("0.01"))).toBe("0.01");
    expect(formatRate(rateFromDecimal("0.0035"))).toBe("0.0035");
    expect(formatRate(rateFromDecimal("0.5"))).toBe("0.50");
    expect(formatRate(0n)).toBe("0.00");
    expect(formatQuantity(quantityFromNumber(730))).toBe("730");
    expect(formatQuantity(quantityFromNumber(0.1))).toBe("0.1");
    expect(formatQuantity(0n)).toBe("0");
    expect(formatQuantity(1n)).toBe("0.000001");
  });

  it("pads with places and never drops the integer part", () => {
    expect(formatScaled(123n, 6)).toBe("0.000123");
    expect(formatScaled(123n, 6, { places: 4 })).toBe("0.0001");
    expect(formatScaled(150n, 6, { places: 4 })).toBe("0.0002");
    expect(formatScaled(1_000_000n, 6, { minPlaces: 3 })).toBe("1.000");
    expect(formatScaled(42n, 0)).toBe("42");
    expect(formatScaled(42n, 0, { minPlaces: 2 })).toBe("42.00");
  });
});

/** A canonical decimal string: no leading zeros, ≤ 6 decimals without trailing zeros. */
const canonicalDecimal = fc
  .record({
    negative: fc.boolean(),
    whole: fc.bigInt({ min: 0n, max: 10n ** 24n }),
    fraction: fc.integer({ min: 0, max: 999_999 }),
    places: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ negative, whole, fraction, places }) => {
    const digits = String(fraction % 10 ** places)
      .padStart(places, "0")
      .replace(/0+$/, "");
    const body = digits ? `${whole}.${digits}` : `${whole}`;
    return negative && body !== "0" ? `-${body}` : body;
  });

describe("money properties", () => {
  it("formatScaled(parseScaled(x)) round-trips decimal strings with ≤ 6 decimals", () => {
    fc.assert(
      fc.property(canonicalDecimal, (text) => {
        expect(formatScaled(parseScaled(text, QUANTITY_DECIMALS), QUANTITY_DECIMALS)).toBe(text);
        // and at a larger scale, the value is the same
        expect(formatScaled(parseScaled(text, MONEY_DECIMALS), MONEY_DECIMALS)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("quantityFromNumber agrees with parsing the number's decimal string", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (n, places) => {
          const value = n / 10 ** places;
          const text = (n / 10 ** places).toFixed(places);
          expect(quantityFromNumber(value)).toBe(parseScaled(text, QUANTITY_DECIMALS));
        },
      ),
    );
  });

  it("money sums are exact: formatMoney(Σ) is the decimal sum of the parts", () => {
    fc.assert(
      fc.property(fc.array(canonicalDecimal, { maxLength: 20 }), (texts) => {
        const total = sum(texts.map((t) => parseScaled(t, QUANTITY_DECIMALS)));
        // independent: sum at micro scale, compare with the formatted money at atto scale
        const money = sum(texts.map((t) => usd(t)));
        expect(formatMoney(money)).toBe(
          formatScaled(total * 10n ** BigInt(MONEY_DECIMALS - QUANTITY_DECIMALS), MONEY_DECIMALS, {
            minPlaces: 2,
          }),
        );
        expect(money).toBe(total * 10n ** 12n);
      }),
    );
  });
});
