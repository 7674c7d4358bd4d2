import { divideRounded, QUANTITY_UNIT, quantityFromNumber } from "../../core/money.js";
import type { Account } from "../../topology/topology.js";
import {
  addFreeLine,
  addPendingUsageLine,
  addTieredLines,
  type CostContext,
  type LineOwner,
} from "./costContext.js";

/**
 * Route 53 lines: each hosted zone per month (tiered per account: first 25 zones, then the
 * lower rate), standard queries in millions (tiered per account), alias queries free.
 * Zones are monthly charges and do not scale with hours per month.
 */
export function addHostedZoneCosts(ctx: CostContext, account: Account, path: string): void {
  account.hostedZones.forEach((zone, z) => {
    const owner: LineOwner = {
      account: account.id,
      vpc: null,
      region: "global",
      resource: zone.id,
      kind: "hosted-zone",
      path: `${path}.hostedZones[${z}]`,
    };
    const kind = zone.private ? "private" : "public";
    addTieredLines(
      ctx,
      owner,
      ctx.book.global("route53HostedZone", owner.path),
      `${account.id}/route53HostedZone`,
      {
        component: "zone",
        description: `${kind} hosted zone ${zone.name}`,
        quantity: QUANTITY_UNIT,
      },
    );
    const queries = {
      component: "queries",
      description: `${zone.name}: standard queries`,
      // in millions of queries: queries / 1e6 in micro-units is the query count
      quantity: divideRounded(quantityFromNumber(zone.queriesPerMonth), QUANTITY_UNIT),
    };
    const pool = `${account.id}/route53Queries`;
    const price = ctx.book.global("route53Queries", owner.path);
    if (zone.queriesPerMonth > 0) addTieredLines(ctx, owner, price, pool, queries);
    else if (zone.source)
      addPendingUsageLine(ctx, owner, price, queries, zone.source.terraform, pool);
    if (zone.aliasQueriesPerMonth > 0) {
      addFreeLine(ctx, owner, {
        component: "alias-queries",
        description: `${zone.name}: alias queries to AWS resources are free`,
        quantity: divideRounded(quantityFromNumber(zone.aliasQueriesPerMonth), QUANTITY_UNIT),
        unit: "million queries",
      });
    }
  });
}
