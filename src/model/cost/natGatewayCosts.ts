import { quantityFromNumber } from "../money.js";
import type { Topology } from "../topology.js";
import { addLine, type CostContext, type LineOwner, ONE } from "./costContext.js";

/** NAT gateway lines: hours, data processed and, for public ones, the public IPv4 address. */
export function addNatGatewayCosts(ctx: CostContext, topology: Topology): void {
  topology.accounts.forEach((account, a) => {
    account.vpcs.forEach((vpc, v) => {
      vpc.natGateways.forEach((nat, n) => {
        const owner: LineOwner = {
          account: account.id,
          vpc: vpc.id,
          region: vpc.region,
          resource: nat.id,
          kind: "nat-gateway",
          path: `accounts[${a}].vpcs[${v}].natGateways[${n}]`,
        };
        const book = ctx.book;
        addLine(ctx, owner, book.regional(vpc.region, "natGatewayHour", owner.path), {
          component: "hours",
          az: nat.az,
          description: `NAT gateway ${nat.id} in ${nat.az}: hours`,
          quantity: ctx.hours,
          unitsPerHour: ONE,
        });
        addLine(ctx, owner, book.regional(vpc.region, "natGatewayGb", owner.path), {
          component: "data",
          az: nat.az,
          description: `NAT gateway ${nat.id}: data processed`,
          quantity: quantityFromNumber(nat.gbPerMonth),
          unit: "GB",
        });
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
    });
  });
}
