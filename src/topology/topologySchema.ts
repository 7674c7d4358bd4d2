import * as z from "zod";
import { HOURS_PER_MONTH, hoursPerMonthSchema } from "../core/hoursPerMonth.js";
import { strictObject } from "../document/strictObject.js";
import { DnsRecordSchema, HostedZoneSchema } from "./hostedZoneSchema.js";
import { IdSchema } from "./idSchema.js";
import { PolicySchema } from "./policySchema.js";
import { RouteSchema, RouteTableSchema } from "./routeTableSchema.js";
import { SecurityGroupRuleSchema, SecurityGroupSchema } from "./securityGroupSchema.js";
import { SourceSchema } from "./sourceSchema.js";
import { AzSchema, GbPerMonth, Quantity, RefSchema, RegionSchema } from "./valueSchemas.js";

export { AzSchema, DnsRecordSchema, HostedZoneSchema, IdSchema, RegionSchema };

/** Where traffic through an endpoint comes from, when not from the endpoint's own AZs. */
export const TrafficSourceSchema = strictObject({
  az: AzSchema.optional().describe("AZ of the VPC the traffic originates in"),
  region: RegionSchema.optional().describe("Another region the traffic comes from"),
  gbPerMonth: GbPerMonth,
}).describe(
  "Part of the endpoint's traffic that originates elsewhere. Traffic from an AZ with no ENI of the endpoint pays inter-AZ transfer; traffic from another region pays inter-region transfer. The rest of gbPerMonth originates in the endpoint's own AZs.",
);

export const SubnetSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  az: AzSchema,
  tier: z.enum(["private", "public"]).default("private"),
  cidr: z
    .string()
    .optional()
    .describe("IPv4 /16 to /28 or IPv6 /44 to /64, inside a block of the VPC"),
  routeTable: RefSchema.optional().describe("id of a route table of this VPC"),
});

export {
  PolicySchema,
  RouteSchema,
  RouteTableSchema,
  SecurityGroupRuleSchema,
  SecurityGroupSchema,
};

const placement = {
  azs: z.array(AzSchema).optional().describe("AZs with an ENI; default all AZs of the VPC"),
  subnets: z
    .array(RefSchema)
    .optional()
    .describe("Subnets with an ENI (at most one per AZ); alternative to azs"),
};

const endpointCommon = {
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional().describe("Display name"),
  gbPerMonth: GbPerMonth.default(0),
  trafficSources: z.array(TrafficSourceSchema).default([]),
};

export const InterfaceEndpointSchema = strictObject({
  ...endpointCommon,
  type: z.literal("interface"),
  service: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/)
    .optional()
    .describe("AWS service, e.g. ecr.api"),
  endpointService: RefSchema.optional().describe("id of an endpoint service in this model"),
  serviceName: z
    .string()
    .regex(/^com\.amazonaws\.(?:vpce\.)?[a-z0-9-]+\.[a-zA-Z0-9.-]+$/, {
      error: "must look like com.amazonaws.vpce.<region>.vpce-svc-<id>",
    })
    .optional()
    .describe("External / SaaS endpoint service name"),
  ...placement,
  securityGroups: z.array(RefSchema).default([]),
  privateDns: z.boolean().default(false),
  policy: PolicySchema.optional(),
});

export const GatewayEndpointSchema = strictObject({
  ...endpointCommon,
  type: z.literal("gateway"),
  service: z.string().describe("s3 or dynamodb"),
  routeTables: z.array(RefSchema).default([]),
  policy: PolicySchema.optional(),
});

export const GwlbEndpointSchema = strictObject({
  ...endpointCommon,
  type: z.literal("gwlb"),
  endpointService: RefSchema.optional().describe("id of a GWLB endpoint service in this model"),
  serviceName: z.string().optional().describe("External GWLB endpoint service name"),
  ...placement,
});

export const EndpointSchema = z.discriminatedUnion("type", [
  InterfaceEndpointSchema,
  GatewayEndpointSchema,
  GwlbEndpointSchema,
]);

/** Part of a NAT gateway's traffic bound for one AWS service (an endpoint could carry it). */
export const NatDestinationSchema = strictObject({
  service: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/)
    .describe("AWS service the traffic goes to, e.g. s3, dynamodb, ecr.dkr"),
  gbPerMonth: GbPerMonth,
});

export const NatGatewaySchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  az: AzSchema,
  subnet: RefSchema.optional(),
  connectivity: z
    .enum(["public", "private"])
    .default("public")
    .describe("public NAT gateways also pay for their public IPv4 address"),
  gbPerMonth: GbPerMonth.default(0),
  destinations: z
    .array(NatDestinationSchema)
    .default([])
    .describe(
      "Parts of gbPerMonth bound for AWS services (the rest goes to the internet); what natToEndpoints moves",
    ),
});

export const LoadBalancerTrafficSchema = strictObject({
  gbPerMonth: GbPerMonth.default(0),
  newConnectionsPerSecond: Quantity.default(0),
  activeConnections: Quantity.default(0),
  protocol: z.enum(["tcp", "udp", "tls"]).default("tcp"),
});

export const LoadBalancerSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  type: z.enum(["network", "gateway"]).default("network"),
  azs: z.array(AzSchema).optional().describe("AZs the load balancer has subnets in; default all"),
  crossZone: z.boolean().default(false),
  traffic: LoadBalancerTrafficSchema.default({
    gbPerMonth: 0,
    newConnectionsPerSecond: 0,
    activeConnections: 0,
    protocol: "tcp",
  }),
  targets: z.string().optional().describe("What the load balancer fronts, e.g. 'api service'"),
  targetAzs: z
    .array(AzSchema)
    .optional()
    .describe("AZs with registered targets; default every AZ of the load balancer"),
  listenerPorts: z
    .array(z.number().int().min(1).max(65535))
    .min(1)
    .default([443])
    .describe("TCP ports of its listeners: what consumers' endpoints must let in"),
});

