import type { BreakEven } from "../compare/breakEven.js";
import { formatDisplayMoney, formatRate, formatScaled, QUANTITY_DECIMALS } from "../core/money.js";
import { terminalLines, terminalText } from "../core/terminalText.js";
import { alignColumns } from "./alignColumns.js";

/** GB rounded to 2 decimals for display, trailing zeros trimmed ("208.57", "1360"). */
function gb(value: bigint): string {
  return formatScaled(value, QUANTITY_DECIMALS, { places: 2 }).replace(/\.?0+$/, "");
}

/** The break-even analysis as two small terminal tables. */
export function formatBreakEvenTable(b: BreakEven): string {
  const r = b.rates;
  const out: string[] = [
    `break-even in ${b.region}, ${b.azs} AZ${b.azs === 1 ? "" : "s"}, ${b.hoursPerMonth} hours/month, catalog ${terminalText(b.catalog.name)} (${terminalText(b.catalog.retrieved)})`,
    `rates: endpoint ${formatRate(r.interfaceEndpointHour)}/ENI-hour + ${formatRate(r.interfaceEndpointGb)}/GB, NAT ${formatRate(r.natGatewayGb)}/GB, transit gateway ${formatRate(r.transitGatewayAttachmentHour)}/attachment-hour + ${formatRate(r.transitGatewayGb)}/GB, private zone ${formatRate(r.hostedZoneMonth)}/month`,
    "",
    "endpoint vs NAT gateway: the endpoint is cheaper above",
    ...alignColumns(
      [
        ["service", "endpoint", "fixed USD/month", "saves USD/GB", "GB/month", "per AZ"],
        ...b.services.map((s) => [
          s.service,
          s.endpoint,
          formatDisplayMoney(s.fixedMonthly),
          formatRate(s.savingPerGb),
          s.gbPerMonth === null ? "never" : s.gbPerMonth === 0n ? "0 (always)" : gb(s.gbPerMonth),
          s.gbPerMonthPerAz === null ? "" : gb(s.gbPerMonthPerAz),
        ]),
      ],
      ["left", "left", "right", "right", "right", "right"],
    ),
  ];
  out.push("");
  if (b.hub.services.length === 0) {
    out.push("hub VPC vs endpoints in every VPC: no interface service to share");
  } else {
    out.push(
      `hub VPC vs endpoints in every VPC (${b.hub.services.join(", ")}): the hub pays ${formatRate(b.rates.transitGatewayGb)}/GB more (transit gateway) and is cheaper below`,
      ...alignColumns(
        [
          ["spoke VPCs", "per-VPC USD/month", "hub USD/month", "total GB/month"],
          ...b.hub.rows.map((row) => [
            String(row.spokes),
            formatDisplayMoney(row.perVpcMonthly),
            formatDisplayMoney(row.hubMonthly),
            row.hubCheaperBelowGb === null ? row.hubCheaper : gb(row.hubCheaperBelowGb),
          ]),
        ],
        ["right", "right", "right", "right"],
      ),
      b.hub.minSpokes === null
        ? "a hub never pays for itself here"
        : `a hub pays for itself from ${b.hub.minSpokes} spoke VPCs (with little traffic)`,
    );
  }
  return terminalLines(`${out.join("\n")}\n`);
}
