import type * as z from "zod";
import type { AccountSchema } from "../../topology/topologySchema.js";
import type { MappingContext } from "./mappingContext.js";

type AccountInput = z.input<typeof AccountSchema>;

/** The accounts of the mapped elements, in order of first appearance (at least one). */
export function buildAccounts(
  ctx: MappingContext,
  fallback: string,
  names: ReadonlyMap<string, string>,
): AccountInput[] {
  const accounts = new Map<
    string,
    Required<
      Pick<AccountInput, "vpcs" | "endpointServices" | "hostedZones" | "transitGateways">
    > & { id: string }
  >();
  const account = (id: string) => {
    let found = accounts.get(id);
    if (!found) {
      const name = names.get(id);
      found = {
        id,
        ...(name !== undefined && { name }),
        vpcs: [],
        endpointServices: [],
        hostedZones: [],
        transitGateways: [],
      };
      accounts.set(id, found);
    }
    return found;
  };
  for (const vpc of ctx.vpcs.values()) account(vpc.account).vpcs.push(vpc.doc);
  for (const s of ctx.endpointServices.values()) account(s.account).endpointServices.push(s.doc);
  for (const z of ctx.hostedZones.values()) account(z.account).hostedZones.push(z.doc);
  for (const t of ctx.transitGateways.values()) account(t.account).transitGateways.push(t.doc);
  if (accounts.size === 0) account(fallback);
  return [...accounts.values()];
}