export const WorkloadSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  az: AzSchema.optional(),
  subnet: RefSchema.optional(),
  securityGroups: z
    .array(RefSchema)
    .default([])
    .describe("security groups of this VPC the workload is in; none means the VPC's default group"),
  uses: z
    .array(RefSchema)
    .default([])
    .describe(
      'endpoints the workload calls: ids in its VPC, or "vpc/endpoint" for one in another VPC (a shared hub)',
    ),
});

export const VpcSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  region: RegionSchema,
  cidr: z.string().optional().describe("primary IPv4 block, /16 to /28 (e.g. 10.0.0.0/16)"),
  secondaryCidrs: z
    .array(z.string())
    .optional()
    .describe("further IPv4 blocks (/16 to /28) and IPv6 blocks (/44 to /60) of the VPC"),
  azs: z.array(AzSchema).min(1),
  enableDnsSupport: z
    .boolean()
    .optional()
    .describe("the VPC's DNS resolution attribute (AWS default: true)"),
  enableDnsHostnames: z
    .boolean()
    .optional()
    .describe("the VPC's DNS hostnames attribute (AWS default for a non-default VPC: false)"),
  subnets: z.array(SubnetSchema).optional().describe("default: one private subnet per AZ"),
  routeTables: z.array(RouteTableSchema).default([]),
  securityGroups: z.array(SecurityGroupSchema).default([]),
  endpoints: z.array(EndpointSchema).default([]),
  natGateways: z.array(NatGatewaySchema).default([]),
  loadBalancers: z.array(LoadBalancerSchema).default([]),
  workloads: z.array(WorkloadSchema).default([]),
});

export const EndpointServiceSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  vpc: RefSchema.describe("id of a VPC of this account"),
  loadBalancer: RefSchema.describe("id of a load balancer in that VPC"),
  acceptanceRequired: z.boolean().default(true),
  allowedPrincipals: z.array(z.string()).default([]),
  privateDnsName: z.string().optional(),
  supportedRegions: z.array(RegionSchema).default([]),
});

export const TransitGatewayAttachmentSchema = strictObject({
  vpc: RefSchema.describe("id of an attached VPC (any account; same region as the gateway)"),
  gbPerMonth: GbPerMonth.default(0).describe(
    "Data sent from this attachment to the transit gateway, GB per month",
  ),
  subnets: z
    .array(RefSchema)
    .optional()
    .describe(
      "subnets of the VPC the attachment has an interface in (one per AZ); default one in every AZ",
    ),
});

export const TransitGatewaySchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  region: RegionSchema,
  attachments: z.array(TransitGatewayAttachmentSchema).default([]),
}).describe(
  "A transit gateway; each VPC attachment is billed per hour and per GB it sends, to the attached VPC's account",
);

export const AccountSchema = strictObject({
  id: IdSchema,
  name: z.string().optional(),
  awsAccountId: z
    .string()
    .regex(/^\d{12}$/, { error: "must be a 12-digit AWS account id" })
    .optional(),
  azIds: z
    .record(
      AzSchema,
      z.string().regex(/^[a-z]+\d+(?:-[a-z]+\d+)?-az\d+$/, {
        error: "must be an AZ ID such as use1-az6",
      }),
    )
    .optional()
    .describe(
      "This account's AZ names mapped to AZ IDs ({ us-east-1a: use1-az6 }): names map to different physical zones in each account, IDs do not",
    ),
  vpcs: z.array(VpcSchema).default([]),
  endpointServices: z.array(EndpointServiceSchema).default([]),
  hostedZones: z.array(HostedZoneSchema).default([]),
  transitGateways: z.array(TransitGatewaySchema).default([]),
});

export const TopologySchema = strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  hoursPerMonth: hoursPerMonthSchema().default(HOURS_PER_MONTH),
  accounts: z.array(AccountSchema).min(1),
}).describe("A linkplan topology: accounts, VPCs, endpoints, endpoint services, zones");

/** Topology as authored (before defaults). */
export type TopologyInput = z.input<typeof TopologySchema>;
/** Topology after schema parsing (defaults filled, references not yet resolved). */
export type TopologyDoc = z.output<typeof TopologySchema>;
export type AccountDoc = z.output<typeof AccountSchema>;
export type VpcDoc = z.output<typeof VpcSchema>;
export type EndpointDoc = z.output<typeof EndpointSchema>;
export type InterfaceEndpointDoc = z.output<typeof InterfaceEndpointSchema>;
export type GatewayEndpointDoc = z.output<typeof GatewayEndpointSchema>;
export type GwlbEndpointDoc = z.output<typeof GwlbEndpointSchema>;
export type LoadBalancerDoc = z.output<typeof LoadBalancerSchema>;
export type NatGatewayDoc = z.output<typeof NatGatewaySchema>;
export type SecurityGroupRuleDoc = z.output<typeof SecurityGroupRuleSchema>;
export type EndpointServiceDoc = z.output<typeof EndpointServiceSchema>;
export type HostedZoneDoc = z.output<typeof HostedZoneSchema>;
export type SubnetDoc = z.output<typeof SubnetSchema>;
export type RouteTableDoc = z.output<typeof RouteTableSchema>;
export type WorkloadDoc = z.output<typeof WorkloadSchema>;
export type TrafficSourceDoc = z.output<typeof TrafficSourceSchema>;
export type TransitGatewayDoc = z.output<typeof TransitGatewaySchema>;
