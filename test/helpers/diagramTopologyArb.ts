import fc from "fast-check";
import type { TopologyInput } from "../../src/topology/topologySchema.js";

const REGIONS = ["us-east-1", "eu-west-2", "ap-southeast-2"];
const SERVICES = ["ecr.api", "ecr.dkr", "logs", "sts", "kms", "ssm"];
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,24}$/);

/** Random topologies: accounts with VPCs, endpoints (some to endpoint services), workloads, NAT, zones. */
export const topologyArb: fc.Arbitrary<TopologyInput> = fc
  .record({
    accounts: fc.array(
      fc.record({
        name: word,
        vpcs: fc.array(
          fc.record({
            name: word,
            region: fc.constantFrom(...REGIONS),
            azCount: fc.integer({ min: 1, max: 3 }),
            endpoints: fc.array(
              fc.record({
                service: fc.constantFrom(...SERVICES),
                name: word,
                azCount: fc.integer({ min: 1, max: 3 }),
                toService: fc.boolean(),
              }),
              { maxLength: 5 },
            ),
            workload: fc.option(word, { nil: undefined }),
            nat: fc.boolean(),
            gateway: fc.boolean(),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        provider: fc.boolean(),
        zone: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ accounts }) => {
    const providers = accounts.flatMap((a, i) => (a.provider ? [i] : []));
    return {
      name: "random",
      accounts: accounts.map((account, a) => ({
        id: `a${a}`,
        name: account.name,
        vpcs: account.vpcs.map((vpc, v) => {
          const azs = ["a", "b", "c"].slice(0, vpc.azCount).map((s) => `${vpc.region}${s}`);
          const endpoints = vpc.endpoints.map((e, i) => {
            const provider = providers.find((p) => accounts[p]?.vpcs[0]?.region === vpc.region);
            const target =
              e.toService && provider !== undefined
                ? { endpointService: `svc-${provider}` }
                : { service: e.service };
            return {
              id: `e${i}`,
              type: "interface" as const,
              name: e.name,
              azs: azs.slice(0, e.azCount),
              ...target,
            };
          });
          return {
            id: `v${a}-${v}`,
            name: vpc.name,
            region: vpc.region,
            azs,
            endpoints: [
              ...endpoints,
              ...(vpc.gateway ? [{ id: "s3", type: "gateway" as const, service: "s3" }] : []),
            ],
            workloads: vpc.workload
              ? [{ id: "app", name: vpc.workload, az: azs[0], uses: endpoints.map((e) => e.id) }]
              : [],
            natGateways: vpc.nat ? [{ id: "nat", az: azs[0] ?? "" }] : [],
            loadBalancers: account.provider && v === 0 ? [{ id: "nlb", targets: "service" }] : [],
          };
        }),
        endpointServices: account.provider
          ? [{ id: `svc-${a}`, vpc: `v${a}-0`, loadBalancer: "nlb" }]
          : [],
        hostedZones: account.zone
          ? [{ id: `z${a}`, name: `z${a}.internal`, vpcs: [`v${a}-0`] }]
          : [],
      })),
    };
  });
