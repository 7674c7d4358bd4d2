import type { Vpc } from "../../topology/topology.js";
import { type CheckRule, findingOf } from "../checkRule.js";

/** The AZs of the VPC where workloads run (workload.az, else its subnet's), in the VPC's order. */
function workloadAzsOf(vpc: Vpc): Map<string, string[]> {
  const byAz = new Map<string, string[]>(vpc.azs.map((az) => [az, []]));
  for (const workload of vpc.workloads) {
    const az = workload.az ?? vpc.subnets.find((s) => s.id === workload.subnet)?.az;
    if (az !== undefined) byAz.get(az)?.push(workload.id);
  }
  return new Map([...byAz].filter(([, workloads]) => workloads.length > 0));
}

/**
 * A transit gateway attachment whose subnets leave out AZs where the VPC runs workloads:
 * resources in an AZ without an attachment subnet cannot reach the transit gateway.
 */
export const tgwAttachmentAzGap: CheckRule = {
  id: "tgw-attachment-az-gap",
  severity: "warning",
  summary:
    "a transit gateway attachment whose subnets leave out AZs of the VPC where workloads run",
  docs: "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
  check({ topology, lookup }) {
    const findings = [];
    for (const [a, account] of topology.accounts.entries()) {
      for (const [g, gateway] of account.transitGateways.entries()) {
        for (const [i, attachment] of gateway.attachments.entries()) {
          const vpc = lookup.vpcs.get(attachment.vpc);
          // without subnets the attachment has one in every AZ of the VPC
          if (!vpc || attachment.subnets === undefined) continue;
          const covered = new Set(
            attachment.subnets.flatMap((id) => vpc.subnets.find((s) => s.id === id)?.az ?? []),
          );
          const gaps = [...workloadAzsOf(vpc)].filter(([az]) => !covered.has(az));
          if (gaps.length === 0) continue;
          const azs = gaps.map(([az]) => az);
          const ids = gaps.flatMap(([, workloads]) => workloads);
          const workloads = `${ids.length === 1 ? "workload" : "workloads"} ${ids.map((id) => `"${id}"`).join(", ")} ${ids.length === 1 ? "runs" : "run"}`;
          const has =
            covered.size === 0
              ? "no AZ"
              : `${vpc.azs.filter((az) => covered.has(az)).join(", ")} only`;
          // a subnet to add per AZ: the AZ's first private subnet, else its first
          const suggest = azs.map((az) => {
            const inAz = vpc.subnets.filter((s) => s.az === az);
            const subnet = inAz.find((s) => s.tier === "private") ?? inAz[0];
            return subnet ? `subnet "${subnet.id}" (${az})` : `a subnet in ${az}`;
          });
          findings.push(
            findingOf(this, {
              message: `the attachment of VPC "${vpc.id}" to transit gateway "${gateway.id}" has subnets in ${has}, but ${workloads} in ${azs.join(", ")}: resources there cannot reach the transit gateway`,
              fix: `add ${suggest.join(" and ")} to the attachment's subnets (one per AZ; the attachment is billed per hour whatever its AZs)`,
              path: `accounts[${a}].transitGateways[${g}].attachments[${i}].subnets`,
              resource: `${vpc.account}/${vpc.id}/${gateway.id}`,
            }),
          );
        }
      }
    }
    return findings;
  },
};
