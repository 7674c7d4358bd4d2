import type { Account } from "../../model/topology.js";
import { jsonReply } from "../jsonReply.js";
import type { OperationContext, OperationReply } from "../operation.js";
import { readTopology } from "../readTopology.js";

/** POST /v1/validate: a topology in, `{ valid: true, …counts }` out (or a 422 problem). */
export function validateOperation(body: unknown, ctx: OperationContext): OperationReply {
  const topology = readTopology(body, ctx.limits);
  const sum = (f: (a: Account) => number) => topology.accounts.reduce((n, a) => n + f(a), 0);
  return jsonReply({
    valid: true as const,
    accounts: topology.accounts.length,
    vpcs: sum((a) => a.vpcs.length),
    endpoints: sum((a) => a.vpcs.reduce((n, v) => n + v.endpoints.length, 0)),
    endpointServices: sum((a) => a.endpointServices.length),
    hostedZones: sum((a) => a.hostedZones.length),
  });
}
