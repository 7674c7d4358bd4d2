import type { TopologyInput } from "../src/index.js";

/** The regions of the bundled catalog; AZ names are the region plus a letter. */
export const BENCH_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-west-2",
  "eu-central-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ap-northeast-2",
] as const;

/** AWS services reachable through interface endpoints (service name as in the schema). */
const INTERFACE_SERVICES = [
  "ecr.api",
  "ecr.dkr",
  "logs",
  "monitoring",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "secretsmanager",
  "kms",
  "sts",
  "elasticloadbalancing",
  "autoscaling",
  "eks",
  "sqs",
  "sns",
  "ec2",
  "execute-api",
  "lambda",
  "events",
  "states",
  "kinesis-streams",
  "ecs",
  "ecs-agent",
  "ecs-telemetry",
  "elasticfilesystem",
  "xray",
  "athena",
  "glue",
  "codebuild",
  "sagemaker.api",
] as const;

const AZ_LETTERS = "abcdef";

export interface OrganisationShape {
  /** number of VPCs in the organisation */
  vpcs: number;
  /** interface endpoints (to AWS services) per VPC */
  endpointsPerVpc: number;
  /** AZs per VPC (every interface endpoint has an ENI in each) */
  azs: number;
  /** VPCs per account (default 20) */
  vpcsPerAccount?: number;
  /** seed of the pseudo-random choices (default 1) */
  seed?: number;
  /**
   * Give each VPC one workload "app" in its first AZ that `uses` its first `workloadUses`
   * interface endpoints (default 0: no workloads).
   */
  workloadUses?: number;
  /**
   * Every `providerEvery`-th VPC (the 1st, the (N+1)th, …) is a provider: it gets an NLB
   * "nlb" fronting "shared api K" and an endpoint service "svc-<vpc number>" behind it,
   * reachable from every bench region. In every other VPC v (0-based) the first interface
   * endpoint is replaced by "shared-api", an endpoint to provider K = (v - 1) mod (provider
   * count), so consumers spread over the providers across accounts and regions (same
   * endpoint count). Default 0: no providers.
   */
  providerEvery?: number;
}

/** A tiny deterministic pseudo-random generator (32-bit LCG, Numerical Recipes constants). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

function integerBetween(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** The first `count` services of a seeded Fisher–Yates shuffle (repeats past the list). */
function pickServices(random: () => number, count: number): string[] {
  const pool: string[] = [...INTERFACE_SERVICES];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = pool[i];
    const b = pool[j];
    if (a !== undefined && b !== undefined) {
      pool[i] = b;
      pool[j] = a;
    }
  }
  return Array.from({ length: count }, (_, i) => pool[i % pool.length] ?? "logs");
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * A synthetic organisation as a topology document (the authoring shape, before defaults):
 * accounts of `vpcsPerAccount` VPCs spread round-robin over the bundled catalog's regions;
 * each VPC has `endpointsPerVpc` interface endpoints on AWS services with traffic
 * (gbPerMonth > 0) in all its AZs, one S3 gateway endpoint and one public NAT gateway.
 * Optionally (`workloadUses`, `providerEvery`) workloads and provider endpoint services
 * behind NLBs consumed across accounts and regions; without them the output is unchanged.
 * Deterministic for a given shape and seed.
 */
