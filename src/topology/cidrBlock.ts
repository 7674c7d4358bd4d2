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

function toBigInt(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
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
  const family = ipaddr.IPv4.isValidFourPartDecimal(address)
    ? "ipv4"
    : ipaddr.IPv6.isValid(address) && address.includes(":")
      ? "ipv6"
      : undefined;
  if (family === undefined || !/^\d{1,3}$/.test(prefixText)) {
    return { error: `"${text}" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)` };
  }
  const bits = family === "ipv4" ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) {
    return {
      error: `"${text}" has prefix /${prefix}; an ${family === "ipv4" ? "IPv4" : "IPv6"} prefix is /0 to /${bits}`,
    };
  }
  const parsed = ipaddr.parse(address);
  const start = toBigInt(parsed.toByteArray());
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
