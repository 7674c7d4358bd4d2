import fc from "fast-check";
import { bundledCatalog } from "../../src/pricing/bundledCatalog.js";

/**
 * Random valid topologies for property tests (estimate, compare): 1–3 accounts of 1–3
 * VPCs in the bundled catalog's regions, with interface and gateway endpoints, traffic
 * sources, NAT gateways, load balancers and hosted zones; traffic figures include tiny,
 * huge and binary-inexact decimals (0.1), all exact quantities (at most 6 decimals, see
 * exactQuantity).
 */

const REGIONS = Object.keys(bundledCatalog().regions);

/** Micro-units (multiples of `step`) up to `max`, as a number with at most 6 decimals. */
const micro = (max: bigint, step = 1n) =>
  fc.bigInt({ min: 0n, max: max / step }).map((n) => Number(n * step) / 1e6);

// traffic sources carry 1/8 to all of an endpoint's GB (see below): GB figures are
// multiples of 8 micro-GB, so that each share has at most 6 decimals too
const gbArb = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.000008, 1, 999.999992, 1_048_576),
  fc.integer({ min: 0, max: 3_000_000 }),
  micro(2_000_000_000_000n, 8n),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
);

const countArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5000 }),
  micro(1_000_000_000_000n),
);

const SERVICES = ["sts", "ecr.api", "ecr.dkr", "logs", "ssm", "kms", "s3", "sqs"];

function vpcArb(id: string) {
  return fc
    .record({
      region: fc.constantFrom(...REGIONS),
      azCount: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ region, azCount }) => {
      const azs = ["a", "b", "c"].slice(0, azCount).map((z) => `${region}${z}`);
      const other = REGIONS.filter((r) => r !== region);
      const source = fc.oneof(
        fc.record({ az: fc.constantFrom(...azs) }),
        fc.record({ region: fc.constantFrom(...other) }),
      );
      const interfaceEndpoint = fc
        .record({
          service: fc.constantFrom(...SERVICES),
          azs: fc.option(fc.subarray(azs, { minLength: 1 }), { nil: undefined }),
          gbPerMonth: gbArb,
          // distinct origins (two sources from one AZ or region collide: see the id test)
          sources: fc.uniqueArray(fc.tuple(source, fc.constantFrom(1, 0.5, 0.25)), {
            maxLength: 2,
            selector: ([where]) => JSON.stringify(where),
          }),
        })
        .map(({ service, azs: placed, gbPerMonth, sources }) => ({
          type: "interface",
          service,
          ...(placed ? { azs: placed } : {}),
          gbPerMonth,
          // each source carries a power-of-two share of the endpoint's GB (exact in binary
          // floating point), so the sources never add up to more than gbPerMonth
          trafficSources: sources.map(([where, share]) => ({
            ...where,
            gbPerMonth: (gbPerMonth * share) / sources.length,
          })),
        }));
      const gatewayEndpoint = fc.record({
        type: fc.constant("gateway"),
        service: fc.constantFrom("s3", "dynamodb"),
        gbPerMonth: gbArb,
      });
      const nat = fc.record({
        az: fc.constantFrom(...azs),
        connectivity: fc.constantFrom("public", "private"),
        gbPerMonth: gbArb,
      });
      const lb = fc.record({
        type: fc.constantFrom("network", "network", "gateway"),
        traffic: fc.record({
          gbPerMonth: gbArb,
          newConnectionsPerSecond: countArb,
          activeConnections: countArb,
          protocol: fc.constantFrom("tcp", "udp", "tls"),
        }),
      });
      return fc
        .record({
          interfaces: fc.array(interfaceEndpoint, { maxLength: 6 }),
          gateways: fc.array(gatewayEndpoint, { maxLength: 2 }),
          nats: fc.array(nat, { maxLength: 3 }),
          lbs: fc.array(lb, { maxLength: 2 }),
        })
        .map(({ interfaces, gateways, nats, lbs }) => ({
          id,
          region,
          azs,
          endpoints: [
            ...interfaces.map((e, i) => ({ id: `if-${i}`, ...e })),
            ...gateways.map((e, i) => ({ id: `gw-${i}`, ...e })),
          ],
          natGateways: nats.map((n, i) => ({ id: `nat-${i}`, ...n })),
          loadBalancers: lbs.map((l, i) => ({ id: `lb-${i}`, ...l })),
        }));
    });
}

export const topologyArb = fc
  .record({
    hoursPerMonth: fc.constantFrom(730, 720, 744, 672.5, 1),
    accounts: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ hoursPerMonth, accounts }) =>
    fc
      .tuple(
        ...Array.from({ length: accounts }, (_, a) =>
          fc
            .record({
              vpcCount: fc.integer({ min: 1, max: 3 }),
              zones: fc.array(
                fc.record({ queriesPerMonth: countArb, aliasQueriesPerMonth: countArb }),
                { maxLength: 3 },
              ),
            })
            .chain(({ vpcCount, zones }) =>
              fc
                .tuple(...Array.from({ length: vpcCount }, (_, v) => vpcArb(`vpc-${a}-${v}`)))
                .map((vpcs) => ({
                  id: `account-${a}`,
                  vpcs,
                  hostedZones: zones.map((z, i) => ({
                    id: `zone-${a}-${i}`,
                    name: `z${i}.a${a}.internal`,
                    vpcs: [vpcs[0]?.id ?? ""],
                    ...z,
                  })),
                })),
            ),
        ),
      )
      .map((list) => ({ name: "random", hoursPerMonth, accounts: list })),
  );
