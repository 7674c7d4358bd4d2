import * as z from "zod";
import { REGION_CODE } from "../core/regionCode.js";

/** A USD amount as a decimal string with at most 12 decimals ("0.0035"). */
export const UsdSchema = z
  .string()
  .regex(/^\d+(?:\.\d{1,12})?$/, { error: 'must be a decimal string such as "0.01"' });

const provenance = {
  unit: z.string().min(1).describe("What one unit is, e.g. 'ENI-hour', 'GB', 'zone-month'"),
  source: z
    .string()
    .min(1)
    .describe("Where the figure comes from (pricing page URL or Price List record)"),
  unverified: z
    .boolean()
    .optional()
    .describe("true when the figure has a single or unchecked source"),
  sku: z.string().optional(),
  usagetype: z.string().optional(),
  effectiveDate: z.string().optional(),
};

export const PriceTierSchema = z.strictObject({
  upTo: z
    .number()
    .positive()
    .nullable()
    .describe("Upper bound of the tier in units (cumulative); null for the last tier"),
  usd: UsdSchema,
});

/** A flat price (`usd`) or a tiered one (`tiers`, ascending, the last open-ended). */
export const PriceEntrySchema = z
  .strictObject({
    ...provenance,
    usd: UsdSchema.optional(),
    tiers: z.array(PriceTierSchema).min(1).optional(),
    byDestination: z
      .record(z.string(), UsdSchema)
      .optional()
      .describe("Per destination region overrides (inter-region transfer)"),
  })
  .superRefine((entry, ctx) => {
    if ((entry.usd === undefined) === (entry.tiers === undefined)) {
      ctx.addIssue({ code: "custom", message: "give exactly one of usd or tiers" });
    }
    const tiers = entry.tiers ?? [];
    tiers.forEach((tier, i) => {
      const last = i === tiers.length - 1;
      if (last !== (tier.upTo === null)) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "upTo"],
          message: last
            ? "the last tier must be open-ended (null)"
            : "only the last tier may be null",
        });
      }
      const previous = tiers[i - 1]?.upTo;
      if (i > 0 && tier.upTo !== null && previous != null && tier.upTo <= previous) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "tiers must ascend" });
      }
    });
  });

/** The priced items of one region. Every item is optional: a missing one is an error when used. */
export const REGIONAL_ITEMS = [
  "interfaceEndpointHour",
  "interfaceEndpointGb",
  "gwlbEndpointHour",
  "gwlbEndpointGb",
  "networkLoadBalancerHour",
  "networkLoadBalancerLcuHour",
  "gatewayLoadBalancerHour",
  "gatewayLoadBalancerLcuHour",
  "natGatewayHour",
  "natGatewayGb",
  "publicIpv4Hour",
  "transitGatewayAttachmentHour",
  "transitGatewayGb",
  "interAzGb",
  "interRegionGb",
] as const;
export type RegionalItem = (typeof REGIONAL_ITEMS)[number];

export const GLOBAL_ITEMS = ["route53HostedZone", "route53Queries"] as const;
export type GlobalItem = (typeof GLOBAL_ITEMS)[number];

const itemShape = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, PriceEntrySchema.optional()])) as Record<
    K,
    z.ZodOptional<typeof PriceEntrySchema>
  >;

export const RegionPricesSchema = z.strictObject(itemShape(REGIONAL_ITEMS));
export const GlobalPricesSchema = z.strictObject(itemShape(GLOBAL_ITEMS));

const RegionCodeSchema = z.string().regex(REGION_CODE, { error: "must be a region code" });

/** One AWS service of a service list: its endpoint types and the Regions it is offered in. */
export const AwsServiceEntrySchema = z.strictObject({
  types: z
    .array(z.enum(["gateway", "interface", "gwlb"]))
    .min(1)
    .describe("Endpoint types it supports (Gateway, Interface, GatewayLoadBalancer → gwlb)"),
  regions: z
    .union([z.literal("all"), z.array(RegionCodeSchema)])
    .describe('Regions it is offered in ("all": every Region of the aws partition)'),
  alsoIn: z
    .array(RegionCodeSchema)
    .optional()
    .describe("Regions of other partitions it is also in (with regions: all)"),
});

/**
 * The AWS services reachable through VPC endpoints, as `prices refresh` reads them
 * (DescribeVpcEndpointServices, services owned by amazon) in the Regions it was asked for:
 * the shape of linkplan's bundled list (src/topology/reference/awsServices.json) plus the
 * Regions read. Commands given the catalog check service names against it: it is the truth
 * for those Regions, and the bundled list still answers for the others.
 */
export const ServiceListSchema = z
  .strictObject({
    description: z.string().optional(),
    retrieved: z.string().describe("When the list was read (ISO date)"),
    source: z
      .array(z.strictObject({ title: z.string().min(1), url: z.string().min(1) }))
      .describe("Where the list comes from"),
    regions: z
      .array(RegionCodeSchema)
      .min(1)
      .describe("The Regions the list was read in (the bundled list answers for the others)"),
    services: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, {
          error: "must be a service's short name, e.g. ecr.api",
        }),
        AwsServiceEntrySchema,
      )
      .describe("Services by short name (the <service> of com.amazonaws.<region>.<service>)"),
  })
  .describe("AWS services reachable through VPC endpoints, per Region");

export const PriceCatalogSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe("Catalog name, e.g. 'bundled'"),
    currency: z.literal("USD"),
    retrieved: z.string().describe("When the figures were collected (ISO date)"),
    description: z.string().optional(),
    global: GlobalPricesSchema,
    regions: z.record(RegionCodeSchema, RegionPricesSchema),
    services: ServiceListSchema.optional().describe(
      "The AWS service list (prices refresh); absent: linkplan's bundled list",
    ),
  })
  .describe("A linkplan price catalog: figures with unit and source per region");

export type PriceEntry = z.output<typeof PriceEntrySchema>;
export type PriceCatalog = z.output<typeof PriceCatalogSchema>;
export type RegionPrices = z.output<typeof RegionPricesSchema>;
export type ServiceList = z.output<typeof ServiceListSchema>;
