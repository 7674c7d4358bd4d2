import type { Finding } from "../../check/finding.js";
import type { Estimate } from "../../estimate/estimate.js";
import type { Account, Topology, Vpc } from "../../topology/topology.js";
import { costAnnotations } from "./costAnnotations.js";
import type { DiagramEdge, DiagramGraph, DiagramItem } from "./diagramGraph.js";
import { diagramPricing } from "./diagramPricing.js";
import { markFindings } from "./findingMarks.js";
import { edge, group, node } from "./graphElements.js";
import { GraphIndex } from "./graphIndex.js";
import { type GraphViewOptions, graphView } from "./graphView.js";
import { markTerraformSources } from "./terraformSources.js";
import {
  accountRegions,
  attachmentNodes,
  attachmentsByVpc,
  gatewayNodes,
} from "./transitGatewayItems.js";
import {
  type Detail,
  endpointNodeId,
  endpointNodeIds,
  type GraphContext,
  ids,
  vpcItems,
} from "./vpcItems.js";

export interface GraphOptions extends GraphViewOptions {
  /** how deep the boxes go: accounts | vpcs (default) | azs | subnets */
  detail?: Detail;
  /** show security groups on endpoints (default false) */
  securityGroups?: boolean;
  /** show route tables and their links to gateway endpoints (default false) */
  routeTables?: boolean;
  /** show Route 53 hosted zones and alias records (default true) */
  hostedZones?: boolean;
  /** annotate nodes and groups with monthly costs from this estimate */
  estimate?: Estimate | null;
  /** mark the elements these findings' errors are about (see markFindings) */
  findings?: readonly Finding[] | null;
}

const AWS_SERVICE_LABEL: Record<string, string> = { s3: "Amazon S3", dynamodb: "Amazon DynamoDB" };

/** Edges that leave a VPC: PrivateLink to endpoint services and SaaS, gateway routes to S3/DynamoDB. */
function crossEdges(
  ctx: GraphContext,
  vpc: Vpc,
  regionItems: DiagramItem[],
  regionIds: Set<string>,
): void {
  for (const endpoint of vpc.endpoints) {
    const from = endpointNodeId(ctx, vpc, endpoint);
    if (endpoint.type === "gateway") {
      const id = ids.awsService(vpc.account, vpc.region, endpoint.service);
      if (!regionIds.has(id)) {
        regionIds.add(id);
        regionItems.push(
          node(
            id,
            "aws-service",
            AWS_SERVICE_LABEL[endpoint.service] ?? endpoint.service,
            vpc.region,
            null,
            `AWS service · ${endpoint.service}`,
          ),
        );
      }
      edge(ctx, from, id, "route", null);
      continue;
    }
    const target = endpoint.target;
    // at azs detail every ENI of the endpoint carries its traffic: one edge from each
    for (const eni of endpointNodeIds(ctx, vpc, endpoint)) {
      if (target.kind === "endpoint-service") {
        edge(
          ctx,
          eni,
          ids.endpointService(target.endpointService),
          "privatelink",
          endpoint.type === "gwlb" ? "GWLB" : "PrivateLink",
        );
      } else if (target.kind === "external") {
        edge(ctx, eni, ids.saas(target.serviceName), "privatelink", "PrivateLink");
      }
    }
  }
}

/**
 * The PrivateLink edges into one endpoint service or SaaS service form one trunk: only the
 * first says "PrivateLink" (or "GWLB"), instead of a label per consumer ENI.
 */
function oneLabelPerService(edges: DiagramEdge[]): void {
  const labelled = new Set<string>();
  edges.forEach((e, i) => {
    if (e.kind !== "privatelink" || e.label === null) return;
    if (labelled.has(e.to)) edges[i] = { ...e, label: null };
    else labelled.add(e.to);
  });
}

