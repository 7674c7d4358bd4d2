import { internalError, LinkplanError } from "../core/linkplanError.js";
import type { Money, Rate } from "../core/money.js";
import type { LineItem, ResourceKind } from "../estimate/cost/lineItem.js";
import { estimate } from "../estimate/estimate.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { missingPriceError } from "../pricing/missingPriceError.js";
import { PriceBook } from "../pricing/priceBook.js";
import { parseTopology } from "../topology/parseTopology.js";

const REGIONAL_ITEMS = [
  "interfaceEndpointHour",
  "interfaceEndpointGb",
  "natGatewayGb",
  "transitGatewayAttachmentHour",
  "transitGatewayGb",
] as const;

/** What one unit of each resource the break-even weighs costs, as the estimate prices it. */
export interface BreakEvenUnits {
  /** one interface endpoint ENI for a month */
  eniMonth: Money;
  /** one Transit Gateway VPC attachment for a month */
  attachmentMonth: Money;
  /** one private hosted zone for a month */
  zoneMonth: Money;
  rates: {
    interfaceEndpointHour: Rate;
    interfaceEndpointGb: Rate;
    natGatewayGb: Rate;
    transitGatewayAttachmentHour: Rate;
    transitGatewayGb: Rate;
    hostedZoneMonth: Rate;
  };
}

/**
 * A one-of-each topology: an interface endpoint with one ENI, a NAT gateway, a Transit
 * Gateway attachment and a private hosted zone, 1 GB through each data path (first tier).
 */
function probe(region: string, hoursPerMonth: number): unknown {
  const az = `${region}a`;
  return {
    name: "break-even units",
    hoursPerMonth,
    accounts: [
      {
        id: "probe",
        vpcs: [
          {
            id: "vpc",
            region,
            cidr: "10.0.0.0/16",
            azs: [az],
            endpoints: [{ id: "endpoint", type: "interface", service: "sts", gbPerMonth: 1 }],
            // private: the per-GB rate is the same, without a public IPv4 address to price
            natGateways: [{ id: "nat", az, connectivity: "private", gbPerMonth: 1 }],
          },
        ],
        transitGateways: [{ id: "tgw", region, attachments: [{ vpc: "vpc", gbPerMonth: 1 }] }],
        hostedZones: [{ id: "zone", name: "probe.internal", private: true, vpcs: ["vpc"] }],
      },
    ],
  };
}

/** The break-even's own missing prices (what it reads of the probe), against its `region`. */
function missingUnits(region: string, catalog: PriceCatalog): LinkplanError | undefined {
  const book = new PriceBook(catalog);
  for (const item of REGIONAL_ITEMS) book.regional(region, item, "region");
  book.global("route53HostedZone", "region");
  return book.missing.length > 0
    ? missingPriceError(catalog, book.missing, "this break-even")
    : undefined;
}

/**
 * Price the break-even's units by estimating a one-of-each topology, so the break-even
 * bills exactly what an estimate of the same resources would (same price lookup, tiers
 * and rounding) instead of pricing them a second way. A missing price is reported as
 * the break-even's (the prices it reads), against its `region`.
 */
export function breakEvenUnits(
  region: string,
  hoursPerMonth: number,
  catalog: PriceCatalog,
): BreakEvenUnits {
  let lines: LineItem[];
  try {
    lines = estimate(parseTopology(probe(region, hoursPerMonth)), catalog).lines;
  } catch (error) {
    if (!(error instanceof LinkplanError) || error.code !== "missing_price") throw error;
    throw missingUnits(region, catalog) ?? error;
  }
  const line = (kind: ResourceKind, component: string): LineItem => {
    const found = lines.find((l) => l.kind === kind && l.component === component);
    if (!found) throw internalError(`break-even: the estimate has no ${kind} ${component} line`);
    return found;
  };
  const eni = line("interface-endpoint", "hours");
  const attachment = line("transit-gateway", "attachment-hours");
  const zone = line("hosted-zone", "zone");
  return {
    eniMonth: eni.monthly,
    attachmentMonth: attachment.monthly,
    zoneMonth: zone.monthly,
    rates: {
      interfaceEndpointHour: eni.rate,
      interfaceEndpointGb: line("interface-endpoint", "data").rate,
      natGatewayGb: line("nat-gateway", "data").rate,
      transitGatewayAttachmentHour: attachment.rate,
      transitGatewayGb: line("transit-gateway", "data").rate,
      hostedZoneMonth: zone.rate,
    },
  };
}
