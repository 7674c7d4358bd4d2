import fc from "fast-check";
import { AWS_REGIONS } from "../../src/topology/awsReference.js";
import { topologyArb } from "./randomTopology.js";

/**
 * Random valid topologies with the parts the check rules read, on top of topologyArb: VPC
 * and subnet CIDRs, route tables routing to the VPC's NAT gateways or the internet
 * gateway, gateway endpoints in some of them, security groups on endpoints and workloads,
 * workloads using endpoints of their own and other VPCs, load balancers with cross-zone
 * and target AZs, and accounts' AZ IDs.
 */

interface RandomVpc {
  id: string;
  region: string;
  azs: string[];
  endpoints: { id: string; type: string; [key: string]: unknown }[];
  natGateways: { id: string }[];
  loadBalancers: { id: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

interface RandomAccount {
  id: string;
  vpcs: RandomVpc[];
  [key: string]: unknown;
}

/** Picks from `n` choices, driven by the numbers fast-check drew. */
function picker(numbers: readonly number[]) {
  let at = 0;
  return (n: number) => (n <= 0 ? 0 : (numbers[at++ % numbers.length] ?? 0) % n);
}

export const networkArb = topologyArb.chain((doc) =>
  fc.array(fc.nat(), { minLength: 64, maxLength: 64 }).map((numbers) => {
    const pick = picker(numbers);
    const accounts = doc.accounts as RandomAccount[];
    const all = accounts.flatMap((a) => a.vpcs);
    accounts.forEach((account) => {
      const azIds: Record<string, string> = {};
      // one name → ID mapping per Region of the account (a shift of the Region's IDs)
      const shifts = new Map<string, number>();
      account.vpcs.forEach((vpc, v) => {
        const n = all.indexOf(vpc);
        vpc.cidr = `10.${n}.0.0/16`;
        const region = AWS_REGIONS.get(vpc.region);
        if (region && pick(2) === 0) {
          const shift = shifts.get(vpc.region) ?? pick(region.azIds.length);
          shifts.set(vpc.region, shift);
          region.azs.forEach((az, i) => {
            const id = region.azIds[(i + shift) % region.azIds.length];
            if (id !== undefined && vpc.azs.includes(az)) azIds[az] = id;
          });
        }
        const tables = Array.from({ length: 1 + pick(2) }, (_, t) => ({
          id: `rt-${t}`,
          routes:
            pick(3) === 0
              ? []
              : [
                  {
                    destination: "0.0.0.0/0",
                    target:
                      vpc.natGateways.length > 0 && pick(3) > 0
                        ? `nat:${vpc.natGateways[pick(vpc.natGateways.length)]?.id}`
                        : "igw",
                  },
                ],
        }));
        vpc.routeTables = tables;
        vpc.subnets = vpc.azs.map((az, i) => ({
          id: `s-${i}`,
          az,
          ...(pick(4) > 0 ? { cidr: `10.${n}.${i}.0/24` } : {}),
          ...(pick(4) > 0 ? { routeTable: tables[pick(tables.length)]?.id } : {}),
        }));
        vpc.securityGroups = [
          {
            id: "sg-0",
            ingress: [
              pick(2) === 0
                ? {
                    protocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrs: [`10.${n}.${pick(4)}.0/24`],
                  }
                : { protocol: pick(2) === 0 ? "-1" : "tcp", securityGroups: ["sg-1"] },
            ],
          },
          { id: "sg-1" },
        ];
        for (const endpoint of vpc.endpoints) {
          if (endpoint.type === "gateway") {
            endpoint.routeTables = tables.filter(() => pick(2) === 0).map((t) => t.id);
          } else if (pick(2) === 0) {
            endpoint.securityGroups = ["sg-0"];
          }
        }
        for (const lb of vpc.loadBalancers) {
          lb.crossZone = pick(2) === 0;
          if (pick(2) === 0) lb.targetAzs = vpc.azs.filter(() => pick(2) === 0);
          if (pick(3) === 0) lb.listenerPorts = [443, 8443];
        }
        const others = all.filter((o) => o !== vpc && o.region === vpc.region);
        vpc.workloads = Array.from({ length: pick(3) }, (_, w) => {
          const subnet = pick(3);
          const own = vpc.endpoints.filter(() => pick(2) === 0).map((e) => e.id);
          const hub = others[pick(others.length)];
          const remote = hub?.endpoints.find((e) => e.type === "interface");
          return {
            id: `w-${v}-${w}`,
            ...(subnet < vpc.azs.length ? { subnet: `s-${subnet}` } : {}),
            ...(pick(2) === 0 ? { securityGroups: ["sg-1"] } : {}),
            uses: [...own, ...(hub && remote && pick(2) === 0 ? [`${hub.id}/${remote.id}`] : [])],
          };
        });
      });
      if (Object.keys(azIds).length > 0) account.azIds = azIds;
    });
    return doc;
  }),
);
