import type { GlobalItem, RegionalItem } from "./catalogSchema.js";

/** The AWS Price List service codes linkplan reads. */
export const PRICE_LIST_SERVICES = [
  "AmazonVPC",
  "AWSELB",
  "AmazonEC2",
  "AWSDataTransfer",
  "AmazonRoute53",
] as const;
export type PriceListService = (typeof PRICE_LIST_SERVICES)[number];

/** How one catalog item is found in the Price List. */
export interface PriceListItem {
  item: RegionalItem | GlobalItem;
  scope: "regional" | "global";
  serviceCode: PriceListService;
  /** product family the record must have, where the usagetype alone is ambiguous (AWSELB) */
  productFamily?: string;
  /** the usagetype after its region prefix (USE1-, EUW2-, USE1-EUW2-, or none) */
  usagetype: string;
  /** other spellings seen for the same figure (matched too) */
  aliases?: readonly string[];
  /** the catalog's unit for the figure */
  unit: string;
  /** the record prices a smaller unit: its price × 10^shift is the catalog's (per query → per million) */
  recordUnit?: { name: string; shift: number };
}

const NLB = "Load Balancer-Network";
const GWLB = "Load Balancer-Gateway";
const NAT = "NAT Gateway";

/**
 * The usagetype suffix table: every catalog item and where its figure comes from. A record
 * maps when its service code, product family (where given) and usagetype suffix match.
 */
export const PRICE_LIST_ITEMS: readonly PriceListItem[] = [
  regional("interfaceEndpointHour", "AmazonVPC", "VpcEndpoint-Hours", "ENI-hour"),
  regional("interfaceEndpointGb", "AmazonVPC", "VpcEndpoint-Bytes", "GB"),
  // AWS documents <region>-VpcEndpoint-GWLBE-Hours / -Bytes; the bare GWLBE-… form is accepted too
  {
    ...regional("gwlbEndpointHour", "AmazonVPC", "VpcEndpoint-GWLBE-Hours", "endpoint-AZ-hour"),
    aliases: ["GWLBE-Hours"],
  },
  {
    ...regional("gwlbEndpointGb", "AmazonVPC", "VpcEndpoint-GWLBE-Bytes", "GB"),
    aliases: ["GWLBE-Bytes"],
  },
  regional("networkLoadBalancerHour", "AWSELB", "LoadBalancerUsage", "NLB-hour", NLB),
  regional("networkLoadBalancerLcuHour", "AWSELB", "LCUUsage", "NLCU-hour", NLB),
  regional("gatewayLoadBalancerHour", "AWSELB", "LoadBalancerUsage", "GWLB-hour", GWLB),
  regional("gatewayLoadBalancerLcuHour", "AWSELB", "LCUUsage", "GLCU-hour", GWLB),
  regional("natGatewayHour", "AmazonEC2", "NatGateway-Hours", "NAT-gateway-hour", NAT),
  regional("natGatewayGb", "AmazonEC2", "NatGateway-Bytes", "GB", NAT),
  regional("publicIpv4Hour", "AmazonVPC", "PublicIPv4:InUseAddress", "IPv4-address-hour"),
  regional("transitGatewayAttachmentHour", "AmazonVPC", "TransitGateway-Hours", "attachment-hour"),
  regional("transitGatewayGb", "AmazonVPC", "TransitGateway-Bytes", "GB"),
  regional("interAzGb", "AWSDataTransfer", "DataTransfer-Regional-Bytes", "GB per direction"),
  regional("interRegionGb", "AWSDataTransfer", "AWS-Out-Bytes", "GB out"),
  {
    item: "route53HostedZone",
    scope: "global",
    serviceCode: "AmazonRoute53",
    usagetype: "HostedZone",
    unit: "hosted-zone-month",
  },
  {
    item: "route53Queries",
    scope: "global",
    serviceCode: "AmazonRoute53",
    usagetype: "DNS-Queries",
    unit: "million queries",
    recordUnit: { name: "Queries", shift: 6 },
  },
];

function regional(
  item: RegionalItem,
  serviceCode: PriceListService,
  usagetype: string,
  unit: string,
  productFamily?: string,
): PriceListItem {
  return {
    item,
    scope: "regional",
    serviceCode,
    usagetype,
    unit,
    ...(productFamily ? { productFamily } : {}),
  };
}
