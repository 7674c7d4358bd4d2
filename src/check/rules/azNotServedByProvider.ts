import { AWS_REGIONS } from "../../topology/awsReference.js";
import type { Account, Eni, LoadBalancer } from "../../topology/topology.js";
import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** Where an ENI's AZ is not served, in words: the AZs as the message and fix name them. */
interface Unserved {
  eniAz: string;
  lbAzs: string;
  fix: string;
  note: string;
}

/** AZ names each as "name (ID)" when its account maps it. */
const withId = (az: string, ids: Account["azIds"]) =>
  ids?.[az] === undefined ? az : `${az} (${ids[az]})`;

/** The account's name for an AZ ID, if it maps one. */
const nameOf = (account: Account, azId: string) =>
  Object.entries(account.azIds ?? {}).find(([, i]) => i === azId)?.[0];

/** An AZ ID with the account's name for it, when known: use1-az6 (us-east-1c of account "p"). */
const idIn = (azId: string, account: Account) => {
  const name = nameOf(account, azId);
  return name === undefined ? azId : `${azId} (${name} of account "${account.id}")`;
};

/**
 * Compare by AZ ID (the physical zone) when both accounts map every AZ involved: null when
 * the ENI's AZ is served, how to say it is not, or undefined when an ID is unknown.
 */
function byId(
  eni: Eni,
  lb: LoadBalancer,
  consumer: Account,
  provider: Account,
): Unserved | null | undefined {
  const id = consumer.azIds?.[eni.az];
  const lbIds: string[] = [];
  for (const az of lb.azs) {
    const lbId = provider.azIds?.[az];
    if (lbId === undefined) return undefined;
    lbIds.push(lbId);
  }
  if (id === undefined) return undefined;
  if (lbIds.includes(id)) return null;
  return {
    eniAz: `${eni.az} (${id})`,
    lbAzs: `${lb.azs.map((az) => withId(az, provider.azIds)).join(", ")} of account "${provider.id}"`,
    fix: `enable the load balancer in ${idIn(id, provider)}, or place the endpoint in ${lbIds.map((i) => idIn(i, consumer)).join(" or ")}`,
    note: "",
  };
}

/** A consumer ENI in an AZ where the provider's load balancer has no subnet. */
export const azNotServedByProvider: CheckRule = {
  id: "az-not-served-by-provider",
  severity: "error",
  summary: "a consumer endpoint in an AZ where the endpoint service's load balancer has no subnet",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html#endpoint-service-availability-zones",
  check({ topology, lookup }) {
    const findings = [];
    const accounts = new Map(topology.accounts.map((a) => [a.id, a] as const));
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type === "gateway" || endpoint.target.kind !== "endpoint-service") continue;
        const service = lookup.services.get(endpoint.target.endpointService);
        const lbVpc = service ? lookup.vpcs.get(service.vpc) : undefined;
        const lb = lbVpc?.loadBalancers.find((l) => l.id === service?.loadBalancer);
        if (!service || !lbVpc || !lb || lbVpc.region !== vpc.region) continue;
        const provider = accounts.get(service.account);
        const otherAccount = service.account !== account.id;
        for (const eni of endpoint.enis) {
          const ids = otherAccount && provider ? byId(eni, lb, account, provider) : undefined;
          if (ids === null || (ids === undefined && lb.azs.includes(eni.az))) continue;
          const unserved = ids ?? {
            eniAz: eni.az,
            lbAzs: lb.azs.join(", "),
            fix: `enable the load balancer in ${eni.az}, or place the endpoint in ${lb.azs.join(" or ")}`,
            note: otherAccount
              ? `; AZ names differ between accounts, compare AZ IDs (e.g. ${AWS_REGIONS.get(vpc.region)?.azIds[0] ?? "use1-az1"})`
              : "",
          };
          findings.push(
            findingOf(this, {
              message: `endpoint "${endpoint.id}" has an ENI in ${unserved.eniAz}, where load balancer "${lb.id}" of endpoint service "${service.id}" has no subnet (it is in ${unserved.lbAzs})${unserved.note}`,
              fix: unserved.fix,
              path: `${path}.endpoints[${e}]`,
              resource: `${account.id}/${vpc.id}/${endpoint.id}`,
            }),
          );
        }
      }
    }
    return findings;
  },
};
