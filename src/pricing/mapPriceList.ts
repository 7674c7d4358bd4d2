import { internalError } from "../core/linkplanError.js";
import {
  GLOBAL_ITEMS,
  type GlobalItem,
  type PriceCatalog,
  PriceCatalogSchema,
  type PriceEntry,
  REGIONAL_ITEMS,
  type RegionalItem,
} from "./catalogSchema.js";
import { matchPriceListItem } from "./matchPriceListItem.js";
import { type DimensionPrice, priceFromDimensions } from "./priceFromDimensions.js";
import { PRICE_LIST_ITEMS, type PriceListItem } from "./priceListItems.js";
import { type PriceListProduct, readPriceListRecord } from "./readPriceListRecord.js";

/** One entry of a GetProducts PriceList, with the service code it was asked for. */
export interface PriceListRecord {
  serviceCode: string;
  json: string;
}

/** Why a record priced nothing. */
export type UnmappedReason =
  | "unreadable"
  | "unknown-usagetype"
  | "region-not-requested"
  | "several-offers"
  | "unusable-price"
  | "duplicate";

export interface RecordTally {
  count: number;
  /** up to 5 distinct examples: service code, usagetype, sku (and why) */
  examples: string[];
}

/** A catalog built from Price List records, and an account of every record that priced nothing. */
export interface PriceListMapping {
  catalog: PriceCatalog;
  /** records read */
  records: number;
  /** records whose figure is in the catalog */
  mapped: number;
  /** records that matched no item, or could not be used, by reason */
  unmapped: { count: number; byReason: Partial<Record<UnmappedReason, RecordTally>> };
  /** records with no on-demand USD price (e.g. CNY only, or reserved terms only) */
  skipped: RecordTally;
  /** per requested region (and "global" for Route 53): catalog items no record priced */
  missing: Record<string, string[]>;
}

export interface MapPriceListOptions {
  /** the regions asked for; records of other regions are counted as unmapped */
  regions: readonly string[];
  /** when the records were fetched (ISO date): the catalog's `retrieved` */
  retrieved: string;
  /** catalog name (default "aws-price-list") */
  name?: string;
  /** whether Route 53 (global) records were asked for (default true) */
  global?: boolean;
}

interface Candidate {
  product: PriceListProduct;
  serviceCode: string;
  effectiveDate: string | undefined;
  price: Exclude<DimensionPrice, { kind: "no-usd" } | { kind: "unusable" }>;
}

const MAX_EXAMPLES = 5;

function tally(into: RecordTally, example: string): void {
  into.count += 1;
  if (into.examples.length < MAX_EXAMPLES && !into.examples.includes(example)) {
    into.examples.push(example);
  }
}

function describe(serviceCode: string, product: PriceListProduct): string {
  const family = product.productFamily ? ` ${product.productFamily}` : "";
  const region = product.regionCode ? ` ${product.regionCode}` : "";
  return `${serviceCode}${family} ${product.usagetype}${region} (sku ${product.sku})`;
}

/** later effective date first, then the smaller sku: which of two records for one figure wins */
function preferred(a: Candidate, b: Candidate): Candidate {
  const ad = a.effectiveDate ?? "";
  const bd = b.effectiveDate ?? "";
  if (ad !== bd) return ad > bd ? a : b;
  return a.product.sku <= b.product.sku ? a : b;
}

function entryOf(spec: PriceListItem, chosen: Candidate, note = ""): PriceEntry {
  return {
    unit: spec.unit,
    source: `AWS Price List API ${chosen.serviceCode} sku ${chosen.product.sku}${note}`,
    sku: chosen.product.sku,
    usagetype: chosen.product.usagetype,
    ...(chosen.effectiveDate ? { effectiveDate: chosen.effectiveDate } : {}),
    ...(chosen.price.kind === "flat" ? { usd: chosen.price.usd } : { tiers: chosen.price.tiers }),
  };
}

/**
 * The inter-region entry of one region from its per-destination records: the rate of a record
 * without destination, else the most common destination rate (ties: the higher), with
 * `byDestination` for every destination at another rate.
 */
function interRegionEntry(spec: PriceListItem, candidates: Map<string, Candidate>): PriceEntry {
  const flat = [...candidates.entries()]
    .map(([destination, c]) => ({
      destination,
      c,
      usd: c.price.kind === "flat" ? c.price.usd : "",
    }))
    .sort((a, b) => (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0));
  const counts = new Map<string, number>();
  for (const f of flat) counts.set(f.usd, (counts.get(f.usd) ?? 0) + 1);
  const generic = flat.find((f) => f.destination === "");
  const base =
    generic?.usd ??
    [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || Number(b[0]) - Number(a[0]) || (a[0] < b[0] ? -1 : 1),
    )[0]?.[0] ??
    "";
  const representative = generic ?? flat.find((f) => f.usd === base) ?? flat[0];
  if (!representative) throw internalError("interRegionEntry needs at least one record");
  const others = flat.length - 1;
  const note =
    others > 0 ? ` and ${others} other destination record${others === 1 ? "" : "s"}` : "";
  const byDestination = Object.fromEntries(
    flat.filter((f) => f.destination !== "" && f.usd !== base).map((f) => [f.destination, f.usd]),
  );
  return {
    ...entryOf(spec, representative.c, note),
    ...(Object.keys(byDestination).length > 0 ? { byDestination } : {}),
  };
}

