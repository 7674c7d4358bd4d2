import { LinkplanError } from "../core/linkplanError.js";
import { EndpointReferences } from "../topology/endpointReferences.js";
import { type AnyTopology, inSameForm } from "../topology/topologyForm.js";
import { indexTopology } from "../topology/topologyIndex.js";
import type {
  AccountDoc,
  HostedZoneDoc,
  InterfaceEndpointDoc,
  TopologyDoc,
  TransitGatewayDoc,
  VpcDoc,
} from "../topology/topologySchema.js";
import {
  endpointIdsNear,
  findVpc,
  fromMicroGb,
  idForService,
  toMicroGb,
  uniqueId,
} from "./topologyEdits.js";

export interface CentralizeEndpointsOptions {
  /** the VPC that keeps the shared endpoints */
  hubVpc: string;
  /** which AWS services to centralise (default: every one the spokes have) */
  services?: string[];
}

/** The regional DNS name of an AWS service's endpoint ("ecr.api" → "api.ecr.<region>.amazonaws.com"). */
export function serviceDnsName(service: string, region: string): string {
  return `${service.split(".").reverse().join(".")}.${region}.amazonaws.com`;
}

const isAwsService = (e: { type: string }): e is InterfaceEndpointDoc & { service: string } =>
  e.type === "interface" &&
  (e as InterfaceEndpointDoc).service !== undefined &&
  (e as InterfaceEndpointDoc).endpointService === undefined &&
  (e as InterfaceEndpointDoc).serviceName === undefined;

interface Moved {
  service: string;
  /** micro-GB per spoke VPC id */
  spokes: Map<string, number>;
  sources: InterfaceEndpointDoc["trafficSources"];
}

/**
 * The hub-and-spoke alternative: interface endpoints to AWS services in the other VPCs of
 * the hub's region move into the hub VPC (one per service, in every hub AZ, carrying the
 * spokes' traffic); each spoke and the hub get a transit gateway attachment (spokes send
 * their endpoint traffic through it), and a private hosted zone per service, associated
 * with the hub and its spokes, aliases the service name to the hub endpoint. Pure.
 */
export function centralizeEndpoints<T extends AnyTopology>(
  topology: T,
  options: CentralizeEndpointsOptions,
): T {
  return inSameForm(topology, (doc) => centralizeDoc(doc, options));
}

function centralizeDoc(doc: TopologyDoc, options: CentralizeEndpointsOptions): TopologyDoc {
  const copy = structuredClone(doc);
  // alias targets resolve against the document as given, before spokes lose endpoints
  const original = new EndpointReferences(indexTopology(doc));
  const { vpc: hub, account: hubAccount } = findVpc(copy, options.hubVpc, "hubVpc");
  const wanted = (s: string) => options.services === undefined || options.services.includes(s);
  const moved = new Map<string, Moved>();
  // which endpoint of a spoke went where, for workloads and alias records
  const replaced = new Map<string, string>();
  for (const account of copy.accounts) {
    for (const vpc of account.vpcs) {
      if (vpc.id === hub.id || vpc.region !== hub.region) continue;
      const keep = vpc.endpoints.filter((e) => !(isAwsService(e) && wanted(e.service)));
      for (const endpoint of vpc.endpoints) {
        if (!isAwsService(endpoint) || !wanted(endpoint.service)) continue;
        let entry = moved.get(endpoint.service);
        if (!entry) {
          entry = { service: endpoint.service, spokes: new Map(), sources: [] };
          moved.set(endpoint.service, entry);
        }
        entry.spokes.set(vpc.id, (entry.spokes.get(vpc.id) ?? 0) + toMicroGb(endpoint.gbPerMonth));
        // traffic from other regions keeps its path; AZ sources stay in-AZ (attachments per AZ)
        entry.sources.push(...endpoint.trafficSources.filter((s) => s.region !== undefined));
        replaced.set(`${vpc.id}/${endpoint.id}`, endpoint.service);
      }
      vpc.endpoints = keep;
    }
  }
  if (moved.size === 0) {
    throw new LinkplanError("invalid_request", "nothing to centralise", [
      {
        path: options.services === undefined ? "hubVpc" : "services",
        message: `no other VPC in ${hub.region} has an interface endpoint to ${options.services === undefined ? "an AWS service" : options.services.join(", ")}`,
      },
    ]);
  }
  const missing = (options.services ?? []).filter((service) => !moved.has(service));
  if (missing.length > 0) {
    throw new LinkplanError(
      "invalid_request",
      "some services have no endpoint to centralise",
      missing.map((service) => ({
        path: `services[${options.services?.indexOf(service)}]`,
        message: `no other VPC in ${hub.region} has an interface endpoint to ${service}`,
      })),
    );
  }
  const hubEndpointIds = addHubEndpoints(hub, moved, endpointIdsNear(copy, hub.id));
  const spokeIds = [...new Set([...moved.values()].flatMap((m) => [...m.spokes.keys()]))];
  repointReferences(copy, original, replaced, hub.id, hubEndpointIds);
  addTransitGateway(copy, hubAccount, hub, spokeIds, moved);
  addZones(copy, hubAccount, hub, moved, hubEndpointIds);
  return copy;
}

