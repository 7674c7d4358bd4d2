import { hoursPerMonthProblem } from "../core/hoursPerMonth.js";
import { LinkplanError } from "../core/linkplanError.js";
import { type Money, quantityFromNumber } from "../core/money.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { missingPriceError } from "../pricing/missingPriceError.js";
import { PriceBook } from "../pricing/priceBook.js";
import type { Topology, Vpc } from "../topology/topology.js";
import type { UsageGap } from "./cost/costContext.js";
import { addEndpointCosts } from "./cost/endpointCosts.js";
import { addHostedZoneCosts } from "./cost/hostedZoneCosts.js";
import type { LineItem } from "./cost/lineItem.js";
import { addEndpointServiceCosts, addLoadBalancerCosts } from "./cost/loadBalancerCosts.js";
import { addNatGatewayCosts } from "./cost/natGatewayCosts.js";
import { type Rollups, rollups } from "./cost/rollup.js";
import { addTransitGatewayCosts } from "./cost/transitGatewayCosts.js";

export interface EstimateOptions {
  /** overrides the topology's hoursPerMonth (default HOURS_PER_MONTH, 730) */
  hoursPerMonth?: number;
}

export interface Estimate {
  name: string;
  currency: "USD";
  hoursPerMonth: number;
  catalog: { name: string; retrieved: string };
  lines: LineItem[];
  totals: {
    /** per-hour charge of everything billed by the hour (ENIs, load balancers, NAT) */
    hourly: Money;
    /** everything in the month: hours × hoursPerMonth, usage, monthly charges */
    monthly: Money;
  };
  rollups: Rollups;
  /**
   * Resources imported from Terraform that are priced per use and have no usage: their
   * usage lines show at zero with the rate ("depends on usage"). Absent when none.
   */
  dependsOnUsage?: UsageGap[];
}

export type { UsageGap };

/**
 * Price a topology with a catalog: one line per billed component, tiers applied per
 * account and region, exact money. Throws LinkplanError("missing_price") naming every
 * region and item the catalog lacks — never prices them at zero.
 */
export function estimate(
  topology: Topology,
  catalog: PriceCatalog,
  options: EstimateOptions = {},
): Estimate {
  const hoursPerMonth = options.hoursPerMonth ?? topology.hoursPerMonth;
  const hoursProblem = hoursPerMonthProblem(hoursPerMonth);
  if (hoursProblem) {
    throw new LinkplanError("invalid_request", "invalid hours per month", [
      { path: "hoursPerMonth", message: hoursProblem },
    ]);
  }
  const ctx = {
    book: new PriceBook(catalog),
    hours: quantityFromNumber(hoursPerMonth),
    lines: [] as LineItem[],
    pools: new Map<string, bigint>(),
    hourMoney: new Map(),
    dependsOnUsage: new Map<string, UsageGap>(),
    services: new Map(
      topology.accounts.flatMap((a) => a.endpointServices.map((s) => [s.id, s] as const)),
    ),
  };
  const vpcs = topology.accounts.some((a) => a.transitGateways.length > 0)
    ? new Map<string, Vpc>(topology.accounts.flatMap((a) => a.vpcs.map((v) => [v.id, v] as const)))
    : new Map<string, Vpc>();
  topology.accounts.forEach((account, a) => {
    account.vpcs.forEach((vpc, v) => {
      const path = `accounts[${a}].vpcs[${v}]`;
      addEndpointCosts(ctx, vpc, path);
      addLoadBalancerCosts(ctx, vpc, path);
      addNatGatewayCosts(ctx, vpc, path);
    });
    addEndpointServiceCosts(ctx, account);
    addHostedZoneCosts(ctx, account, `accounts[${a}]`);
    addTransitGatewayCosts(ctx, account, vpcs, `accounts[${a}]`);
  });
  if (ctx.book.missing.length > 0) throw missingPriceError(catalog, ctx.book.missing);
  const rolled = rollups(ctx.lines);
  let hourly = 0n;
  let monthly = 0n;
  for (const row of rolled.byAccount) {
    hourly += row.hourly;
    monthly += row.monthly;
  }
  return {
    name: topology.name,
    currency: "USD",
    hoursPerMonth,
    catalog: { name: catalog.name, retrieved: catalog.retrieved },
    lines: ctx.lines,
    totals: { hourly, monthly },
    rollups: rolled,
    ...(ctx.dependsOnUsage.size > 0 ? { dependsOnUsage: [...ctx.dependsOnUsage.values()] } : {}),
  };
}