/**
 * Map GetProducts records to a linkplan catalog (pure: no I/O, no clock). A record prices
 * an item when its service code, product family (where the table needs one) and usagetype
 * suffix match the table in priceListItems.ts and its regionCode (fromRegionCode for data
 * transfer) is a requested region; Route 53 records are global. Every other record is
 * counted, by reason, never silently dropped; items no record priced are listed per region.
 */
export function mapPriceList(
  records: readonly PriceListRecord[],
  options: MapPriceListOptions,
): PriceListMapping {
  const regions = new Set(options.regions);
  const includeGlobal = options.global ?? true;
  const unmapped: PriceListMapping["unmapped"] = { count: 0, byReason: {} };
  const skipped: RecordTally = { count: 0, examples: [] };
  const reject = (reason: UnmappedReason, example: string) => {
    unmapped.count += 1;
    const into = unmapped.byReason[reason] ?? { count: 0, examples: [] };
    unmapped.byReason[reason] = into;
    tally(into, example);
  };
  /** figure key ("us-east-1/natGatewayHour", "global/route53HostedZone") → destination → record */
  const chosen = new Map<string, Map<string, Candidate>>();

  for (const record of records) {
    const product = readPriceListRecord(record.json);
    if (!product) {
      reject("unreadable", `${record.serviceCode} record that is not a product JSON document`);
      continue;
    }
    const label = describe(record.serviceCode, product);
    const spec = matchPriceListItem(record.serviceCode, product.productFamily, product.usagetype);
    if (!spec || (spec.scope === "global" && !includeGlobal)) {
      reject("unknown-usagetype", label);
      continue;
    }
    const region = spec.scope === "global" ? "global" : product.regionCode;
    if (region === undefined || (spec.scope === "regional" && !regions.has(region))) {
      reject("region-not-requested", label);
      continue;
    }
    if (product.offers.length > 1) {
      reject("several-offers", `${label}: ${product.offers.length} on-demand offers`);
      continue;
    }
    const offer = product.offers[0];
    const price = priceFromDimensions(offer?.dimensions ?? [], spec.recordUnit);
    if (price.kind === "no-usd") {
      tally(skipped, label);
      continue;
    }
    if (price.kind === "unusable") {
      reject("unusable-price", `${label}: ${price.reason}`);
      continue;
    }
    const isInterRegion = spec.item === "interRegionGb";
    const destination = isInterRegion ? (product.toRegionCode ?? "") : "";
    if (isInterRegion && (destination === region || price.kind !== "flat")) {
      const why = destination === region ? "to its own region" : "tiered";
      reject("unusable-price", `${label}: inter-region price ${why}`);
      continue;
    }
    const candidate: Candidate = {
      product,
      serviceCode: record.serviceCode,
      effectiveDate: offer?.effectiveDate,
      price,
    };
    const key = `${region}/${spec.item}`;
    const byDestination = chosen.get(key) ?? new Map<string, Candidate>();
    chosen.set(key, byDestination);
    const existing = byDestination.get(destination);
    if (existing) {
      const winner = preferred(existing, candidate);
      const loser = winner === existing ? candidate : existing;
      reject(
        "duplicate",
        `${describe(loser.serviceCode, loser.product)} (kept sku ${winner.product.sku})`,
      );
      byDestination.set(destination, winner);
    } else {
      byDestination.set(destination, candidate);
    }
  }

  const entry = (region: string, item: RegionalItem | GlobalItem): PriceEntry | undefined => {
    const candidates = chosen.get(`${region}/${item}`);
    const spec = PRICE_LIST_ITEMS.find((s) => s.item === item);
    if (!candidates || !spec) return undefined;
    if (item === "interRegionGb") return interRegionEntry(spec, candidates);
    const [only] = candidates.values();
    return only && entryOf(spec, only);
  };

  const missing: Record<string, string[]> = {};
  const catalogRegions: PriceCatalog["regions"] = {};
  for (const region of options.regions) {
    const prices: Record<string, PriceEntry> = {};
    const absent: string[] = [];
    for (const item of REGIONAL_ITEMS) {
      const found = entry(region, item);
      if (found) prices[item] = found;
      else absent.push(item);
    }
    if (Object.keys(prices).length > 0) catalogRegions[region] = prices;
    if (absent.length > 0) missing[region] = absent;
  }
  const global: Record<string, PriceEntry> = {};
  if (includeGlobal) {
    const absent = GLOBAL_ITEMS.filter((item) => {
      const found = entry("global", item);
      if (found) global[item] = found;
      return !found;
    });
    if (absent.length > 0) missing.global = absent;
  }

  const scope = `${options.regions.join(", ")}${includeGlobal ? " and Route 53 (global)" : ""}`;
  const catalog = PriceCatalogSchema.parse({
    name: options.name ?? "aws-price-list",
    currency: "USD",
    retrieved: options.retrieved,
    description: `On-demand list prices from the AWS Price List API (GetProducts) for ${scope}, retrieved ${options.retrieved}. Each figure names its service code, sku, usagetype and effective date; items the API did not return are absent.`,
    global,
    regions: catalogRegions,
  });
  return {
    catalog,
    records: records.length,
    mapped: records.length - unmapped.count - skipped.count,
    unmapped,
    skipped,
    missing,
  };
}
