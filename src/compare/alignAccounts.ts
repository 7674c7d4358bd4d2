import { LinkplanError } from "../core/linkplanError.js";
import type { EndpointTarget, Topology } from "../topology/topology.js";

/** An account of the "before" topology matched to an account of the "after" one. */
export interface AccountPair {
  before: string;
  after: string;
}

/**
 * Which accounts of `before` stand for which accounts of `after` when their ids differ
 * (a dev account against a prod account). Explicit `pairs` win; otherwise, when each side
 * has exactly one account and their ids differ, those two are paired. Unpaired accounts
 * match by id.
 */
export function accountPairs(
  before: Topology,
  after: Topology,
  pairs: readonly AccountPair[] = [],
): AccountPair[] {
  const beforeIds = new Set(before.accounts.map((a) => a.id));
  const afterIds = new Set(after.accounts.map((a) => a.id));
  const problems = pairs.flatMap((pair, i) => [
    ...(beforeIds.has(pair.before)
      ? []
      : [
          {
            path: `pairs[${i}].before`,
            message: `no account "${pair.before}" in the first topology`,
          },
        ]),
    ...(afterIds.has(pair.after)
      ? []
      : [
          {
            path: `pairs[${i}].after`,
            message: `no account "${pair.after}" in the second topology`,
          },
        ]),
  ]);
  if (problems.length > 0) {
    throw new LinkplanError("invalid_request", "account pairs name unknown accounts", problems);
  }
  const chosen = pairs.filter((p) => p.before !== p.after);
  // renaming must keep the first topology's accounts apart: two accounts merged into one
  // would pool their tiers and no longer price as the file does
  const renamed = new Set(chosen.map((p) => p.before));
  const collisions = chosen.flatMap((pair, i) => {
    const clash =
      (beforeIds.has(pair.after) && !renamed.has(pair.after)) ||
      chosen.some((other, j) => j < i && other.after === pair.after);
    const twice = chosen.some((other, j) => j < i && other.before === pair.before);
    return [
      ...(clash
        ? [
            {
              path: `pairs[${pairs.indexOf(pair)}].after`,
              message: `"${pair.after}" would then name two accounts of the first topology`,
            },
          ]
        : []),
      ...(twice
        ? [
            {
              path: `pairs[${pairs.indexOf(pair)}].before`,
              message: `account "${pair.before}" is paired twice`,
            },
          ]
        : []),
    ];
  });
  if (collisions.length > 0) {
    throw new LinkplanError("invalid_request", "account pairs would merge accounts", collisions);
  }
  if (pairs.length > 0) return chosen;
  const [onlyBefore] = before.accounts;
  const [onlyAfter] = after.accounts;
  if (
    before.accounts.length === 1 &&
    after.accounts.length === 1 &&
    onlyBefore &&
    onlyAfter &&
    onlyBefore.id !== onlyAfter.id
  ) {
    return [{ before: onlyBefore.id, after: onlyAfter.id }];
  }
  return [];
}

function renameTarget(target: EndpointTarget, rename: (id: string) => string): EndpointTarget {
  return target.kind === "endpoint-service"
    ? { ...target, account: rename(target.account) }
    : target;
}

/**
 * `before` with its paired accounts renamed to their "after" ids, so lines and diagram
 * items of the two topologies match by id. Returns `before` itself when nothing is paired.
 */
export function renameAccounts(topology: Topology, pairs: readonly AccountPair[]): Topology {
  if (pairs.length === 0) return topology;
  const map = new Map(pairs.map((p) => [p.before, p.after]));
  const rename = (id: string) => map.get(id) ?? id;
  return {
    ...topology,
    accounts: topology.accounts.map((account) => ({
      ...account,
      id: rename(account.id),
      vpcs: account.vpcs.map((vpc) => ({
        ...vpc,
        account: rename(vpc.account),
        endpoints: vpc.endpoints.map((endpoint) =>
          endpoint.type === "gateway"
            ? endpoint
            : { ...endpoint, target: renameTarget(endpoint.target, rename) },
        ) as typeof vpc.endpoints,
      })),
      endpointServices: account.endpointServices.map((s) => ({ ...s, account: rename(s.account) })),
      hostedZones: account.hostedZones.map((z) => ({ ...z, account: rename(z.account) })),
    })),
  };
}
