import {
  parseScaled,
  QUANTITY_DECIMALS,
  type Quantity,
  type Rate,
  rateFromDecimal,
} from "../core/money.js";
import type { GlobalItem, PriceCatalog, PriceEntry, RegionalItem } from "./catalogSchema.js";
import type { LinePrice } from "./linePrice.js";
import { tierLabel } from "./tierLabel.js";

/** A catalog figure ready for arithmetic: tiers with exact bounds and rates. */
export interface Price {
  unit: string;
  tiers: { upTo: Quantity | null; rate: Rate }[];
  /** per destination region (inter-region transfer) */
  byDestination: Map<string, Rate>;
  /** provenance lines priced by this record carry: item, region ("global" for Route 53),
   * source, unverified (shared, frozen) */
  line: Readonly<LinePrice>;
  /** tier labels ("first 1 PB", …), null for a single tier */
  labels: (string | null)[];
  /** tier parts of line ids ("tier1", …), null for a single tier */
  tierKeys: (string | null)[];
}

/** A price the estimate needed and the catalog does not have. */
export interface MissingPrice {
  region: string;
  item: string;
  neededBy: string;
}

function toPrice(entry: PriceEntry, item: RegionalItem | GlobalItem, region: string): Price {
  const tiers = (entry.tiers ?? [{ upTo: null, usd: entry.usd ?? "0" }]).map((t) => ({
    upTo: t.upTo === null ? null : parseScaled(String(t.upTo), QUANTITY_DECIMALS, true),
    rate: rateFromDecimal(t.usd),
  }));
  return {
    unit: entry.unit,
    tiers,
    labels: tiers.map((_, i) => tierLabel(tiers, i, entry.unit)),
    tierKeys: tiers.map((_, i) => (tiers.length > 1 ? `tier${i + 1}` : null)),
    byDestination: new Map(
      Object.entries(entry.byDestination ?? {}).map(([r, usd]) => [r, rateFromDecimal(usd)]),
    ),
    line: Object.freeze({
      item,
      region,
      source: entry.source,
      unverified: entry.unverified === true,
    }),
  };
}

/**
 * Converted figures per catalog (region → item → price, null when absent), shared by every
 * estimate on that catalog: a Price is never changed once made, and converting the same
 * decimals on each API request cost about a tenth of an estimate of a small topology.
 */
const CONVERTED = new WeakMap<PriceCatalog, Map<string, Map<string, Price | null>>>();

/**
 * Looks prices up in a catalog for one estimate, converting each figure once per catalog,
 * and records every price that is missing instead of failing at the first (so all are
 * reported).
 */
export class PriceBook {
  readonly missing: MissingPrice[] = [];
  private readonly cache: Map<string, Map<string, Price | null>>;

  constructor(readonly catalog: PriceCatalog) {
    let converted = CONVERTED.get(catalog);
    if (!converted) {
      converted = new Map();
      CONVERTED.set(catalog, converted);
    }
    this.cache = converted;
  }

  regional(region: string, item: RegionalItem, neededBy: string): Price | undefined {
    return this.lookup(region, item, neededBy, this.catalog.regions[region]?.[item]);
  }

  global(item: GlobalItem, neededBy: string): Price | undefined {
    return this.lookup("global", item, neededBy, this.catalog.global[item]);
  }

  private lookup(
    region: string,
    item: RegionalItem | GlobalItem,
    neededBy: string,
    entry: PriceEntry | undefined,
  ): Price | undefined {
    let inRegion = this.cache.get(region);
    if (!inRegion) {
      inRegion = new Map();
      this.cache.set(region, inRegion);
    }
    let price = inRegion.get(item);
    if (price === undefined) {
      price = entry ? toPrice(entry, item, region) : null;
      inRegion.set(item, price);
    }
    if (price === null) {
      if (!this.missing.some((m) => m.region === region && m.item === item)) {
        this.missing.push({ region, item, neededBy });
      }
      return undefined;
    }
    return price;
  }
}
