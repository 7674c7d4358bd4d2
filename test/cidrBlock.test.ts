import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { parseCidr } from "../src/topology/cidrBlock.js";

describe("parseCidr", () => {
  it("reads any IPv4 block: first and last address as ipaddr.js computes them", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const network = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`).toString();
        const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(`${address}/${prefix}`);
        const block = parseCidr(`${network}/${prefix}`);
        const value = (ip: string) =>
          BigInt(
            ipaddr.IPv4.parse(ip)
              .toNormalizedString()
              .split(".")
              .reduce((n, o) => n * 256 + Number(o), 0),
          );
        expect(block).toEqual({
          text: `${network}/${prefix}`,
          family: "ipv4",
          prefix,
          start: value(network),
          end: value(broadcast.toString()),
        });
        if (network !== address) {
          expect(parseCidr(`${address}/${prefix}`)).toEqual({
            error: `"${address}/${prefix}" has host bits set; the network is ${network}/${prefix}`,
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads any IPv6 block", () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 128 }), (address, prefix) => {
        const network = ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`);
        const block = parseCidr(`${network.toString()}/${prefix}`);
        const start = network.parts.reduce((n, p) => (n << 16n) | BigInt(p), 0n);
        expect(block).toEqual({
          text: `${network.toString()}/${prefix}`,
          family: "ipv6",
          prefix,
          start,
          end: start + (1n << BigInt(128 - prefix)) - 1n,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("refuses shorthand, hex, zone ids, octets past 255 and prefixes past the family's", () => {
    for (const text of [
      "256.0.0.0/8",
      "10.0.0.999/32",
      "10.300.0.0/16",
      "10.1/16",
      "0x0a.0.0.0/8",
      "010.0.0.0/8",
      "fe80::%eth0/64",
      "10.0.0.0",
      "10.0.0.0/x",
    ])
      expect(parseCidr(text)).toEqual({
        error: `"${text}" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)`,
      });
    expect(parseCidr("10.0.0.0/33")).toEqual({
      error: '"10.0.0.0/33" has prefix /33; an IPv4 prefix is /0 to /32',
    });
  });
});
