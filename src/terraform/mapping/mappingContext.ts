import type * as z from "zod";
import type {
  EndpointSchema,
  EndpointServiceSchema,
  HostedZoneSchema,
  LoadBalancerSchema,
  NatGatewaySchema,
  RouteTableSchema,
  SecurityGroupSchema,
  SubnetSchema,
  TransitGatewaySchema,
  VpcSchema,
} from "../../topology/topologySchema.js";
import {
  isTerraformRef,
  type TerraformResource,
  type TerraformWarning,
} from "../terraformModel.js";
import type { TerraformIndex } from "./terraformIndex.js";

export type SubnetInput = z.input<typeof SubnetSchema>;
export type RouteTableInput = z.input<typeof RouteTableSchema>;
export type SecurityGroupInput = z.input<typeof SecurityGroupSchema>;
export type EndpointInput = z.input<typeof EndpointSchema>;
export type NatGatewayInput = z.input<typeof NatGatewaySchema>;
export type LoadBalancerInput = z.input<typeof LoadBalancerSchema>;
export type EndpointServiceInput = z.input<typeof EndpointServiceSchema>;
export type HostedZoneInput = z.input<typeof HostedZoneSchema>;
export type TransitGatewayInput = z.input<typeof TransitGatewaySchema>;

/** A VPC being built, its lists complete. */
export type VpcDraftDoc = z.input<typeof VpcSchema> & {
  azs: string[];
  subnets: SubnetInput[];
  routeTables: RouteTableInput[];
  securityGroups: SecurityGroupInput[];
  endpoints: EndpointInput[];
  natGateways: NatGatewayInput[];
  loadBalancers: LoadBalancerInput[];
};

/** A VPC draft with nothing in it yet. */
export function emptyVpcDraft(id: string, name: string | undefined, region: string): VpcDraftDoc {
  return {
    id,
    ...(name === undefined ? {} : { name }),
    region,
    azs: [],
    subnets: [],
    routeTables: [],
    securityGroups: [],
    endpoints: [],
    natGateways: [],
    loadBalancers: [],
  };
}

export interface VpcDraft {
  /** the aws_vpc; none for a VPC outside the configuration (see mapExternalVpcs) */
  resource?: TerraformResource;
  account: string;
  doc: VpcDraftDoc;
}

/** An element placed in a VPC. */
export interface Placed<T> {
  vpc: VpcDraft;
  doc: T;
}

/** An element placed in an account. */
export interface InAccount<T> {
  account: string;
  doc: T;
}

/** What the mapping steps share while building one topology. */
export interface MappingContext {
  index: TerraformIndex;
  /** the id of a resource, derived from its address (terraformIds) */
  id(resource: TerraformResource): string;
  regionOf(resource: TerraformResource): string;
  accountOf(resource: TerraformResource): string;
  warn(message: string, resource?: TerraformResource): void;
  /** leave a resource out with its own reason (a warning), not in the "not modelled" count */
  skip(reason: string, resource: TerraformResource): void;
  warnings: TerraformWarning[];
  /** addresses mapped, or folded into a mapped element (not "not modelled") */
  used: Set<string>;
  /** every element made, with the resource it comes from */
  origins: Map<object, TerraformResource>;
  vpcs: Map<string, VpcDraft>;
  subnets: Map<string, Placed<SubnetInput>>;
  routeTables: Map<string, Placed<RouteTableInput>>;
  securityGroups: Map<string, Placed<SecurityGroupInput>>;
  natGateways: Map<string, Placed<NatGatewayInput>>;
  loadBalancers: Map<string, Placed<LoadBalancerInput>>;
  endpoints: Map<string, Placed<EndpointInput>>;
  endpointServices: Map<string, InAccount<EndpointServiceInput>>;
  hostedZones: Map<string, InAccount<HostedZoneInput>>;
  transitGateways: Map<string, InAccount<TransitGatewayInput>>;
}

/** A display name: the Name tag, else the given name, else the Terraform address. */
export function displayName(resource: TerraformResource, ctx: MappingContext): string | undefined {
  const tags = resource.values.tags;
  const tag =
    typeof tags === "object" && tags !== null
      ? ctx.index.text((tags as Record<string, unknown>).Name)
      : undefined;
  // without a Name tag the id says it (and source.terraform gives the address)
  return tag;
}

/**
 * The key of a VPC outside the configuration that a vpc_id value names: a literal id, a
 * reference (to a data source, say), or, for a value not known, the owner's provider.
 */
export function externalVpcKey(
  ctx: MappingContext,
  value: unknown,
  owner?: TerraformResource,
): string | undefined {
  if (isTerraformRef(value)) {
    const [found] = ctx.index.resolve(value);
    return `external:ref:${found?.address ?? value.$ref}`;
  }
  if (typeof value === "string" && value !== "") return `external:id:${value}`;
  if ((value === undefined || value === null) && owner) return `external:unknown:${owner.provider}`;
  return undefined;
}

/** The VPC a vpc_id value refers to, if mapped (or made for resources outside any VPC). */
export function vpcOf(
  ctx: MappingContext,
  value: unknown,
  owner?: TerraformResource,
): VpcDraft | undefined {
  for (const found of ctx.index.resolve(value)) {
    const vpc = ctx.vpcs.get(found.address);
    if (vpc) return vpc;
  }
  const key = externalVpcKey(ctx, value, owner);
  return key === undefined ? undefined : ctx.vpcs.get(key);
}

/** The mapped elements a value refers to (refs, literal ids, lists), in order, each once. */
export function placedOf<T>(ctx: MappingContext, map: ReadonlyMap<string, T>, value: unknown): T[] {
  const out: T[] = [];
  for (const found of ctx.index.resolve(value)) {
    const item = map.get(found.address);
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** Objects of a nested block list (Terraform blocks are lists of objects). */
export function blocks(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
  return list.filter(
    (item): item is Record<string, unknown> =>
      typeof item === "object" && item !== null && !Array.isArray(item),
  );
}
