import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import { type CidrBlock, parseCidr, within } from "./cidrBlock.js";
import type { SecurityGroupRuleDoc, VpcDoc } from "./topologySchema.js";

/** Prefix lengths AWS allows: VPC and subnet IPv4 blocks, VPC and subnet IPv6 blocks. */
const PREFIXES = {
  vpc: { ipv4: [16, 28], ipv6: [44, 60] },
  subnet: { ipv4: [16, 28], ipv6: [44, 64] },
} as const;

function block(
  problems: ProblemList,
  path: Path,
  text: string,
  kind: "vpc" | "subnet" | null,
): CidrBlock | undefined {
  const parsed = parseCidr(text);
  if ("error" in parsed) {
    problems.add(path, parsed.error);
    return undefined;
  }
  if (kind !== null) {
    const [min, max] = PREFIXES[kind][parsed.family];
    if (parsed.prefix < min || parsed.prefix > max) {
      const family = parsed.family === "ipv4" ? "IPv4" : "IPv6";
      problems.add(
        path,
        `a ${kind === "vpc" ? "VPC" : "subnet"} ${family} block is /${min} to /${max}, not /${parsed.prefix}`,
      );
      return undefined;
    }
  }
  return parsed;
}

/**
 * The VPC's CIDR blocks and its subnets' (when given): valid blocks without host bits, of a
 * size AWS allows, each subnet inside one of the VPC's blocks of its family, no two subnets
 * overlapping (sorted by first address: n log n).
 */
export function checkVpcCidrs(problems: ProblemList, path: Path, vpc: VpcDoc): void {
  const blocks: CidrBlock[] = [];
  if (vpc.cidr !== undefined) {
    const primary = block(problems, below(path, "cidr"), vpc.cidr, "vpc");
    if (primary?.family === "ipv6")
      problems.add(
        below(path, "cidr"),
        "the primary VPC block is IPv4; list IPv6 blocks in secondaryCidrs",
      );
    else if (primary) blocks.push(primary);
  }
  vpc.secondaryCidrs?.forEach((text, i) => {
    const found = block(problems, below(path, "secondaryCidrs", i), text, "vpc");
    if (found) blocks.push(found);
  });
  const subnets: { block: CidrBlock; id: string; path: Path }[] = [];
  vpc.subnets?.forEach((subnet, i) => {
    if (subnet.cidr === undefined) return;
    const at = below(path, "subnets", i, "cidr");
    const found = block(problems, at, subnet.cidr, "subnet");
    if (!found) return;
    const family = blocks.filter((b) => b.family === found.family);
    if (family.length > 0 && !family.some((b) => within(found, b))) {
      problems.add(
        at,
        `${found.text} is outside the VPC's ${family.map((b) => b.text).join(", ")}`,
      );
    } else if (family.length === 0 && found.family === "ipv6" && blocks.length > 0) {
      problems.add(
        at,
        `${found.text} is IPv6, but VPC "${vpc.id}" has no IPv6 block (secondaryCidrs)`,
      );
    }
    subnets.push({ block: found, id: subnet.id, path: at });
  });
  subnets.sort((a, b) =>
    a.block.family !== b.block.family
      ? a.block.family < b.block.family
        ? -1
        : 1
      : a.block.start < b.block.start
        ? -1
        : a.block.start > b.block.start
          ? 1
          : 0,
  );
  let reach: (typeof subnets)[number] | undefined;
  for (const subnet of subnets) {
    if (
      reach &&
      reach.block.family === subnet.block.family &&
      subnet.block.start <= reach.block.end
    ) {
      problems.add(
        subnet.path,
        `subnet "${subnet.id}" (${subnet.block.text}) overlaps subnet "${reach.id}" (${reach.block.text})`,
      );
    }
    if (!reach || reach.block.family !== subnet.block.family || subnet.block.end > reach.block.end)
      reach = subnet;
  }
}

/** A security group rule: valid CIDRs (IPv4 or IPv6), fromPort ≤ toPort. */
export function checkRule(problems: ProblemList, path: Path, rule: SecurityGroupRuleDoc): void {
  rule.cidrs?.forEach((text, i) => {
    block(problems, below(path, "cidrs", i), text, null);
  });
  if (rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort > rule.toPort) {
    problems.add(below(path, "toPort"), `toPort ${rule.toPort} is below fromPort ${rule.fromPort}`);
  }
}