function accountSummary(ctx: GraphContext, account: Account): DiagramItem[] {
  const items: DiagramItem[] = [];
  const endpoints = account.vpcs.flatMap((v) => v.endpoints.map((e) => ({ vpc: v, endpoint: e })));
  if (endpoints.length > 0) {
    const id = `endpoints:${account.id}`;
    const label = `${endpoints.length} endpoint${endpoints.length === 1 ? "" : "s"}`;
    const detail = `in ${account.vpcs.length} VPC${account.vpcs.length === 1 ? "" : "s"}`;
    items.push(node(id, "interface-endpoint", label, detail, null, `${label} ${detail}`));
    for (const { endpoint } of endpoints) {
      if (endpoint.type === "gateway") continue;
      const t = endpoint.target;
      if (t.kind === "endpoint-service")
        edge(ctx, id, ids.endpointService(t.endpointService), "privatelink", "PrivateLink");
      if (t.kind === "external")
        edge(ctx, id, ids.saas(t.serviceName), "privatelink", "PrivateLink");
    }
  }
  for (const service of account.endpointServices) {
    items.push(
      node(
        ids.endpointService(service.id),
        "endpoint-service",
        service.name ?? service.id,
        "endpoint service",
        null,
        "endpoint service",
      ),
    );
  }
  return items;
}

function accountItems(
  ctx: GraphContext,
  account: Account,
  hostedZones: boolean,
  attachments: ReturnType<typeof attachmentsByVpc>,
): DiagramItem[] {
  if (ctx.detail === "accounts") return accountSummary(ctx, account);
  const items: DiagramItem[] = [];
  const regions = accountRegions(account);
  for (const region of regions) {
    const regionItems: DiagramItem[] = [];
    /** ids of the AWS service nodes in regionItems (the VPCs' ids are never theirs) */
    const regionIds = new Set<string>();
    for (const vpc of ctx.index.vpcsIn(account, region)) {
      const children = [...vpcItems(ctx, vpc), ...attachmentNodes(ctx, vpc, attachments)];
      for (const service of ctx.index.servicesIn(account, vpc.id)) {
        const esId = ids.endpointService(service.id);
        const acceptance = service.acceptanceRequired ? "acceptance required" : "auto-accept";
        children.push(
          node(
            esId,
            "endpoint-service",
            service.name ?? service.id,
            `endpoint service · ${acceptance}`,
            null,
            `endpoint service · ${acceptance}`,
          ),
        );
        edge(ctx, esId, ids.loadBalancer(vpc.id, service.loadBalancer), "targets", null);
      }
      const azs = `${vpc.azs.length} AZ${vpc.azs.length === 1 ? "" : "s"}`;
      const detail = [vpc.cidr, azs].filter(Boolean).join(" · ");
      regionItems.push(
        group(
          ids.vpc(vpc.id),
          "vpc",
          vpc.name ?? vpc.id,
          `VPC · ${detail}`,
          ctx.costs.vpc(account.id, vpc.id),
          `VPC · ${azs}`,
          children,
        ),
      );
      crossEdges(ctx, vpc, regionItems, regionIds);
    }
    regionItems.push(...gatewayNodes(account, region));
    items.push(
      group(ids.region(account.id, region), "region", region, null, null, "region", regionItems),
    );
  }
  if (hostedZones) {
    for (const zone of account.hostedZones) {
      const kind = zone.private ? "private zone" : "public zone";
      items.push(
        node(
          ids.zone(zone.id),
          "hosted-zone",
          zone.name,
          `${kind} · ${zone.records.length} record${zone.records.length === 1 ? "" : "s"}`,
          ctx.costs.resource(account.id, null, "hosted-zone", zone.id),
          kind,
        ),
      );
      for (const record of zone.records) {
        const ref = record.aliasToEndpoint;
        if (ref === undefined) continue;
        // normalization wrote every alias target as "vpc/endpoint"
        const slash = ref.indexOf("/");
        const vpcId = slash < 0 ? undefined : ref.slice(0, slash);
        const endpointId = ref.slice(slash + 1);
        const vpc = vpcId === undefined ? undefined : ctx.index.vpc(vpcId);
        const endpoint =
          vpc && endpointId !== undefined ? ctx.index.endpoint(vpc, endpointId) : undefined;
        if (vpc && endpoint)
          edge(ctx, ids.zone(zone.id), endpointNodeId(ctx, vpc, endpoint), "alias", "alias");
      }
    }
  }
  return items;
}

