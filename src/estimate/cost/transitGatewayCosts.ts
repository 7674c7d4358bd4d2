import { quantityFromNumber } from "../../core/money.js";
import type { Account, Vpc } from "../../topology/topology.js";
import {
  addLine,
  addPendingUsageLine,
  type CostContext,
  type LineOwner,
  ONE,
} from "./costContext.js";

/**
 * Transit gateway lines: per attachment, attachment-hours and the data the attachment
 * sends to the gateway. Both are billed to the attached VPC's account, so the lines belong
 * to that account and VPC.
 */
export function addTransitGatewayCosts(
  ctx: CostContext,
  account: Account,
  vpcs: ReadonlyMap<string, Vpc>,
  path: string,
): void {
  account.transitGateways.forEach((gateway, g) => {
    gateway.attachments.forEach((attachment, i) => {
      const vpc = vpcs.get(attachment.vpc);
      const owner: LineOwner = {
        account: vpc?.account ?? account.id,
        vpc: attachment.vpc,
        region: gateway.region,
        resource: gateway.id,
        kind: "transit-gateway",
        path: `${path}.transitGateways[${g}].attachments[${i}]`,
      };
      addLine(
        ctx,
        owner,
        ctx.book.regional(gateway.region, "transitGatewayAttachmentHour", owner.path),
        {
          component: "attachment-hours",
          description: `transit gateway ${gateway.id}: attachment of ${attachment.vpc}`,
          quantity: ctx.hours,
          unitsPerHour: ONE,
        },
      );
      const gbPrice = ctx.book.regional(gateway.region, "transitGatewayGb", owner.path);
      const gb = quantityFromNumber(attachment.gbPerMonth);
      const data = {
        component: "data",
        description: `transit gateway ${gateway.id}: data sent from ${attachment.vpc}`,
        quantity: gb,
        unit: "GB",
      };
      if (gb > 0n) addLine(ctx, owner, gbPrice, data);
      else if (gateway.source) {
        addPendingUsageLine(ctx, owner, gbPrice, data, gateway.source.terraform);
      }
    });
  });
}
