import { copyFields } from "./copyFields.js";
import { subnetsOf } from "./defaultSubnets.js";
import { EndpointReferences } from "./endpointReferences.js";
import { placedEndpoint } from "./placedEndpoint.js";
import { type SubnetLookup, subnetLookup } from "./subnetLookup.js";
import type { EndpointTarget, Eni, Topology, Vpc } from "./topology.js";
import type { TopologyIndex } from "./topologyIndex.js";
import type { InterfaceEndpointDoc, SubnetDoc, TopologyDoc, VpcDoc } from "./topologySchema.js";

/**
 * The ENIs of an interface or GWLB endpoint: one per subnet, or per AZ (a private subnet of
 * it). Pass the VPC's subnets as a lookup (`subnetLookup`) when placing many endpoints.
 */
export function enisOf(
  endpoint: Pick<InterfaceEndpointDoc, "azs" | "subnets">,
  vpc: VpcDoc,
  subnets: readonly SubnetDoc[] | SubnetLookup,
): Eni[] {
  const lookup = "byId" in subnets ? subnets : subnetLookup(subnets);
  if (endpoint.subnets) {
    return endpoint.subnets.map((ref) => ({ az: lookup.byId.get(ref)?.az ?? "", subnet: ref }));
  }
  return (endpoint.azs ?? vpc.azs).map((az) => ({
    az,
    subnet: lookup.defaultInAz.get(az)?.id ?? `private-${az}`,
  }));
}

function targetOf(
  endpoint: Pick<InterfaceEndpointDoc, "endpointService" | "serviceName"> & { service?: string },
  index: TopologyIndex,
): EndpointTarget {
  if (endpoint.endpointService !== undefined) {
    const found = index.services.get(endpoint.endpointService);
    return {
      kind: "endpoint-service",
      endpointService: endpoint.endpointService,
      account: found?.account.id ?? "",
      vpc: found?.service.vpc ?? "",
    };
  }
  if (endpoint.serviceName !== undefined)
    return { kind: "external", serviceName: endpoint.serviceName };
  return { kind: "aws-service", service: endpoint.service ?? "" };
}

function normalizeVpc(vpc: VpcDoc, account: string, index: TopologyIndex): Vpc {
  const subnets = subnetsOf(vpc);
  const lookup = subnetLookup(subnets);
  return copyFields(vpc, ["subnets", "endpoints", "loadBalancers"], {
    account,
    subnets,
    endpoints: vpc.endpoints.map((endpoint) =>
      endpoint.type === "gateway"
        ? endpoint
        : placedEndpoint(endpoint, enisOf(endpoint, vpc, lookup), targetOf(endpoint, index)),
    ) as Vpc["endpoints"],
    loadBalancers: vpc.loadBalancers.map((lb) =>
      copyFields(lb, ["azs"], { azs: lb.azs ?? vpc.azs }),
    ),
  });
}

/**
 * Fill defaults and resolve references of a document that passed `checkTopology`: ENIs
 * placed, endpoint targets and alias targets ("vpc/endpoint") resolved, the result tagged
 * `form: "normalized"`.
 */
export function normalizeTopology(doc: TopologyDoc, index: TopologyIndex): Topology {
  const references = new EndpointReferences(index);
  return copyFields(doc, ["$schema", "accounts"], {
    form: "normalized",
    accounts: doc.accounts.map((account) =>
      copyFields(account, ["vpcs", "endpointServices", "hostedZones"], {
        vpcs: account.vpcs.map((vpc) => normalizeVpc(vpc, account.id, index)),
        endpointServices: account.endpointServices.map((service) =>
          copyFields(service, [], {
            account: account.id,
            region: index.vpcs.get(service.vpc)?.vpc.region ?? "",
          }),
        ),
        hostedZones: account.hostedZones.map((zone) =>
          copyFields(zone, ["records"], {
            account: account.id,
            records: zone.records.map((record) =>
              record.aliasToEndpoint === undefined
                ? record
                : {
                    ...record,
                    aliasToEndpoint:
                      references.qualifiedAlias(zone, record.aliasToEndpoint) ??
                      record.aliasToEndpoint,
                  },
            ),
          }),
        ),
      }),
    ),
  });
}
