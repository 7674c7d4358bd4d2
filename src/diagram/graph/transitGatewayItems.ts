import type { Account, Topology, Vpc } from "../../topology/topology.js";
import type { DiagramItem } from "./diagramGraph.js";
import { edge, node } from "./graphElements.js";
import type { GraphContext } from "./vpcItems.js";

/** Ids of transit gateways and their VPC attachments. */
export const tgwIds = {
  gateway: (g: string) => `tgw:${g}`,
  attachment: (v: string, g: string) => `tgw-attachment:${v}/${g}`,
};

type Gateway = Account["transitGateways"][number];
type Attachment = Gateway["attachments"][number];

/** Every transit gateway attachment of the topology, by attached VPC (built once per graph). */
export function attachmentsByVpc(
  topology: Topology,
): Map<string, { gateway: Gateway; attachment: Attachment }[]> {
  const byVpc = new Map<string, { gateway: Gateway; attachment: Attachment }[]>();
  /** "<vpc> <gateway index>" of every attachment listed: a gateway is listed once per VPC */
  const listed = new Set<string>();
  let g = 0;
  for (const account of topology.accounts) {
    for (const gateway of account.transitGateways) {
      for (const attachment of gateway.attachments) {
        const key = `${attachment.vpc} ${g}`;
        if (listed.has(key)) continue;
        listed.add(key);
        const list = byVpc.get(attachment.vpc);
        if (list) list.push({ gateway, attachment });
        else byVpc.set(attachment.vpc, [{ gateway, attachment }]);
      }
      g++;
    }
  }
  return byVpc;
}

/** The attachments of a VPC to transit gateways (of any account), as nodes inside the VPC. */
export function attachmentNodes(
  ctx: GraphContext,
  vpc: Vpc,
  attachments: ReadonlyMap<string, { gateway: Gateway; attachment: Attachment }[]>,
): DiagramItem[] {
  return (attachments.get(vpc.id) ?? []).map(({ gateway, attachment }) => {
    const id = tgwIds.attachment(vpc.id, gateway.id);
    const traffic = attachment.gbPerMonth > 0 ? ` · ${attachment.gbPerMonth} GB/mo` : "";
    edge(ctx, id, tgwIds.gateway(gateway.id), "attachment", null);
    return node(
      id,
      "tgw-attachment",
      `${gateway.name ?? gateway.id} attachment`,
      `transit gateway attachment${traffic}`,
      ctx.costs.resource(vpc.account, vpc.id, "transit-gateway", gateway.id),
      "transit gateway attachment",
    );
  });
}

/** The transit gateways of an account in one region, as nodes of the region group. */
export function gatewayNodes(account: Account, region: string): DiagramItem[] {
  return account.transitGateways
    .filter((g) => g.region === region)
    .map((g) =>
      node(
        tgwIds.gateway(g.id),
        "transit-gateway",
        g.name ?? g.id,
        `transit gateway · ${g.attachments.length} attachment${g.attachments.length === 1 ? "" : "s"}`,
        null,
        "transit gateway",
      ),
    );
}

/** Regions an account has VPCs or transit gateways in, in order of appearance. */
export function accountRegions(account: Account): string[] {
  return [
    ...new Set([
      ...account.vpcs.map((v) => v.region),
      ...account.transitGateways.map((g) => g.region),
    ]),
  ];
}
