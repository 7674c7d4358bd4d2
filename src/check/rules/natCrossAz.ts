import {
  divideRounded,
  formatMoney,
  formatQuantity,
  type Money,
  type Quantity,
  quantityFromNumber,
} from "../../core/money.js";
import { PriceBook } from "../../pricing/priceBook.js";
import type { Vpc } from "../../topology/topology.js";
import type { NatGatewayDoc } from "../../topology/topologySchema.js";
import { type CheckContext, type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** The NAT gateway ids each route table routes to, with the destinations, in route order. */
function natRoutesOf(vpc: Vpc): Map<string, Map<string, string[]>> {
  const byTable = new Map<string, Map<string, string[]>>();
  for (const table of vpc.routeTables) {
    if (byTable.has(table.id)) continue;
    const nats = new Map<string, string[]>();
    for (const route of table.routes) {
      if (!route.target.startsWith("nat:")) continue;
      const id = route.target.slice("nat:".length);
      nats.set(id, [...(nats.get(id) ?? []), route.destination]);
    }
    byTable.set(table.id, nats);
  }
  return byTable;
}

/**
 * What a NAT gateway's hours (and public IPv4 address) cost a month, as the estimate bills
 * them: the price of one more NAT gateway like it. Null when the catalog cannot price it.
 */
function natMonthly(ctx: CheckContext, vpc: Vpc, nat: NatGatewayDoc): Money | null {
  const hours = ctx.monthlyOf(vpc.account, vpc.id, "nat-gateway", nat.id, "hours");
  const ip =
    nat.connectivity === "public"
      ? ctx.monthlyOf(vpc.account, vpc.id, "nat-gateway", nat.id, "public-ipv4")
      : 0n;
  return hours === null || ip === null ? null : hours + ip;
}

/**
 * A subnet whose route table sends traffic to a NAT gateway in another AZ: that traffic pays
 * inter-AZ transfer, and an outage of the NAT gateway's AZ cuts the subnet off.
 */
export const natCrossAz: CheckRule = {
  id: "nat-cross-az",
  severity: "warning",
  summary: "a subnet whose route table sends traffic to a NAT gateway in another AZ",
  docs: "https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html",
  check(ctx) {
    const findings = [];
    const book = new PriceBook(ctx.catalog);
    for (const { account, vpc, path } of vpcsOf(ctx.topology)) {
      const routes = natRoutesOf(vpc);
      const nats = new Map(vpc.natGateways.map((n) => [n.id, n] as const));
      // NAT gateway id → how many subnets route to it (over which its traffic is spread)
      const fanIn = new Map<string, bigint>();
      for (const subnet of vpc.subnets) {
        for (const id of routes.get(subnet.routeTable ?? "")?.keys() ?? [])
          fanIn.set(id, (fanIn.get(id) ?? 0n) + 1n);
      }
      const rate = book.regional(vpc.region, "interAzGb", path)?.tiers[0]?.rate;
      for (const [s, subnet] of vpc.subnets.entries()) {
        const table = subnet.routeTable;
        if (table === undefined) continue; // the main route table is not modelled
        const far = [...(routes.get(table) ?? [])].flatMap(([id, destinations]) => {
          const nat = nats.get(id);
          return nat && nat.az !== subnet.az ? [{ nat, destinations }] : [];
        });
        if (far.length === 0) continue;
        // linkplan has no per-subnet traffic: each NAT gateway's gbPerMonth is spread evenly
        // over the subnets routed to it, the share rounded to 6 decimals like any quantity
        const share: Quantity = far.reduce(
          (sum, { nat }) =>
            sum + divideRounded(quantityFromNumber(nat.gbPerMonth), fanIn.get(nat.id) ?? 1n),
          0n,
        );
        // each GB crosses the AZ boundary once and is billed out and in, as the estimate
        // bills trafficSources from an AZ without an ENI: 2 × the inter-AZ rate
        const monthly = rate === undefined || share === 0n ? null : share * 2n * rate;
        const natAzs = [...new Set(far.map((f) => f.nat.az))];
        const access = far.some((f) => f.nat.connectivity === "public")
          ? "internet access"
          : "access through the NAT gateway";
        const what = far
          .map(
            ({ nat, destinations }) =>
              `${destinations.join(", ")} to NAT gateway "${nat.id}" in ${nat.az}`,
          )
          .join(" and ");
        const spread = far
          .map(({ nat }) => {
            const n = fanIn.get(nat.id) ?? 1n;
            const gb = formatQuantity(quantityFromNumber(nat.gbPerMonth));
            return `"${nat.id}"'s ${gb} GB a month split evenly over the ${n} ${n === 1n ? "subnet" : "subnets"} routed to it`;
          })
          .join(", ");
        const cost =
          monthly === null
            ? ""
            : ` (about ${formatMoney(monthly)} USD a month, assuming ${spread})`;
        const local = vpc.natGateways.find((n) => n.az === subnet.az);
        const template = far[0]?.nat;
        const extra = local || !template ? null : natMonthly(ctx, vpc, template);
        findings.push(
          findingOf(this, {
            message: `subnet "${subnet.id}" in ${subnet.az} routes ${what} (route table "${table}"): its traffic crosses AZs and pays inter-AZ transfer both ways${cost}, and an outage of ${natAzs.join(", ")} cuts its ${access}`,
            fix: local
              ? `give subnet "${subnet.id}" a route table of its own AZ whose routes go to NAT gateway "${local.id}" in ${subnet.az} (a route table per AZ)`
              : `add a NAT gateway in ${subnet.az}${extra === null ? "" : ` (${formatMoney(extra)} USD a month before data)`} and give each AZ a route table whose routes go to its own AZ's NAT gateway`,
            path: `${path}.subnets[${s}].routeTable`,
            resource: `${account.id}/${vpc.id}/${subnet.id}`,
            ...(monthly === null ? {} : { savingMonthly: formatMoney(monthly) }),
          }),
        );
      }
    }
    return findings;
  },
};
