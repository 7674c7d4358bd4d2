import { GATEWAY_SERVICES } from "../core/gatewayServices.js";
import { LinkplanError } from "../core/linkplanError.js";
import { type AnyTopology, inSameForm } from "../topology/topologyForm.js";
import type { EndpointDoc, TopologyDoc, VpcDoc } from "../topology/topologySchema.js";
import {
  endpointIdsNear,
  eniAzsOf,
  findVpc,
  fromMicroGb,
  idForService,
  toMicroGb,
  uniqueId,
} from "./topologyEdits.js";

export interface NatToEndpointsOptions {
  /** which destinations to move (default: every NAT destination) */
  services?: string[];
  /** only this VPC (default: every VPC) */
  vpc?: string;
}

/** The endpoint of the VPC that would carry traffic to `service`, creating it if needed. */
function endpointFor(vpc: VpcDoc, service: string, taken: () => Set<string>): EndpointDoc {
  const gateway = GATEWAY_SERVICES.has(service);
  const found =
    vpc.endpoints.find((e) => e.type === "gateway" && e.service === service) ??
    vpc.endpoints.find((e) => e.type === "interface" && e.service === service);
  if (found) return found;
  const id = uniqueId(idForService(service), taken());
  const created: EndpointDoc = gateway
    ? {
        id,
        type: "gateway",
        service,
        gbPerMonth: 0,
        trafficSources: [],
        // every route table a private subnet uses, so the whole VPC reaches it
        routeTables: [
          ...new Set(
            (vpc.subnets ?? [])
              .filter((s) => s.tier === "private" && s.routeTable !== undefined)
              .map((s) => s.routeTable as string),
          ),
        ],
      }
    : {
        id,
        type: "interface",
        service,
        gbPerMonth: 0,
        trafficSources: [],
        securityGroups: [],
        privateDns: true,
      };
  vpc.endpoints.push(created);
  return created;
}

/** `make`'s value, made on the first call only. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function moveVpc(
  vpc: VpcDoc,
  wanted: (service: string) => boolean,
  moved: Set<string>,
  /** ids a new endpoint must avoid (computed once, when the first one is created) */
  taken: () => Set<string>,
): VpcDoc {
  const copy: VpcDoc = {
    ...vpc,
    endpoints: vpc.endpoints.map((e) => ({
      ...e,
      trafficSources: e.trafficSources.map((s) => ({ ...s })),
    })) as EndpointDoc[],
    natGateways: vpc.natGateways.map((nat) => ({ ...nat, destinations: [...nat.destinations] })),
  };
  for (const nat of copy.natGateways) {
    const keep = nat.destinations.filter((d) => !wanted(d.service));
    for (const destination of nat.destinations) {
      if (!wanted(destination.service)) continue;
      moved.add(destination.service);
      const micro = toMicroGb(destination.gbPerMonth);
      const endpoint = endpointFor(copy, destination.service, taken);
      endpoint.gbPerMonth = fromMicroGb(toMicroGb(endpoint.gbPerMonth) + micro);
      // traffic from an AZ without an ENI of the endpoint crosses AZs (priced by estimate)
      if (endpoint.type === "interface" && !eniAzsOf(endpoint, copy).includes(nat.az)) {
        const source = endpoint.trafficSources.find((s) => s.az === nat.az);
        if (source) source.gbPerMonth = fromMicroGb(toMicroGb(source.gbPerMonth) + micro);
        else endpoint.trafficSources.push({ az: nat.az, gbPerMonth: fromMicroGb(micro) });
      }
      nat.gbPerMonth = fromMicroGb(Math.max(0, toMicroGb(nat.gbPerMonth) - micro));
    }
    nat.destinations = keep;
  }
  return copy;
}

/**
 * Send the NAT gateways' traffic to AWS services (their `destinations`) through VPC
 * endpoints instead: gateway endpoints (free) for S3 and DynamoDB, interface endpoints in
 * every AZ of the VPC otherwise; an existing endpoint for the service takes the traffic.
 * The NAT gateways stay (they still carry internet traffic) with that traffic removed.
 * Pure: returns a new topology in the form given (normalized or authored).
 */
export function natToEndpoints<T extends AnyTopology>(
  topology: T,
  options: NatToEndpointsOptions = {},
): T {
  return inSameForm(topology, (doc) => moveNatTraffic(doc, options));
}

function moveNatTraffic(doc: TopologyDoc, options: NatToEndpointsOptions): TopologyDoc {
  const only = options.vpc === undefined ? null : findVpc(doc, options.vpc, "vpc").vpc.id;
  const services = options.services;
  const wanted = (service: string) => services === undefined || services.includes(service);
  const moved = new Set<string>();
  const result: TopologyDoc = {
    ...doc,
    accounts: doc.accounts.map((account) => ({
      ...account,
      vpcs: account.vpcs.map((vpc) =>
        only !== null && vpc.id !== only
          ? vpc
          : moveVpc(
              vpc,
              wanted,
              moved,
              once(() => endpointIdsNear(doc, vpc.id)),
            ),
      ),
    })),
  };
  if (moved.size === 0) {
    throw new LinkplanError("invalid_request", "no NAT traffic to move", [
      {
        path: services === undefined ? "natGateways" : "services",
        message:
          services === undefined
            ? "no NAT gateway lists destinations; add natGateways[].destinations (service and gbPerMonth) for the traffic bound for AWS services"
            : `no NAT gateway${only ? ` in VPC "${only}"` : ""} sends traffic to ${services.join(", ")}`,
      },
    ]);
  }
  const missing = (services ?? []).filter((s) => !moved.has(s));
  if (missing.length > 0) {
    throw new LinkplanError(
      "invalid_request",
      "some services have no NAT traffic",
      missing.map((s) => ({
        path: `services[${(services ?? []).indexOf(s)}]`,
        message: `no NAT gateway${only ? ` in VPC "${only}"` : ""} lists a destination "${s}"`,
      })),
    );
  }
  return result;
}
