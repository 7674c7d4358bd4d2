import { quantityFromNumber } from "../../core/money.js";
import type { Vpc } from "../../topology/topology.js";
import {
  addLine,
  addPendingUsageLine,
  type CostContext,
  type LineOwner,
  ONE,
} from "./costContext.js";

/** NAT gateway lines: hours, data processed and, for public ones, the public IPv4 address. */
export function addNatGatewayCosts(ctx: CostContext, vpc: Vpc, path: string): void {
  vpc.natGateways.forEach((nat, n) => {
    const owner: LineOwner = {
      account: vpc.account,
      vpc: vpc.id,
      region: vpc.region,
      resource: nat.id,
      kind: "nat-gateway",
      path: `${path}.natGateways[${n}]`,
    };
    const book = ctx.book;
    addLine(ctx, owner, book.regional(vpc.region, "natGatewayHour", owner.path), {
      component: "hours",
      az: nat.az,
      description: `NAT gateway ${nat.id} in ${nat.az}: hours`,
      quantity: ctx.hours,
      unitsPerHour: ONE,
    });
    const gb = quantityFromNumber(nat.gbPerMonth);
    const gbPrice = book.regional(vpc.region, "natGatewayGb", owner.path);
    const data = {
      component: "data",
      az: nat.az,
      description: `NAT gateway ${nat.id}: data processed`,
      quantity: gb,
      unit: "GB",
    };
    if (gb > 0n) addLine(ctx, owner, gbPrice, data);
    else if (nat.source) addPendingUsageLine(ctx, owner, gbPrice, data, nat.source.terraform);
    if (nat.connectivity === "public") {
      addLine(ctx, owner, book.regional(vpc.region, "publicIpv4Hour", owner.path), {
        component: "public-ipv4",
        az: nat.az,
        description: `NAT gateway ${nat.id}: public IPv4 address`,
        quantity: ctx.hours,
        unitsPerHour: ONE,
      });
    }
  });
}
