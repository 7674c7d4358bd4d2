import { formatCents, type Money } from "../../core/money.js";
import type { LineItem } from "../../estimate/cost/lineItem.js";
import type { Estimate } from "../../estimate/estimate.js";

/** The monthly cost of a diagram element: as shown ("$21.90/mo") and exact. */
export interface CostAnnotation {
  text: string;
  monthly: Money;
}

/** Monthly costs of an estimate, summed per diagram element (null: no line counts for it). */
export interface CostAnnotations {
  account(account: string): CostAnnotation | null;
  vpc(account: string, vpc: string): CostAnnotation | null;
  /** a resource of a VPC (or of the account when vpc is null); data transfer counts for its endpoint */
  resource(
    account: string,
    vpc: string | null,
    family: string,
    resource: string,
  ): CostAnnotation | null;
  /** the ENI-hours of one endpoint in one AZ */
  eni(account: string, vpc: string, endpoint: string, az: string): CostAnnotation | null;
}

/** A monthly cost as a diagram shows it: "$21.90/mo" (rounded to cents). */
export function costText(monthly: Money): string {
  return `$${formatCents(monthly)}/mo`;
}

/** The family a line counts for: endpoint lines and their transfer lines are one. */
export function costFamily(kind: LineItem["kind"]): string {
  return kind === "interface-endpoint" ||
    kind === "gateway-endpoint" ||
    kind === "gwlb-endpoint" ||
    kind === "data-transfer"
    ? "endpoint"
    : kind;
}

function show(value: Money | undefined): CostAnnotation | null {
  return value === undefined ? null : { text: costText(value), monthly: value };
}

function add(map: Map<string, Money>, key: string, value: Money): void {
  map.set(key, (map.get(key) ?? 0n) + value);
}

/** The annotations of no estimate: nothing is priced. */
const NO_COSTS: CostAnnotations = {
  account: () => null,
  vpc: () => null,
  resource: () => null,
  eni: () => null,
};

export function costAnnotations(estimate: Estimate | null | undefined): CostAnnotations {
  // no estimate (a diagram without prices): no key is built and hashed for each lookup
  if (estimate == null || estimate.lines.length === 0) return NO_COSTS;
  const accounts = new Map<string, Money>();
  const vpcs = new Map<string, Money>();
  const resources = new Map<string, Money>();
  const enis = new Map<string, Money>();
  for (const line of estimate.lines) {
    add(accounts, line.account, line.monthly);
    if (line.vpc !== null) add(vpcs, `${line.account}/${line.vpc}`, line.monthly);
    add(
      resources,
      `${line.account}/${line.vpc ?? "-"}/${costFamily(line.kind)}/${line.resource}`,
      line.monthly,
    );
    const eniLine = line.kind === "interface-endpoint" || line.kind === "gwlb-endpoint";
    if (eniLine && line.component === "hours" && line.az !== null && line.vpc !== null) {
      add(enis, `${line.account}/${line.vpc}/${line.resource}/${line.az}`, line.monthly);
    }
  }
  return {
    account: (account) => show(accounts.get(account)),
    vpc: (account, vpc) => show(vpcs.get(`${account}/${vpc}`)),
    resource: (account, vpc, family, resource) =>
      show(resources.get(`${account}/${vpc ?? "-"}/${family}/${resource}`)),
    eni: (account, vpc, endpoint, az) => show(enis.get(`${account}/${vpc}/${endpoint}/${az}`)),
  };
}
