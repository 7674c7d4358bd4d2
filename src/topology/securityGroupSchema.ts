import * as z from "zod";
import { strictObject } from "../document/strictObject.js";
import { IdSchema } from "./idSchema.js";
import { SourceSchema } from "./sourceSchema.js";

const RefSchema = z.string().min(1);

export const SecurityGroupRuleSchema = strictObject({
  protocol: z
    .enum(["tcp", "udp", "icmp", "all", "-1"])
    .default("tcp")
    .describe('"all" and "-1" (as AWS writes it) mean every protocol'),
  fromPort: z.number().int().min(0).max(65535).optional(),
  toPort: z.number().int().min(0).max(65535).optional(),
  cidrs: z.array(z.string()).optional(),
  securityGroups: z.array(RefSchema).optional(),
  description: z.string().optional(),
});

export const SecurityGroupSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  ingress: z.array(SecurityGroupRuleSchema).default([]),
  egress: z.array(SecurityGroupRuleSchema).default([]),
});
