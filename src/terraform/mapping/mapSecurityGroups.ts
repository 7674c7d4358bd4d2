import type * as z from "zod";
import type { SecurityGroupRuleSchema } from "../../topology/securityGroupSchema.js";
import type { TerraformResource } from "../terraformModel.js";
import {
  blocks,
  displayName,
  type MappingContext,
  type Placed,
  placedOf,
  type SecurityGroupInput,
  vpcOf,
} from "./mappingContext.js";

type RuleInput = z.input<typeof SecurityGroupRuleSchema>;

const PROTOCOLS: Record<string, RuleInput["protocol"]> = {
  tcp: "tcp",
  "6": "tcp",
  udp: "udp",
  "17": "udp",
  icmp: "icmp",
  "1": "icmp",
  "-1": "-1",
  all: "-1",
};

function port(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

/** One rule from a block or a rule resource's values, in the names of either provider form. */
function rule(
  ctx: MappingContext,
  group: Placed<SecurityGroupInput>,
  values: Record<string, unknown>,
  resource: TerraformResource,
): RuleInput | undefined {
  const raw = String(ctx.index.text(values.protocol ?? values.ip_protocol) ?? "-1").toLowerCase();
  const protocol = PROTOCOLS[raw];
  if (protocol === undefined) {
    ctx.skip(`security group rule with protocol "${raw}"`, resource);
    return undefined;
  }
  const out: RuleInput = { protocol };
  const from = port(values.from_port);
  const to = port(values.to_port);
  if (protocol !== "-1" && from !== undefined) out.fromPort = from;
  if (protocol !== "-1" && to !== undefined) out.toPort = to;
  const cidrs = [
    ...ctx.index.list(values.cidr_blocks),
    ...ctx.index.list(values.ipv6_cidr_blocks),
    ...ctx.index.list(values.cidr_ipv4),
    ...ctx.index.list(values.cidr_ipv6),
  ]
    .map((v) => ctx.index.text(v))
    .filter((v): v is string => v !== undefined);
  if (cidrs.length > 0) out.cidrs = cidrs;
  const sources = [
    ...ctx.index.list(values.security_groups),
    ...ctx.index.list(values.source_security_group_id),
    ...ctx.index.list(values.referenced_security_group_id),
  ];
  const groups = placedOf(ctx, ctx.securityGroups, sources)
    .filter((g) => g.vpc === group.vpc)
    .map((g) => g.doc.id);
  if (values.self === true) groups.push(group.doc.id);
  if (groups.length > 0) out.securityGroups = [...new Set(groups)];
  const description = ctx.index.text(values.description);
  if (description) out.description = description;
  return out;
}

function add(group: Placed<SecurityGroupInput>, direction: "ingress" | "egress", r: RuleInput) {
  group.doc[direction] = [...(group.doc[direction] ?? []), r];
}

/**
 * aws_security_group (ingress/egress blocks) + aws_security_group_rule,
 * aws_vpc_security_group_ingress_rule and _egress_rule → security groups of their VPC.
 */
export function mapSecurityGroups(ctx: MappingContext): void {
  const inline: [Placed<SecurityGroupInput>, TerraformResource][] = [];
  for (const resource of ctx.index.ofType("aws_security_group")) {
    const vpc = vpcOf(ctx, resource.values.vpc_id, resource);
    if (!vpc) {
      ctx.skip("security group of a VPC not in this configuration", resource);
      continue;
    }
    const name = ctx.index.text(resource.values.name) ?? displayName(resource, ctx);
    const doc: SecurityGroupInput = {
      id: ctx.id(resource),
      ...(name === undefined ? {} : { name }),
    };
    const group = { vpc, doc };
    vpc.doc.securityGroups.push(doc);
    ctx.securityGroups.set(resource.address, group);
    ctx.origins.set(doc, resource);
    ctx.used.add(resource.address);
    inline.push([group, resource]);
  }
  // rules after every group exists, so rules naming other groups resolve
  for (const [group, resource] of inline) {
    for (const direction of ["ingress", "egress"] as const) {
      for (const block of blocks(resource.values[direction])) {
        const made = rule(ctx, group, block, resource);
        if (made) add(group, direction, made);
      }
    }
  }
  const separate: [string, "ingress" | "egress" | undefined][] = [
    ["aws_security_group_rule", undefined],
    ["aws_vpc_security_group_ingress_rule", "ingress"],
    ["aws_vpc_security_group_egress_rule", "egress"],
  ];
  for (const [type, fixed] of separate) {
    for (const resource of ctx.index.ofType(type)) {
      const [group] = placedOf(ctx, ctx.securityGroups, resource.values.security_group_id);
      if (!group) continue;
      ctx.used.add(resource.address);
      const direction = fixed ?? (resource.values.type === "egress" ? "egress" : "ingress");
      const made = rule(ctx, group, resource.values, resource);
      if (made) add(group, direction, made);
    }
  }
}
