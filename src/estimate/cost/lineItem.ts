import type { Money, Quantity, Rate } from "../../core/money.js";
import type { LinePrice } from "../../pricing/linePrice.js";

export const RESOURCE_KINDS = [
  "interface-endpoint",
  "gateway-endpoint",
  "gwlb-endpoint",
  "endpoint-service",
  "network-load-balancer",
  "gateway-load-balancer",
  "nat-gateway",
  "hosted-zone",
  "transit-gateway",
  "data-transfer",
] as const;
export type { LinePrice };
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** One billed component of one resource: quantity × rate = monthly. */
export interface LineItem {
  /** stable id: account/vpc/kind/resource/component[/az][/tier] */
  id: string;
  account: string;
  vpc: string | null;
  /** region code, or "global" (Route 53) */
  region: string;
  az: string | null;
  resource: string;
  kind: ResourceKind;
  component: string;
  description: string;
  quantity: Quantity;
  unit: string;
  rate: Rate;
  /** tier label when the rate is one tier of a tiered price */
  tier: string | null;
  /** per-hour charge of hour-billed lines; null for usage and monthly lines */
  hourly: Money | null;
  monthly: Money;
  price: LinePrice | null;
}
