import type { TopologyInput } from "../../src/index.js";

const REGION = "eu-west-2";
const AZ = `${REGION}a`;

/** `count` gateway endpoints e0, e1, … alternating S3 and DynamoDB. */
function gatewayEndpoints(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: "gateway" as const,
    service: i % 2 === 0 ? ("s3" as const) : ("dynamodb" as const),
  }));
}

/** One VPC with `count` gateway endpoints, each drawn with its edge to S3 or DynamoDB. */
export function gatewayVpc(count: number): TopologyInput {
  return {
    name: `${count} gateway endpoints`,
    accounts: [
      {
        id: "a",
        vpcs: [{ id: "v", region: REGION, azs: [AZ], endpoints: gatewayEndpoints(count) }],
      },
    ],
  };
}

/** `vpcs` VPCs (20 to an account) of `perVpc` gateway endpoints each. */
export function gatewayVpcs(vpcs: number, perVpc: number): TopologyInput {
  return {
    name: `${vpcs} VPCs × ${perVpc} gateway endpoints`,
    accounts: Array.from({ length: Math.ceil(vpcs / 20) }, (_, a) => ({
      id: `a${a}`,
      vpcs: Array.from({ length: Math.min(20, vpcs - 20 * a) }, (_, v) => ({
        id: `v${a}-${v}`,
        region: REGION,
        azs: [AZ],
        endpoints: gatewayEndpoints(perVpc),
      })),
    })),
  };
}

/** One VPC with `count` workloads, each using its own interface endpoint. */
export function workloadPairs(count: number): TopologyInput {
  return {
    name: `${count} workloads`,
    accounts: [
      {
        id: "a",
        vpcs: [
          {
            id: "v",
            region: REGION,
            azs: [AZ],
            workloads: Array.from({ length: count }, (_, i) => ({
              id: `w${i}`,
              az: AZ,
              uses: [`e${i}`],
            })),
            endpoints: Array.from({ length: count }, (_, i) => ({
              id: `e${i}`,
              type: "interface" as const,
              service: "sts",
            })),
          },
        ],
      },
    ],
  };
}

/**
 * One account of `count` VPCs app-001, app-002, … of the same shape in one region — three
 * interface endpoints in three AZs, an S3 gateway endpoint, a NAT gateway, a workload
 * using them all — with their own ids, names and CIDRs (what --collapse folds).
 */
export function identicalVpcs(count: number): TopologyInput {
  const azs = ["a", "b", "c"].map((x) => `${REGION}${x}`);
  const name = (i: number) => `app-${String(i + 1).padStart(3, "0")}`;
  return {
    name: `${count} identical VPCs`,
    accounts: [
      {
        id: "apps",
        vpcs: Array.from({ length: count }, (_, i) => ({
          id: name(i),
          region: REGION,
          cidr: `10.${i % 256}.0.0/16`,
          azs,
          endpoints: [
            ...["ecr.api", "logs", "sts"].map((service) => ({
              id: service.replace(".", "-"),
              type: "interface" as const,
              service,
              gbPerMonth: 10,
            })),
            { id: "s3", type: "gateway" as const, service: "s3" as const },
          ],
          natGateways: [{ id: "nat", az: azs[0] as string, gbPerMonth: 5 }],
          workloads: [
            {
              id: "app",
              name: `${name(i)} service`,
              az: azs[0] as string,
              uses: ["ecr-api", "logs", "sts", "s3"],
            },
          ],
        })),
      },
    ],
  };
}
