import { formatCents } from "../../core/money.js";
import type { Estimate } from "../../estimate/estimate.js";
import type { DiagramPricing } from "./diagramGraph.js";

/** "13194.30" → "13,194.30" (the integer part in groups of three). */
function grouped(amount: string): string {
  const [whole = "", cents] = amount.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace(/^-/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${cents === undefined ? "" : `.${cents}`}`;
}

/**
 * A diagram's title-block pricing: the estimate's monthly total to the cent
 * ("$13,194.30/mo") and its catalog ("bundled 2026-11-20").
 */
export function diagramPricing(estimate: Estimate): DiagramPricing {
  return {
    total: `$${grouped(formatCents(estimate.totals.monthly))}/mo`,
    catalog: `${estimate.catalog.name} ${estimate.catalog.retrieved}`,
  };
}
