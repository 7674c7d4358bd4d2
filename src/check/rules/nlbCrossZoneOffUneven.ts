import { formatRate } from "../../core/money.js";
import { PriceBook } from "../../pricing/priceBook.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/**
 * A Network Load Balancer with cross-zone load balancing off and AZs without registered
 * targets: its node in such an AZ has nowhere to send what arrives there.
 */
export const nlbCrossZoneOffUneven: CheckRule = {
  id: "nlb-cross-zone-off-uneven",
  severity: "warning",
  summary:
    "a Network Load Balancer with cross-zone load balancing off and AZs without registered targets",
  docs: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing",
  check({ topology, catalog }) {
    const findings = [];
    const book = new PriceBook(catalog);
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [i, lb] of vpc.loadBalancers.entries()) {
        if (lb.type !== "network" || lb.crossZone) continue;
        const targets = new Set(lb.targetAzs ?? lb.azs);
        const empty = lb.azs.filter((az) => !targets.has(az));
        if (empty.length === 0) continue;
        const services = account.endpointServices
          .filter((s) => s.vpc === vpc.id && s.loadBalancer === lb.id)
          .map((s) => `"${s.id}"`);
        const from =
          services.length === 0
            ? "clients or endpoints there"
            : `endpoints of endpoint ${services.length === 1 ? "service" : "services"} ${services.join(", ")} there`;
        const where = empty.join(", ");
        const has =
          targets.size === 0
            ? "no registered targets"
            : `registered targets in ${lb.azs.filter((az) => targets.has(az)).join(", ")} only`;
        const nodes = empty.length === 1 ? "its node" : "its nodes";
        const rate = book.regional(vpc.region, "interAzGb", path)?.tiers[0]?.rate;
        const price = rate === undefined ? "" : ` (${formatRate(rate)} USD per GB each way)`;
        findings.push(
          findingOf(this, {
            message: `network load balancer "${lb.id}" has cross-zone load balancing off and ${has}: connections arriving at ${nodes} in ${where} (from ${from}) find no target and fail`,
            fix:
              targets.size === 0
                ? `register targets in ${lb.azs.join(", ")} (targetAzs)`
                : `register targets in ${where} (targetAzs), or set crossZone: true, which sends traffic to targets in other AZs and pays inter-AZ transfer for it${price}`,
            path: `${path}.loadBalancers[${i}]`,
            resource: `${account.id}/${vpc.id}/${lb.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