export function generateOrganisation(shape: OrganisationShape): TopologyInput {
  const { vpcs, endpointsPerVpc, azs } = shape;
  const vpcsPerAccount = shape.vpcsPerAccount ?? 20;
  if (!(Number.isInteger(vpcs) && vpcs >= 1)) throw new RangeError("vpcs must be ≥ 1");
  if (!(Number.isInteger(endpointsPerVpc) && endpointsPerVpc >= 0)) {
    throw new RangeError("endpointsPerVpc must be ≥ 0");
  }
  if (!(Number.isInteger(azs) && azs >= 1 && azs <= AZ_LETTERS.length)) {
    throw new RangeError(`azs must be between 1 and ${AZ_LETTERS.length}`);
  }
  if (!(Number.isInteger(vpcsPerAccount) && vpcsPerAccount >= 1)) {
    throw new RangeError("vpcsPerAccount must be ≥ 1");
  }
  const workloadUses = shape.workloadUses ?? 0;
  const providerEvery = shape.providerEvery ?? 0;
  if (!(Number.isInteger(workloadUses) && workloadUses >= 0)) {
    throw new RangeError("workloadUses must be ≥ 0");
  }
  if (!(Number.isInteger(providerEvery) && providerEvery >= 0)) {
    throw new RangeError("providerEvery must be ≥ 0");
  }
  const random = lcg(shape.seed ?? 1);
  const providerCount = providerEvery > 0 ? Math.ceil(vpcs / providerEvery) : 0;
  const accountCount = Math.ceil(vpcs / vpcsPerAccount);
  const width = Math.max(4, String(vpcs).length);
  const accounts: TopologyInput["accounts"] = [];
  for (let a = 0; a < accountCount; a++) {
    const accountVpcs: NonNullable<TopologyInput["accounts"][number]["vpcs"]> = [];
    const endpointServices: NonNullable<TopologyInput["accounts"][number]["endpointServices"]> = [];
    const first = a * vpcsPerAccount;
    const last = Math.min(vpcs, first + vpcsPerAccount);
    for (let v = first; v < last; v++) {
      const region = BENCH_REGIONS[v % BENCH_REGIONS.length] ?? "us-east-1";
      const vpcAzs = Array.from({ length: azs }, (_, i) => `${region}${AZ_LETTERS[i]}`);
      const seen = new Map<string, number>();
      const endpoints: NonNullable<(typeof accountVpcs)[number]["endpoints"]> = pickServices(
        random,
        endpointsPerVpc,
      ).map((service) => {
        const base = service.replace(/\./g, "-");
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return {
          id: n === 1 ? base : `${base}-${n}`,
          type: "interface" as const,
          service,
          privateDns: true,
          // whole GB plus hundredths, written exactly (5 + 94 / 100 would be 5.9399999999999995)
          gbPerMonth: Number(
            `${integerBetween(random, 1, 5_000)}.${String(integerBetween(random, 0, 99)).padStart(2, "0")}`,
          ),
        };
      });
      const vpcId = `vpc-${pad(v + 1, width)}`;
      const provider = providerEvery > 0 && v % providerEvery === 0;
      if (providerEvery > 0 && !provider && endpoints.length > 0) {
        const k = (v - 1) % providerCount;
        endpoints[0] = {
          id: "shared-api",
          name: `shared api ${k + 1}`,
          type: "interface",
          endpointService: `svc-${pad(k * providerEvery + 1, width)}`,
          gbPerMonth: 100 + v,
        };
      }
      const workloads =
        workloadUses > 0
          ? [
              {
                id: "app",
                name: `app ${v + 1}`,
                az: vpcAzs[0] ?? `${region}a`,
                uses: endpoints.slice(0, workloadUses).map((e) => e.id),
              },
            ]
          : [];
      const loadBalancers = provider
        ? [
            {
              id: "nlb",
              type: "network" as const,
              targets: `shared api ${v / providerEvery + 1}`,
              traffic: { gbPerMonth: 1_000 },
            },
          ]
        : [];
      if (provider) {
        endpointServices.push({
          id: `svc-${pad(v + 1, width)}`,
          name: `shared api ${v / providerEvery + 1}`,
          vpc: vpcId,
          loadBalancer: "nlb",
          supportedRegions: BENCH_REGIONS.filter((r) => r !== region),
        });
      }
      endpoints.push({
        id: "s3",
        type: "gateway",
        service: "s3",
        gbPerMonth: integerBetween(random, 0, 20_000),
      });
      accountVpcs.push({
        id: vpcId,
        name: `workload ${v + 1}`,
        region,
        azs: vpcAzs,
        endpoints,
        natGateways: [
          {
            id: "nat-a",
            az: vpcAzs[0] ?? `${region}a`,
            gbPerMonth: integerBetween(random, 1, 10_000),
          },
        ],
        ...(workloads.length > 0 ? { workloads } : {}),
        ...(loadBalancers.length > 0 ? { loadBalancers } : {}),
      });
    }
    accounts.push({
      id: `account-${pad(a + 1, 4)}`,
      name: `Account ${a + 1}`,
      awsAccountId: pad(100_000_000_000 + a, 12),
      vpcs: accountVpcs,
      ...(endpointServices.length > 0 ? { endpointServices } : {}),
    });
  }
  return {
    name: `bench-${vpcs}x${endpointsPerVpc}x${azs}`,
    description: `Synthetic organisation: ${vpcs} VPCs × ${endpointsPerVpc} interface endpoints × ${azs} AZs`,
    accounts,
  };
}
