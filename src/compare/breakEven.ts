import { GATEWAY_SERVICES } from "../core/gatewayServices.js";
import { HOURS_PER_MONTH, hoursPerMonthProblem } from "../core/hoursPerMonth.js";
import { LinkplanError } from "../core/linkplanError.js";
import { divideRounded, type Money, type Quantity, type Rate } from "../core/money.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { unknownRegionMessage, unknownServiceMessage } from "../topology/awsNameSchemas.js";
import { AWS_REGIONS, AWS_SERVICES } from "../topology/awsReference.js";
import { type BreakEvenUnits, breakEvenUnits } from "./breakEvenUnits.js";

export interface BreakEvenRequest {
  region: string;
  /** AZs each interface endpoint has an ENI in (default 3) */
  azs?: number;
  /** AWS services compared (default: the usual container set), or how many interface services */
  services?: string[] | number;
  /** spoke VPC counts for the hub comparison (default 2, 3, 5, 10, 20) */
  spokes?: number[];
  hoursPerMonth?: number;
}

export const BREAK_EVEN_DEFAULTS = {
  azs: 3,
  services: ["ecr.api", "ecr.dkr", "logs", "sts", "s3"],
  spokes: [2, 3, 5, 10, 20],
  hoursPerMonth: HOURS_PER_MONTH,
} as const;

/** Endpoint vs NAT gateway for the traffic to one service. */
export interface ServiceBreakEven {
  service: string;
  endpoint: "interface" | "gateway";
  /** what the endpoint costs per month before any traffic (all its ENIs) */
  fixedMonthly: Money;
  /** NAT per-GB rate minus the endpoint's per-GB rate */
  savingPerGb: Rate;
  /** GB per month above which the endpoint is cheaper (micro-GB); 0 when always; null when never */
  gbPerMonth: Quantity | null;
  /** the same per AZ (interface endpoints) */
  gbPerMonthPerAz: Quantity | null;
}

/** Hub VPC shared through Transit Gateway vs endpoints in every one of N spoke VPCs. */
export interface HubBreakEven {
  spokes: number;
  /** N × services × AZs ENI-months */
  perVpcMonthly: Money;
  /** services × AZs ENI-months in the hub + (N + 1) attachments + one private zone per service */
  hubMonthly: Money;
  /** extra per GB through the hub (Transit Gateway processing) */
  hubExtraPerGb: Rate;
  /** whether the hub is cheaper: never, below some traffic, or always (free TGW data) */
  hubCheaper: "never" | "below" | "always";
  /** total spoke GB per month below which the hub is cheaper (when `hubCheaper` is "below") */
  hubCheaperBelowGb: Quantity | null;
}

export interface BreakEven {
  region: string;
  azs: number;
  hoursPerMonth: number;
  catalog: { name: string; retrieved: string };
  /** first-tier rates, as the estimate reads them */
  rates: BreakEvenUnits["rates"];
  services: ServiceBreakEven[];
  hub: { services: string[]; rows: HubBreakEven[]; minSpokes: number | null };
}

function invalid(path: string, message: string): LinkplanError {
  return new LinkplanError("invalid_request", `invalid break-even request: ${message}`, [
    { path, message },
  ]);
}

/** money ÷ rate as a quantity (micro-units), rounded. */
function unitsFor(money: Money, rate: Rate): Quantity {
  return divideRounded(money, rate);
}

/**
 * When an endpoint pays for itself against a NAT gateway, and when a hub VPC (endpoints
 * shared through Transit Gateway and Route 53 private zones) beats endpoints in every VPC.
 * First-tier per-GB rates (below 1 PB a month). Exact: quantities in micro-GB.
 */
