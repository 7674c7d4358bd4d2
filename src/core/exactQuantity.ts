import type * as z from "zod";
import { QUANTITY_DECIMALS } from "./money.js";

/**
 * Most significant digits a quantity may have: any decimal of up to 15 significant digits
 * survives the trip through a double (JSON.parse, YAML) and back unchanged.
 */
export const QUANTITY_DIGITS = 15;

/** Millionths in one unit, and the first count of millionths with 16 digits. */
const MICRO = 10 ** QUANTITY_DECIMALS;
const MAX_MICRO = 10 ** QUANTITY_DIGITS;

/** A number's shortest decimal form (as JavaScript prints it), split into digits and exponent. */
function decimalOf(value: number): { digits: string; exponent: number } {
  // "1.2345e-7", "123456789012345680000", "0.25": value = 0.digits × 10^exponent
  const [mantissa = "", power = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "");
  return { digits, exponent: Number(power) + 1 };
}

/** A number as plain decimal text ("0.0000004", "123456789012345680000"), exponent form when that is long. */
function shown(value: number): string {
  const { digits, exponent } = decimalOf(value);
  const sign = value < 0 ? "-" : "";
  if (exponent > 40 || exponent < -30) return String(value);
  if (exponent <= 0) return `${sign}0.${"0".repeat(-exponent)}${digits}`;
  if (digits.length <= exponent) return `${sign}${digits}${"0".repeat(exponent - digits.length)}`;
  return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
}

/**
 * Why a quantity (GB, connections, queries, hours per month, …) cannot be used exactly, or
 * undefined when it can: it has more decimals than the cost engine keeps (6: quantities are
 * counted in millionths), or more significant digits than a double holds exactly (15), so
 * the number read may already differ from the one written. Not finite numbers are refused too.
 */
export function inexactQuantity(value: number): string | undefined {
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  // Fast path (most quantities): the value is the double nearest to the decimal
  // micro / 10^6, a decimal of at most 6 decimals and at most 15 digits, which reads back
  // as itself, so its shortest form has no more decimals or digits than that.
  const micro = Math.round(value * MICRO);
  if (Math.abs(micro) < MAX_MICRO && micro / MICRO === value) return undefined;
  const { digits, exponent } = decimalOf(value);
  const decimals = digits.length - exponent;
  if (decimals > QUANTITY_DECIMALS)
    return `${shown(value)} has more than ${QUANTITY_DECIMALS} decimals; linkplan keeps quantities to 0.${"0".repeat(QUANTITY_DECIMALS - 1)}1`;
  if (digits.length > QUANTITY_DIGITS)
    return `${shown(value)} has more than ${QUANTITY_DIGITS} significant digits; linkplan keeps quantities exactly only up to ${QUANTITY_DIGITS} (a longer number may already differ from the one written)`;
  return undefined;
}

/**
 * The same check as a zod refinement: `exactQuantity(z.number().nonnegative())`. The
 * problem names the value and the precision (see inexactQuantity).
 */
export function exactQuantity<T extends z.ZodType<number>>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const problem = inexactQuantity(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  });
}
