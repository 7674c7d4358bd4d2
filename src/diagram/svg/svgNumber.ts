/**
 * A coordinate for SVG: an integer or a decimal with at most two places, never "NaN",
 * "Infinity", "-0" or exponent notation (non-finite values become 0, huge ones are clamped).
 */
export function svgNumber(n: number): string {
  if (!Number.isFinite(n)) return "0";
  const clamped = Math.max(-1e9, Math.min(1e9, n));
  // Multiples of 0.01 below 1e9 print without an exponent; String(-0) is "0".
  return String(Math.round(clamped * 100) / 100);
}
