import { formatPath } from "../../core/problem.js";
import type { TopologyInput } from "../../topology/topologySchema.js";
import type { TerraformModel, TerraformResource, TerraformWarning } from "../terraformModel.js";
import type { Usage } from "../usage/usageSchema.js";
import { applyUsage } from "./applyUsage.js";
import { buildAccounts } from "./buildAccounts.js";
import { mapEndpointServices } from "./mapEndpointServices.js";
import { mapEndpoints } from "./mapEndpoints.js";
import { mapExternalVpcs } from "./mapExternalVpcs.js";
import { mapHostedZones } from "./mapHostedZones.js";
import { mapLoadBalancers } from "./mapLoadBalancers.js";
import { mapNatGateways } from "./mapNatGateways.js";
import type { MappingContext } from "./mappingContext.js";
import { mapRouteTables } from "./mapRouteTables.js";
import { mapSecurityGroups } from "./mapSecurityGroups.js";
import { mapSubnets } from "./mapSubnets.js";
import { mapTransitAttachments, mapTransitGateways } from "./mapTransitGateways.js";
import { mapVpcs } from "./mapVpcs.js";
import { notModelledWarnings } from "./notModelledWarnings.js";
import { providerRegions } from "./providerRegions.js";
import { idSlug, terraformIds } from "./terraformIds.js";
import { indexTerraform } from "./terraformIndex.js";

export interface MapTerraformOptions {
  usage?: Usage | undefined;
  /** the id of the single account everything goes in (default: one per provider alias) */
  account?: string | undefined;
  /** region of provider configurations that set none */
  region?: string | undefined;
  /** the topology's name (default "terraform") */
  name?: string | undefined;
}

/** Where an element of the topology comes from. */
export interface TerraformSource {
  terraform: string;
  file?: string;
  line?: number;
}

export interface MappedTerraform {
  topology: TopologyInput;
  warnings: TerraformWarning[];
  /** the Terraform origin of each element, by its path in the topology ("accounts[0].vpcs[1]") */
  sources: Record<string, TerraformSource>;
}

/** The account id of a provider configuration: "aws" → default, "aws.consumer" → consumer. */
function providerAccount(provider: string): string {
  const alias = provider.includes(".") ? provider.slice(provider.lastIndexOf(".") + 1) : "";
  return idSlug(alias) || "default";
}

/**
 * A linkplan topology from a Terraform model: VPCs, subnets, route tables, security groups,
 * endpoints, NAT gateways, network/gateway load balancers, endpoint services, hosted zones
 * and transit gateways, with ids derived from addresses (terraformIds), usage applied, and
 * a warning for each assumption and each resource type not modelled. Throws a LinkplanError
 * only when the region of a mapped resource is unknown.
 */
export function mapTerraform(
  model: TerraformModel,
  options: MapTerraformOptions = {},
): MappedTerraform {
  const index = indexTerraform(model);
  const ids = terraformIds(index.resources);
  const single = options.account === undefined ? undefined : idSlug(options.account) || "default";
  const warnings: TerraformWarning[] = [...model.warnings];
  /** each account's display name: --account, else its provider configuration ("aws.consumer") */
  const accountNames = new Map<string, string>();
  const warn = (message: string, resource?: TerraformResource) => {
    const warning: TerraformWarning = { message };
    if (resource) {
      warning.address = resource.address;
      if (resource.source) {
        warning.file = resource.source.file;
        warning.line = resource.source.line;
      }
    }
    warnings.push(warning);
  };
  const ctx: MappingContext = {
    index,
    id: (resource) => ids.get(resource.address) ?? (idSlug(resource.name) || "resource"),
    regionOf: providerRegions(model, options.region),
    accountOf: (resource) => {
      const id = single ?? providerAccount(resource.provider);
      if (!accountNames.has(id)) accountNames.set(id, options.account ?? resource.provider);
      return id;
    },
    warn,
    skip(reason, resource) {
      warn(`${reason}: not modelled`, resource);
      this.used.add(resource.address);
    },
    warnings,
    used: new Set(),
    origins: new Map(),
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    securityGroups: new Map(),
    natGateways: new Map(),
    loadBalancers: new Map(),
    endpoints: new Map(),
    endpointServices: new Map(),
    hostedZones: new Map(),
    transitGateways: new Map(),
  };
  mapVpcs(ctx);
  mapExternalVpcs(ctx);
  mapSubnets(ctx);
  mapTransitGateways(ctx);
  mapTransitAttachments(ctx);
  mapNatGateways(ctx);
  mapRouteTables(ctx);
  mapSecurityGroups(ctx);
  mapLoadBalancers(ctx);
  mapEndpointServices(ctx);
  mapEndpoints(ctx);
  mapHostedZones(ctx);
  applyUsage(ctx, options.usage);
  notModelledWarnings(ctx);
  const accounts = buildAccounts(ctx, single ?? "default", accountNames);
  const topology: TopologyInput = { name: options.name ?? "terraform", accounts };
  return { topology, warnings, sources: sourcesOf(ctx, topology) };
}

/** The Terraform origin of every element, by path. */
function sourcesOf(ctx: MappingContext, topology: TopologyInput): Record<string, TerraformSource> {
  const sources: Record<string, TerraformSource> = {};
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const resource = ctx.origins.get(value);
    if (resource) {
      const source: TerraformSource = { terraform: resource.address };
      if (resource.source) {
        source.file = resource.source.file;
        source.line = resource.source.line;
      }
      sources[formatPath(path)] = source;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === "policy") continue;
      if (typeof item === "object" && item !== null) visit(item, [...path, key]);
    }
  };
  visit(topology.accounts, ["accounts"]);
  return sources;
}
