import {
  cost,
  formatRate,
  type Money,
  QUANTITY_UNIT,
  type Quantity,
  type Rate,
} from "../../core/money.js";
import type { Price, PriceBook } from "../../pricing/priceBook.js";

import type { EndpointService } from "../../topology/topology.js";
import { allocateTiers } from "./allocateTiers.js";
import { EniHourLine, type EniHours } from "./eniHourLine.js";
import type { LineItem, ResourceKind } from "./lineItem.js";
import { PricedLine } from "./pricedLine.js";

/** The state of one estimate run: prices, hours in the month, lines and tier pools. */
export interface CostContext {
  book: PriceBook;
  hours: Quantity;
  lines: LineItem[];
  /** units already consumed per tier pool (e.g. "account/region/interfaceEndpointGb") */
  pools: Map<string, Quantity>;
  /** endpoint services by id (to find a service's region) */
  services: Map<string, EndpointService>;
  /** money of an all-month hour line, by rate (many ENIs share a few rates) */
  hourMoney: Map<Rate, { hourly: Money; monthly: Money }>;
  /** imported resources priced per use that have no usage, by Terraform address */
  dependsOnUsage: Map<string, UsageGap>;
}

/** An imported resource priced per use whose usage is zero: its lines show the rate at 0. */
export interface UsageGap {
  account: string;
  resource: string;
  /** its Terraform address */
  terraform: string;
}

/** What identifies the resource a line belongs to. */
export interface LineOwner {
  account: string;
  vpc: string | null;
  region: string;
  resource: string;
  kind: ResourceKind;
  /** where in the input the resource is defined (for missing-price messages) */
  path: string;
}

interface LineSpec {
  component: string;
  description: string;
  quantity: Quantity;
  unit?: string;
  az?: string | null;
  /** the line is billed per hour: record its per-hour charge (rate × units per hour) */
  unitsPerHour?: Quantity;
}

/** Hourly and monthly money of one unit billed all month at `rate` (shared by ENI lines). */
function hourMoney(ctx: CostContext, rate: Rate): { hourly: Money; monthly: Money } {
  let money = ctx.hourMoney.get(rate);
  if (!money) {
    money = { hourly: cost(QUANTITY_UNIT, rate), monthly: cost(ctx.hours, rate) };
    ctx.hourMoney.set(rate, money);
  }
  return money;
}

function push(
  ctx: CostContext,
  owner: LineOwner,
  spec: LineSpec,
  price: Price | null,
  rate: Rate,
  tier: string | null,
  tierKey: string | null,
  quantity: Quantity = spec.quantity,
): void {
  const az = spec.az ?? null;
  const perHour =
    spec.unitsPerHour === QUANTITY_UNIT && quantity === ctx.hours ? hourMoney(ctx, rate) : null;
  const hourly = perHour
    ? perHour.hourly
    : spec.unitsPerHour === undefined
      ? null
      : cost(spec.unitsPerHour, rate);
  const monthly = perHour ? perHour.monthly : cost(quantity, rate);
  const unit = spec.unit ?? price?.unit ?? "";
  const line = new PricedLine(
    owner,
    spec.component,
    az,
    tierKey,
    spec.description,
    quantity,
    unit,
    rate,
    tier,
    hourly,
    monthly,
    price ? price.line : null,
  );
  ctx.lines.push(line);
}

/** Add one line priced at a flat rate (or, when `price` is missing, nothing: it is recorded). */
export function addLine(
  ctx: CostContext,
  owner: LineOwner,
  price: Price | undefined,
  spec: LineSpec,
  rate?: Rate,
): void {
  if (!price) return;
  push(ctx, owner, spec, price, rate ?? price.tiers[0]?.rate ?? 0n, null, null);
}

/** Add a line that costs nothing and says so (gateway endpoints, endpoint services). */
export function addFreeLine(
  ctx: CostContext,
  owner: LineOwner,
  spec: Omit<LineSpec, "quantity"> & { quantity?: Quantity },
): void {
  push(ctx, owner, { quantity: 0n, unit: "-", ...spec }, null, 0n, null, null);
}

/**
 * Add the lines of a tiered usage price: the quantity is placed after what the pool has
 * already used, one line per tier touched, and the pool advances.
 */
export function addTieredLines(
  ctx: CostContext,
  owner: LineOwner,
  price: Price | undefined,
  pool: string,
  spec: LineSpec,
): void {
  if (!price) return;
  const before = ctx.pools.get(pool) ?? 0n;
  const shares = allocateTiers(price.tiers, before, spec.quantity);
  ctx.pools.set(pool, before + spec.quantity);
  for (const share of shares) {
    const label = price.labels[share.tier] ?? null;
    const tierKey = price.tierKeys[share.tier] ?? null;
    // the share's quantity is passed on, not spread into a copy of the spec (one per line)
    push(ctx, owner, spec, price, share.rate, label, tierKey, share.quantity);
  }
}

/**
 * The line of a usage-priced component at zero for a resource imported from Terraform
 * (`terraform` is its address): never omitted, shown at the rate the next unit would pay
 * ("depends on usage: $0.01 per GB"), and the resource recorded as having no usage. With
 * `pool`, the rate is that of the tier the pool has reached.
 */
export function addPendingUsageLine(
  ctx: CostContext,
  owner: LineOwner,
  price: Price | undefined,
  spec: LineSpec,
  terraform: string,
  pool?: string,
): void {
  if (!price) return;
  const share = allocateTiers(price.tiers, (pool && ctx.pools.get(pool)) || 0n, 0n)[0];
  const rate = share?.rate ?? price.tiers[0]?.rate ?? 0n;
  const tier = share && pool ? share.tier : null;
  const unit = spec.unit ?? price.unit;
  const description = `${spec.description} — depends on usage: $${formatRate(rate)} per ${unit}`;
  push(
    ctx,
    owner,
    { ...spec, quantity: 0n, description },
    price,
    rate,
    tier === null ? null : (price.labels[tier] ?? null),
    tier === null ? null : (price.tierKeys[tier] ?? null),
  );
  if (!ctx.dependsOnUsage.has(terraform)) {
    ctx.dependsOnUsage.set(terraform, {
      account: owner.account,
      resource: owner.resource,
      terraform,
    });
  }
}

/** One unit per hour, as a Quantity (for hour-billed lines). */
export const ONE = QUANTITY_UNIT;

/**
 * The ENI-hour lines of one endpoint, one per AZ, priced at the first tier of `price`
 * (nothing when the price is missing: it is recorded). The lines share one record.
 */
export function addEniHourLines(
  ctx: CostContext,
  owner: LineOwner,
  price: Price | undefined,
  what: string,
  azs: readonly string[],
): void {
  if (!price || azs.length === 0) return;
  const rate = price.tiers[0]?.rate ?? 0n;
  const money = hourMoney(ctx, rate);
  const shared: EniHours = {
    owner,
    what,
    quantity: ctx.hours,
    unit: price.unit,
    rate,
    hourly: money.hourly,
    monthly: money.monthly,
    price: price.line,
  };
  for (const az of azs) ctx.lines.push(new EniHourLine(shared, az));
}
