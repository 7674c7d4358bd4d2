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
const NINE = 57;

/**
 * `text` up to `end` as a four-part dotted-decimal IPv4 address, as AWS writes them (no
 * leading zeros, each octet at most 255; ipaddr.js would also read "10.1" or hex): its
 * value, or -1 when it is none.
 */
function ipv4Of(text: string, end: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : DOT;
    if (code === DOT) {
      if (digits === 0 || octet > 255 || ++parts > 4) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (code >= ZERO && code <= NINE) {
      // "0" alone is an octet; "01" is not
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + code - ZERO;
      digits++;
      if (octet > 255) return -1;
    } else return -1;
  }
  return parts === 4 ? value : -1;
}

/** An IPv6 address (read by ipaddr.js, without a zone) as its value, undefined when it is none. */
function ipv6Of(address: string): bigint | undefined {
  if (!address.includes(":")) return undefined;
  try {
    const parsed = ipaddr.IPv6.parse(address);
    if (parsed.zoneId !== undefined) return undefined;
    let value = 0n;
    for (const part of parsed.parts) value = (value << 16n) | BigInt(part);
    return value;
  } catch {
    return undefined;
  }
}

/** The prefix length after the slash at `slash`: one to three digits, else -1. */
function prefixOf(text: string, slash: number): number {
  const length = text.length - slash - 1;
  if (slash < 0 || length < 1 || length > 3) return -1;
  let prefix = 0;
  for (let i = slash + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) return -1;
    prefix = prefix * 10 + code - ZERO;
  }
  return prefix;
}

function notABlock(text: string): { error: string } {
  return { error: `"${text}" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)` };
}

function prefixTooLong(text: string, prefix: number, family: "ipv4" | "ipv6"): { error: string } {
  const bits = family === "ipv4" ? 32 : 128;
  return {
    error: `"${text}" has prefix /${prefix}; an ${family === "ipv4" ? "IPv4" : "IPv6"} prefix is /0 to /${bits}`,
  };
}

function hostBitsSet(text: string, prefix: number, family: "ipv4" | "ipv6"): { error: string } {
  const net =
    family === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(text)
      : ipaddr.IPv6.networkAddressFromCIDR(text);
  return { error: `"${text}" has host bits set; the network is ${net.toString()}/${prefix}` };
}

/**
 * Parse "10.0.0.0/16" or "2001:db8::/56" (IPv4 read here, IPv6 with the ipaddr.js parser):
 * the block, or why it is not one — a bad address or prefix, or host bits set (AWS refuses
 * "10.0.0.1/16"; the message names the network address meant).
 */
export function parseCidr(text: string): CidrBlock | { error: string } {
  const slash = text.indexOf("/");
  const prefix = prefixOf(text, slash);
  if (prefix < 0) return notABlock(text);
  const v4 = ipv4Of(text, slash);
  if (v4 >= 0) {
    if (prefix > 32) return prefixTooLong(text, prefix, "ipv4");
    // exact in a double: addresses and sizes are below 2^33
    const size = 2 ** (32 - prefix);
    if (v4 % size !== 0) return hostBitsSet(text, prefix, "ipv4");
    return { text, family: "ipv4", prefix, start: BigInt(v4), end: BigInt(v4 + size - 1) };
  }
  const start = ipv6Of(text.slice(0, slash));
  if (start === undefined) return notABlock(text);
  if (prefix > 128) return prefixTooLong(text, prefix, "ipv6");
  const size = 1n << BigInt(128 - prefix);
  if (start % size !== 0n) return hostBitsSet(text, prefix, "ipv6");
  return { text, family: "ipv6", prefix, start, end: start + size - 1n };
}

/** Whether block `inner` lies inside block `outer`. */
export function within(inner: CidrBlock, outer: CidrBlock): boolean {
  return inner.family === outer.family && inner.start >= outer.start && inner.end <= outer.end;
}
