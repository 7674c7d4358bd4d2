import * as z from "zod";
import { strictObject } from "../../document/strictObject.js";
import {
  HostedZoneSchema,
  InterfaceEndpointSchema,
  LoadBalancerSchema,
  NatGatewaySchema,
  TransitGatewayAttachmentSchema,
} from "../../topology/topologySchema.js";

/** The same field, optional: usage gives only what it knows; the topology's default stays. */
function optional<T extends z.ZodType>(field: z.ZodDefault<T>) {
  return field.unwrap().optional();
}

/**
 * The usage of each usage-priced resource type, in the topology's own field names for that
 * element kind, validated by the topology's own schemas (typos → did-you-mean).
 */
export const USAGE_SCHEMAS = {
  aws_vpc_endpoint: strictObject({
    gbPerMonth: optional(InterfaceEndpointSchema.shape.gbPerMonth),
    trafficSources: optional(InterfaceEndpointSchema.shape.trafficSources),
  }),
  aws_nat_gateway: strictObject({
    gbPerMonth: optional(NatGatewaySchema.shape.gbPerMonth),
    destinations: optional(NatGatewaySchema.shape.destinations),
  }),
  aws_lb: strictObject({ traffic: optional(LoadBalancerSchema.shape.traffic) }),
  aws_route53_zone: strictObject({
    queriesPerMonth: optional(HostedZoneSchema.shape.queriesPerMonth),
    aliasQueriesPerMonth: optional(HostedZoneSchema.shape.aliasQueriesPerMonth),
  }),
  aws_ec2_transit_gateway_vpc_attachment: strictObject({
    gbPerMonth: optional(TransitGatewayAttachmentSchema.shape.gbPerMonth),
  }),
};

/** A resource type whose price depends on usage. */
export type UsageType = keyof typeof USAGE_SCHEMAS;

export const USAGE_TYPES = Object.keys(USAGE_SCHEMAS) as UsageType[];

/** The usage of one resource (fields of its kind of element). */
export type UsageEntry = { [K in UsageType]: z.output<(typeof USAGE_SCHEMAS)[K]> }[UsageType];

/** A parsed usage file. */
export interface Usage {
  version: 1;
  /** by resource type, for every instance without its own entry */
  defaults: Partial<Record<UsageType, UsageEntry>>;
  /** by Terraform address; "[*]" matches every instance */
  resources: Record<string, UsageEntry>;
}

export function isUsageType(type: string): type is UsageType {
  return Object.hasOwn(USAGE_SCHEMAS, type);
}

/** The resource type an address names: module.m["k"].aws_lb.api[*] → aws_lb. */
export function addressType(address: string): string | undefined {
  const m =
    /^(?:module\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|\d+|\*)\])?\.)*([A-Za-z0-9_]+)\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|\d+|\*)\])?$/.exec(
      address,
    );
  return m?.[1];
}

/** The schema of a usage file whose resources are these addresses. */
export function usageFileSchema(addresses: readonly string[]) {
  const resources = Object.fromEntries(
    addresses.map((address) => {
      const type = addressType(address);
      const schema =
        type !== undefined && isUsageType(type)
          ? USAGE_SCHEMAS[type]
          : z.custom(() => false, {
              error:
                type === undefined
                  ? "not a Terraform resource address (e.g. aws_vpc_endpoint.s3, module.m.aws_lb.api[*])"
                  : `${type} is not priced by usage; usage applies to ${USAGE_TYPES.join(", ")}`,
            });
      return [address, schema] as const;
    }),
  );
  return strictObject({
    version: z.literal(1, { error: "must be 1" }),
    defaults: strictObject({
      aws_vpc_endpoint: USAGE_SCHEMAS.aws_vpc_endpoint.optional(),
      aws_nat_gateway: USAGE_SCHEMAS.aws_nat_gateway.optional(),
      aws_lb: USAGE_SCHEMAS.aws_lb.optional(),
      aws_route53_zone: USAGE_SCHEMAS.aws_route53_zone.optional(),
      aws_ec2_transit_gateway_vpc_attachment:
        USAGE_SCHEMAS.aws_ec2_transit_gateway_vpc_attachment.optional(),
    }).default({}),
    resources: z.object(resources).default({}),
  });
}
