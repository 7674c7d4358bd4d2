import { internalError } from "./linkplanError.js";
/**
 * Exact fixed-point arithmetic for prices, quantities and money, on bigint.
 *
 * - a Rate is USD per unit in pico-dollars (1e-12 USD): catalog figures have at most 12
 *   decimals;
 * - a Quantity is in micro-units (1e-6 of a GB, an hour, a zone, ...): inputs are rounded
 *   half-up to 6 decimals, derived quantities (NLCU-hours) likewise;
 * - Money is in atto-dollars (1e-18 USD), so Money = Quantity × Rate with no rounding at
 *   all, and sums of Money are exact. Rounding happens only in `formatMoney(…, 2)`.
 */
export type Money = bigint;
export type Rate = bigint;
export type Quantity = bigint;

export const RATE_DECIMALS = 12;
export const QUANTITY_DECIMALS = 6;
export const MONEY_DECIMALS = RATE_DECIMALS + QUANTITY_DECIMALS;

const TEN = 10n;
const QUANTITY_ONE = TEN ** BigInt(QUANTITY_DECIMALS);

/** Divide, rounding half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw internalError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n + d / 2n) / d;
  return negative ? -q : q;
}

/**
 * Parse a decimal string ("0.0035", "-12", "1e-7", "1.5E+3") into an integer scaled by
 * 10^decimals. Digits beyond `decimals` are rounded half-up when `round` is set,
 * otherwise they are an error (catalog prices must be exact).
 */
export function parseScaled(text: string, decimals: number, round = false): bigint {
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw internalError(`not a decimal number: "${text}"`);
  }
  const sign = match[1] === "-" ? -1n : 1n;
  const digits = `${match[2] ?? ""}${match[3] ?? ""}`;
  const scale = (match[3] ?? "").length - Number(match[4] ?? "0");
  // value = digits × 10^-scale; we want value × 10^decimals
  const shift = decimals - scale;
  if (shift >= 0) return sign * BigInt(digits || "0") * TEN ** BigInt(shift);
  const drop = -shift;
  if (!round) {
    const kept = digits.slice(0, Math.max(0, digits.length - drop));
    const dropped = digits.slice(Math.max(0, digits.length - drop));
    if (/[1-9]/.test(dropped)) {
      throw internalError(`"${text}" has more than ${decimals} decimals`);
    }
    return sign * BigInt(kept || "0");
  }
  return sign * divideRounded(BigInt(digits || "0"), TEN ** BigInt(drop));
}

/** A JS number (from YAML/JSON input) as a Quantity, rounded half-up to 6 decimals. */
export function quantityFromNumber(value: number): Quantity {
  if (!Number.isFinite(value)) throw internalError(`not a finite number: ${value}`);
  // fast path: an integer, or a number with at most 6 decimals below 1e9 (where
  // doubles are finer than 1e-6, so the round trip proves the decimal is exactly n / 1e6)
  if (Number.isSafeInteger(value) && Math.abs(value) <= 9_007_199_254) {
    return BigInt(value) * QUANTITY_ONE;
  }
  if (Math.abs(value) < 1e9) {
    const n = Math.round(value * 1e6);
    if (n / 1e6 === value) return BigInt(n);
  }
  return parseScaled(String(value), QUANTITY_DECIMALS, true);
}

export function quantityFromInteger(value: number | bigint): Quantity {
  return BigInt(value) * QUANTITY_ONE;
}

export function rateFromDecimal(text: string): Rate {
  return parseScaled(text, RATE_DECIMALS);
}

/** quantity × rate, exactly. */
export function cost(quantity: Quantity, rate: Rate): Money {
  return quantity * rate;
}

export function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Format a scaled integer as a decimal string. With `places`, round half away from zero to
 * that many decimals; without, print it exactly (trailing zeros trimmed, at least
 * `minPlaces` decimals).
 */
export function formatScaled(
  value: bigint,
  decimals: number,
  options: { places?: number; minPlaces?: number } = {},
): string {
  let v = value;
  let d = decimals;
  if (options.places !== undefined && options.places < decimals) {
    v = divideRounded(v, TEN ** BigInt(decimals - options.places));
    d = options.places;
  }
  // v < 0 has a non-zero digit: no "-0"
  const negative = v < 0n;
  const text = (negative ? -v : v).toString();
  const cut = text.length - d;
  const whole = cut > 0 ? text.slice(0, cut) : "0";
  let fraction = cut > 0 ? text.slice(cut) : cut === 0 ? text : "0".repeat(-cut) + text;
  if (options.places === undefined) {
    // trailing zeros trimmed, down to minPlaces (zeros added up to it)
    const min = options.minPlaces ?? 0;
    let end = fraction.length;
    while (end > min && fraction.charCodeAt(end - 1) === 48) end--;
    fraction = fraction.slice(0, end);
    if (fraction.length < min) fraction = fraction.padEnd(min, "0");
  }
  const body = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${body}` : body;
}

/** Money as an exact decimal string with at least 2 decimals ("284.70", "13194.304"). */
export function formatMoney(value: Money): string {
  return formatScaled(value, MONEY_DECIMALS, { minPlaces: 2 });
}

/**
 * Money for reports: exact when it has at most 4 decimals ("16.425", "284.70"), else
 * rounded to 4 — so a column of lines visibly adds up to its subtotal.
 */
export function formatDisplayMoney(value: Money): string {
  const exact = formatMoney(value);
  const decimals = exact.split(".")[1]?.length ?? 0;
  return decimals <= 4 ? exact : formatScaled(value, MONEY_DECIMALS, { places: 4 });
}

/** Money rounded to cents for display ("13194.30"). */
export function formatCents(value: Money): string {
  return formatScaled(value, MONEY_DECIMALS, { places: 2 });
}

export function formatRate(value: Rate): string {
  return formatScaled(value, RATE_DECIMALS, { minPlaces: 2 });
}

export function formatQuantity(value: Quantity): string {
  return formatScaled(value, QUANTITY_DECIMALS);
}

export const QUANTITY_UNIT = QUANTITY_ONE;
