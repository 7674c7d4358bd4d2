import * as z from "zod";
import type { BreakEven } from "../compare/breakEven.js";
import { formatMoney, formatQuantity, formatRate } from "../core/money.js";

const Usd = z.string().describe("USD as an exact decimal string");
const Gb = z.string().describe("GB per month, decimal string (6 decimals at most)");

export const BreakEvenJsonSchema = z
  .object({
    region: z.string(),
    azs: z.number().int(),
    hoursPerMonth: z.number(),
    catalog: z.object({ name: z.string(), retrieved: z.string() }),
    rates: z.object({
      interfaceEndpointHour: Usd,
      interfaceEndpointGb: Usd.describe("first tier"),
      natGatewayGb: Usd,
      transitGatewayAttachmentHour: Usd,
      transitGatewayGb: Usd,
      hostedZoneMonth: Usd,
    }),
    services: z.array(
      z.object({
        service: z.string(),
        endpoint: z.enum(["interface", "gateway"]),
        fixedMonthly: Usd.describe("the endpoint's monthly cost before traffic"),
        savingPerGb: Usd.describe("NAT per-GB rate minus the endpoint's"),
        gbPerMonth: Gb.nullable().describe(
          "traffic above which the endpoint is cheaper than NAT; 0: always; null: never",
        ),
        gbPerMonthPerAz: Gb.nullable(),
      }),
    ),
    hub: z.object({
      services: z.array(z.string()).describe("interface services a hub would share"),
      minSpokes: z
        .number()
        .int()
        .nullable()
        .describe("fewest spoke VPCs for which the hub is cheaper with no traffic"),
      rows: z.array(
        z.object({
          spokes: z.number().int(),
          perVpcMonthly: Usd,
          hubMonthly: Usd,
          hubExtraPerGb: Usd,
          hubCheaper: z
            .enum(["never", "below", "always"])
            .describe("never; below hubCheaperBelowGb; or always (no per-GB transit charge)"),
          hubCheaperBelowGb: Gb.nullable().describe(
            "total spoke traffic below which the hub is cheaper (when hubCheaper is below)",
          ),
        }),
      ),
    }),
  })
  .describe("When endpoints beat NAT, and when a hub VPC beats endpoints in every VPC");
export type BreakEvenJson = z.infer<typeof BreakEvenJsonSchema>;

const gb = (q: bigint | null) => (q === null ? null : formatQuantity(q));

/** The JSON form of a break-even analysis (exact decimal strings). */
export function breakEvenToJson(b: BreakEven): BreakEvenJson {
  return {
    region: b.region,
    azs: b.azs,
    hoursPerMonth: b.hoursPerMonth,
    catalog: b.catalog,
    rates: {
      interfaceEndpointHour: formatRate(b.rates.interfaceEndpointHour),
      interfaceEndpointGb: formatRate(b.rates.interfaceEndpointGb),
      natGatewayGb: formatRate(b.rates.natGatewayGb),
      transitGatewayAttachmentHour: formatRate(b.rates.transitGatewayAttachmentHour),
      transitGatewayGb: formatRate(b.rates.transitGatewayGb),
      hostedZoneMonth: formatRate(b.rates.hostedZoneMonth),
    },
    services: b.services.map((s) => ({
      service: s.service,
      endpoint: s.endpoint,
      fixedMonthly: formatMoney(s.fixedMonthly),
      savingPerGb: formatRate(s.savingPerGb),
      gbPerMonth: gb(s.gbPerMonth),
      gbPerMonthPerAz: gb(s.gbPerMonthPerAz),
    })),
    hub: {
      services: b.hub.services,
      minSpokes: b.hub.minSpokes,
      rows: b.hub.rows.map((r) => ({
        spokes: r.spokes,
        perVpcMonthly: formatMoney(r.perVpcMonthly),
        hubMonthly: formatMoney(r.hubMonthly),
        hubExtraPerGb: formatRate(r.hubExtraPerGb),
        hubCheaper: r.hubCheaper,
        hubCheaperBelowGb: gb(r.hubCheaperBelowGb),
      })),
    },
  };
}