/** Letters and digits of a name, lower case: "App (prod)" and "app-prod" are the same. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const ENDS_WITH_ACCOUNT = /\baccount\s*$/i;

/**
 * What an account group's header says after its name: the 12-digit AWS account id when
 * known, else the model's id when the name does not already say it ("App (prod)" says
 * app-prod, "Platform account" says platform); "account" before the id unless the name
 * ends with that word ("Consumer account · 111122223333", "Network · account
 * 111111111111", "Ops · account ops-shared"); null when there is nothing to add ("Ops",
 * never "Ops · account").
 */
function accountDetail(account: Account): string | null {
  const { name } = account;
  const named = name !== undefined;
  const saysId =
    !named ||
    nameKey(name) === nameKey(account.id) ||
    nameKey(name.replace(ENDS_WITH_ACCOUNT, "")) === nameKey(account.id);
  const id = account.awsAccountId ?? (saysId ? null : account.id);
  if (id === null) return null;
  return ENDS_WITH_ACCOUNT.test(name ?? account.id) ? id : `account ${id}`;
}

/**
 * Build the diagram graph of a topology: accounts › regions › VPCs (› AZs › subnets)
 * with endpoints, load balancers, endpoint services, workloads, NAT gateways and hosted
 * zones as nodes, and the links between them as edges; with `findings`, the elements their
 * errors are about carry them; `collapse` and `focus` then fold and cut it (graphView).
 * Pure.
 *
 * @throws LinkplanError("invalid_request") when `focus` names nothing drawn
 */
export function toGraph(topology: Topology, options: GraphOptions = {}): DiagramGraph {
  const ctx: GraphContext = {
    topology,
    detail: options.detail ?? "vpcs",
    securityGroups: options.securityGroups ?? false,
    routeTables: options.routeTables ?? false,
    costs: costAnnotations(options.estimate),
    edges: [],
    edgeIds: new Set(),
    index: new GraphIndex(topology),
  };
  const attachments = attachmentsByVpc(topology);
  const items: DiagramItem[] = topology.accounts.map((account) =>
    group(
      ids.account(account.id),
      "account",
      account.name ?? account.id,
      accountDetail(account),
      ctx.costs.account(account.id),
      "account",
      accountItems(ctx, account, options.hostedZones ?? true, attachments),
    ),
  );
  const saas = new Map<string, string>();
  for (const vpc of topology.accounts.flatMap((a) => a.vpcs)) {
    for (const endpoint of vpc.endpoints) {
      if (
        endpoint.type !== "gateway" &&
        endpoint.target.kind === "external" &&
        !saas.has(endpoint.target.serviceName)
      ) {
        saas.set(endpoint.target.serviceName, endpoint.name ?? "SaaS provider");
      }
    }
  }
  if (saas.size > 0) {
    const nodes = [...saas].map(([name, label]) =>
      node(ids.saas(name), "saas", label, name, null, "SaaS"),
    );
    items.push(
      group("external", "external", "SaaS providers (PrivateLink)", null, null, "external", nodes),
    );
  }
  if (options.findings) markFindings(items, topology, options.findings);
  markTerraformSources(items, topology);
  oneLabelPerService(ctx.edges);
  const pricing = options.estimate ? { pricing: diagramPricing(options.estimate) } : {};
  return graphView({ title: topology.name, ...pricing, items, edges: ctx.edges }, options);
}
