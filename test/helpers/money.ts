import {
  MONEY_DECIMALS,
  type Money,
  parseScaled,
  QUANTITY_DECIMALS,
  RATE_DECIMALS,
  sum,
} from "../../src/core/money.js";
import type { LineItem } from "../../src/estimate/cost/lineItem.js";

/** Exact USD (Money: atto-dollars, MONEY_DECIMALS) from a decimal string: usd("12.34"). */
export function usd(text: string): Money {
  return parseScaled(text, MONEY_DECIMALS);
}

/** quantity × rate, both written as decimals, exactly (as the estimate prices a line). */
export function times(quantity: string, rate: string): Money {
  return parseScaled(quantity, QUANTITY_DECIMALS) * parseScaled(rate, RATE_DECIMALS);
}

/** The monthly cost of some lines. */
export function monthlyOf(lines: readonly LineItem[]): Money {
  return sum(lines.map((l) => l.monthly));
}