export function breakEven(
  request: BreakEvenRequest,
  catalog: PriceCatalog = bundledCatalog(),
): BreakEven {
  const azs = request.azs ?? BREAK_EVEN_DEFAULTS.azs;
  const asked = request.services ?? [...BREAK_EVEN_DEFAULTS.services];
  if (typeof asked === "number" && !(Number.isInteger(asked) && asked >= 1 && asked <= 1000)) {
    throw invalid("services", "must be a list of services or a whole number from 1 to 1000");
  }
  // a count stands for that many interface services ("interface-1", …)
  const services =
    typeof asked === "number"
      ? Array.from({ length: asked }, (_, i) => `interface-${i + 1}`)
      : asked;
  const spokes = request.spokes ?? [...BREAK_EVEN_DEFAULTS.spokes];
  const hoursPerMonth = request.hoursPerMonth ?? BREAK_EVEN_DEFAULTS.hoursPerMonth;
  if (!AWS_REGIONS.has(request.region))
    throw invalid("region", unknownRegionMessage(request.region));
  const unknownAt = Array.isArray(asked) ? asked.findIndex((s) => !AWS_SERVICES.has(s)) : -1;
  if (Array.isArray(asked) && unknownAt >= 0)
    throw invalid(`services[${unknownAt}]`, unknownServiceMessage(asked[unknownAt] ?? ""));
  if (!Number.isInteger(azs) || azs < 1 || azs > 6) throw invalid("azs", "must be 1 to 6");
  if (services.length === 0) throw invalid("services", "name at least one service");
  const badSpoke = spokes.findIndex((n) => !Number.isInteger(n) || n < 1 || n > 10_000);
  if (badSpoke >= 0) throw invalid(`spokes[${badSpoke}]`, "must be a whole number from 1 to 10000");
  const hoursProblem = hoursPerMonthProblem(hoursPerMonth);
  if (hoursProblem) throw invalid("hoursPerMonth", hoursProblem);

  const { region } = request;
  const {
    rates,
    eniMonth,
    attachmentMonth: attachMonth,
    zoneMonth,
  } = breakEvenUnits(region, hoursPerMonth, catalog);
  const saving = rates.natGatewayGb - rates.interfaceEndpointGb;
  const perAz = saving > 0n ? unitsFor(eniMonth, saving) : null;
  const serviceRows: ServiceBreakEven[] = services.map((service) =>
    GATEWAY_SERVICES.has(service)
      ? {
          service,
          endpoint: "gateway",
          fixedMonthly: 0n,
          savingPerGb: rates.natGatewayGb,
          gbPerMonth: 0n,
          gbPerMonthPerAz: null,
        }
      : {
          service,
          endpoint: "interface",
          fixedMonthly: eniMonth * BigInt(azs),
          savingPerGb: saving,
          gbPerMonth: perAz === null ? null : unitsFor(eniMonth * BigInt(azs), saving),
          gbPerMonthPerAz: perAz,
        },
  );

  // gateway endpoints are per VPC and free: only interface services can be centralised
  const shared = services.filter((s) => !GATEWAY_SERVICES.has(s));
  const s = BigInt(shared.length);
  const a = BigInt(azs);
  const endpointsMonth = s * a * eniMonth;
  const hubRows: HubBreakEven[] = spokes.map((n) => {
    const perVpcMonthly = BigInt(n) * endpointsMonth;
    const hubMonthly = endpointsMonth + BigInt(n + 1) * attachMonth + s * zoneMonth;
    const margin = perVpcMonthly - hubMonthly;
    const hubCheaper = margin <= 0n ? "never" : rates.transitGatewayGb > 0n ? "below" : "always";
    return {
      spokes: n,
      perVpcMonthly,
      hubMonthly,
      hubExtraPerGb: rates.transitGatewayGb,
      hubCheaper,
      hubCheaperBelowGb: hubCheaper === "below" ? unitsFor(margin, rates.transitGatewayGb) : null,
    } satisfies HubBreakEven;
  });
  // smallest N with N·E − E − (N+1)·T − S·Z > 0, i.e. N·(E − T) > E + T + S·Z
  const perSpoke = endpointsMonth - attachMonth;
  const fixed = endpointsMonth + attachMonth + s * zoneMonth;
  const minSpokes = perSpoke > 0n && shared.length > 0 ? Number(fixed / perSpoke + 1n) : null;

  return {
    region,
    azs,
    hoursPerMonth,
    catalog: { name: catalog.name, retrieved: catalog.retrieved },
    rates,
    services: serviceRows,
    hub: { services: shared, rows: hubRows, minSpokes },
  };
}
