import { parseTopology } from "./parseTopology.js";
import type { Topology } from "./topology.js";
import type { EndpointDoc, TopologyDoc } from "./topologySchema.js";

/** A topology as validated by `parseTopology` (ENIs resolved) or as authored (`parseTopologyDoc`). */
export type AnyTopology = Topology | TopologyDoc;

/** True for the normalized form, by its tag (`form: "normalized"`), never by guessing. */
export function isNormalized(topology: AnyTopology): topology is Topology {
  return "form" in topology && topology.form === "normalized";
}

/**
 * The authored form of a normalized topology: resolved ENIs become explicit subnets (every
 * subnet, defaults included, is listed on the VPC), derived fields are dropped.
 */
export function toDoc(topology: Topology): TopologyDoc {
  const { form: _form, ...rest } = topology;
  return {
    ...rest,
    accounts: topology.accounts.map((account) => ({
      ...account,
      vpcs: account.vpcs.map(({ account: _account, ...vpc }) => ({
        ...vpc,
        endpoints: vpc.endpoints.map((endpoint): EndpointDoc => {
          if (endpoint.type === "gateway") return endpoint;
          const { enis, target: _target, ...rest } = endpoint;
          return { ...rest, subnets: enis.map((eni) => eni.subnet) } as EndpointDoc;
        }),
      })),
      endpointServices: account.endpointServices.map(
        ({ account: _account, region: _region, ...service }) => service,
      ),
      hostedZones: account.hostedZones.map(({ account: _account, ...zone }) => zone),
    })),
  };
}

/** The normalized form of either (a document is validated and normalized). */
export function normalized(topology: AnyTopology): Topology {
  return isNormalized(topology) ? topology : parseTopology(topology);
}

/**
 * Run a document transform on either form and answer in the form given: a normalized
 * topology in, a normalized (re-validated) topology out, so it can be estimated directly.
 */
export function inSameForm<T extends AnyTopology>(
  topology: T,
  transform: (doc: TopologyDoc) => TopologyDoc,
): T {
  if (!isNormalized(topology)) return transform(topology as TopologyDoc) as T;
  return parseTopology(transform(toDoc(topology))) as T;
}