function addHubEndpoints(
  hub: VpcDoc,
  moved: Map<string, Moved>,
  taken: Set<string>,
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of moved.values()) {
    const total = [...entry.spokes.values()].reduce((a, b) => a + b, 0);
    let endpoint = hub.endpoints.find(
      (e): e is InterfaceEndpointDoc => isAwsService(e) && e.service === entry.service,
    );
    if (!endpoint) {
      endpoint = {
        id: uniqueId(idForService(entry.service), taken),
        type: "interface",
        service: entry.service,
        gbPerMonth: 0,
        trafficSources: [],
        securityGroups: [],
        privateDns: false,
      };
      hub.endpoints.push(endpoint);
    }
    // the shared zone answers for the service name, so the hub's own private DNS is off
    endpoint.privateDns = false;
    endpoint.gbPerMonth = fromMicroGb(toMicroGb(endpoint.gbPerMonth) + total);
    // one source per region: spokes fed from the same region add up
    for (const source of entry.sources) {
      const same = endpoint.trafficSources.find(
        (s) => s.region === source.region && s.az === undefined,
      );
      if (same)
        same.gbPerMonth = fromMicroGb(toMicroGb(same.gbPerMonth) + toMicroGb(source.gbPerMonth));
      else endpoint.trafficSources.push({ ...source });
    }
    ids.set(entry.service, endpoint.id);
  }
  return ids;
}

function repointReferences(
  doc: TopologyDoc,
  references: EndpointReferences,
  replaced: Map<string, string>,
  hubId: string,
  hubEndpointIds: Map<string, string>,
): void {
  for (const account of doc.accounts) {
    for (const vpc of account.vpcs) {
      for (const workload of vpc.workloads) {
        workload.uses = workload.uses.filter((ref) => !replaced.has(`${vpc.id}/${ref}`));
      }
    }
    for (const zone of account.hostedZones) {
      for (const record of zone.records) {
        const ref = record.aliasToEndpoint;
        if (ref === undefined) continue;
        const key = references.qualifiedAlias(zone, ref);
        const service = key === undefined ? undefined : replaced.get(key);
        if (service !== undefined)
          record.aliasToEndpoint = `${hubId}/${hubEndpointIds.get(service)}`;
      }
    }
  }
}

function addTransitGateway(
  doc: TopologyDoc,
  hubAccount: AccountDoc,
  hub: VpcDoc,
  spokeIds: string[],
  moved: Map<string, Moved>,
): void {
  let gateway: TransitGatewayDoc | undefined = hubAccount.transitGateways.find(
    (g) => g.region === hub.region,
  );
  if (!gateway) {
    const taken = new Set(doc.accounts.flatMap((a) => a.transitGateways.map((g) => g.id)));
    gateway = { id: uniqueId(`${hub.id}-tgw`, taken), region: hub.region, attachments: [] };
    hubAccount.transitGateways.push(gateway);
  }
  const attach = (vpc: string, micro: number) => {
    const found = gateway.attachments.find((a) => a.vpc === vpc);
    if (found) found.gbPerMonth = fromMicroGb(toMicroGb(found.gbPerMonth) + micro);
    else gateway.attachments.push({ vpc, gbPerMonth: fromMicroGb(micro) });
  };
  attach(hub.id, 0);
  for (const spoke of spokeIds) {
    const micro = [...moved.values()].reduce((sum, m) => sum + (m.spokes.get(spoke) ?? 0), 0);
    attach(spoke, micro);
  }
}

function addZones(
  doc: TopologyDoc,
  hubAccount: AccountDoc,
  hub: VpcDoc,
  moved: Map<string, Moved>,
  hubEndpointIds: Map<string, string>,
): void {
  const taken = new Set(doc.accounts.flatMap((a) => a.hostedZones.map((z) => z.id)));
  for (const entry of moved.values()) {
    const name = serviceDnsName(entry.service, hub.region);
    const vpcs = [hub.id, ...entry.spokes.keys()];
    const existing = doc.accounts
      .flatMap((a) => a.hostedZones)
      .find((z) => z.private && z.name.replace(/\.$/, "") === name);
    if (existing) {
      existing.vpcs = [...new Set([...existing.vpcs, ...vpcs])];
      continue;
    }
    const zone: HostedZoneDoc = {
      id: uniqueId(`${idForService(entry.service)}-shared`, taken),
      name,
      private: true,
      vpcs,
      queriesPerMonth: 0,
      aliasQueriesPerMonth: 0,
      records: [
        { name, type: "A", aliasToEndpoint: `${hub.id}/${hubEndpointIds.get(entry.service)}` },
      ],
    };
    hubAccount.hostedZones.push(zone);
  }
}
