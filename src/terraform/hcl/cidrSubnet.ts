import { ExpressionError, Unknown } from "./terraformValue.js";

/**
 * Terraform's cidrsubnet for IPv4: the `netnum`-th subnet of `prefix` extended by
 * `newbits` bits ("10.0.0.0/16", 8, 2 → "10.0.2.0/24"). IPv6 prefixes are not evaluated.
 */
export function cidrSubnet(prefix: string, newbits: number, netnum: number): string | Unknown {
  if (prefix.includes(":")) return new Unknown("cidrsubnet of an IPv6 prefix is not evaluated");
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(prefix);
  if (!match) throw new ExpressionError(`cidrsubnet: invalid prefix ${JSON.stringify(prefix)}`);
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((o) => o > 255) || length > 32)
    throw new ExpressionError(`cidrsubnet: invalid prefix ${JSON.stringify(prefix)}`);
  const bits = length + newbits;
  if (!Number.isInteger(newbits) || newbits < 0 || bits > 32)
    throw new ExpressionError(`cidrsubnet: cannot extend a /${length} by ${newbits} bits`);
  if (!Number.isInteger(netnum) || netnum < 0 || netnum >= 2 ** newbits)
    throw new ExpressionError(`cidrsubnet: ${netnum} does not fit in ${newbits} bits`);
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - length);
  const network = base - (base % size) + netnum * 2 ** (32 - bits);
  const out = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return `${out.join(".")}/${bits}`;
}
