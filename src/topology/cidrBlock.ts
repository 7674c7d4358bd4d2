import ipaddr from "ipaddr.js";

/** A parsed CIDR block: its family, prefix and address range as integers. */
export interface CidrBlock {
  text: string;
  family: "ipv4" | "ipv6";
  prefix: number;
  /** first and last address of the block */
  start: bigint;
  end: bigint;
}

const DOT = 46;
const ZERO = 48;

/** Dotted decimal in four parts, as AWS writes IPv4 blocks (ipaddr.js also reads "10.1" or hex). */
const FOUR_PART_DECIMAL = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*)){3}$/;

/**
 * An address as its family and value, undefined when it is none: four-part decimal IPv4
 * read here (its octets at most 255), IPv6 by ipaddr.js.
 */
function addressOf(address: string): { family: "ipv4" | "ipv6"; value: bigint } | undefined {
  try {
    if (FOUR_PART_DECIMAL.test(address)) {
      // the pattern has checked the form: digits and three dots
      let value = 0;
      let octet = 0;
      for (let i = 0; i <= address.length; i++) {
        const code = i < address.length ? address.charCodeAt(i) : DOT;
        if (code !== DOT) {
          octet = octet * 10 + code - ZERO;
          continue;
        }
        if (octet > 255) return undefined;
        value = value * 256 + octet;
        octet = 0;
      }
      return { family: "ipv4", value: BigInt(value) };
    }
    if (!address.includes(":")) return undefined;
    const parsed = ipaddr.IPv6.parse(address);
    if (parsed.zoneId !== undefined) return undefined;
    let value = 0n;
    for (const part of parsed.parts) value = (value << 16n) | BigInt(part);
    return { family: "ipv6", value };
  } catch {
    return undefined;
  }
}

/**
 * Parse "10.0.0.0/16" or "2001:db8::/56" (with the ipaddr.js parser): the block, or why it is
 * not one — a bad address or prefix, or host bits set (AWS refuses "10.0.0.1/16"; the
 * message names the network address meant).
 */
export function parseCidr(text: string): CidrBlock | { error: string } {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? "" : text.slice(slash + 1);
  const parsed = /^\d{1,3}$/.test(prefixText) ? addressOf(address) : undefined;
  if (parsed === undefined) {
    return { error: `"${text}" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)` };
  }
  const { family, value: start } = parsed;
  const bits = family === "ipv4" ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) {
    return {
      error: `"${text}" has prefix /${prefix}; an ${family === "ipv4" ? "IPv4" : "IPv6"} prefix is /0 to /${bits}`,
    };
  }
  const size = 1n << BigInt(bits - prefix);
  const network = start - (start % size);
  if (network !== start) {
    const net =
      family === "ipv4"
        ? ipaddr.IPv4.networkAddressFromCIDR(text)
        : ipaddr.IPv6.networkAddressFromCIDR(text);
    return {
      error: `"${text}" has host bits set; the network is ${net.toString()}/${prefix}`,
    };
  }
  return { text, family, prefix, start, end: start + size - 1n };
}

/** Whether block `inner` lies inside block `outer`. */
export function within(inner: CidrBlock, outer: CidrBlock): boolean {
  return inner.family === outer.family && inner.start >= outer.start && inner.end <= outer.end;
}
