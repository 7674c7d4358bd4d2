import type { Quantity, Rate } from "../core/money.js";

/** One tier of a tiered price: its rate applies up to `upTo` (null: no upper bound). */
export interface Tier {
  upTo: Quantity | null;
  rate: Rate;
}
