import { LinkplanError } from "../core/linkplanError.js";
import { quantityFromNumber } from "../core/money.js";
import { subnetsOf } from "../topology/defaultSubnets.js";
import { enisOf } from "../topology/normalizeTopology.js";
import type {
  AccountDoc,
  InterfaceEndpointDoc,
  TopologyDoc,
  VpcDoc,
} from "../topology/topologySchema.js";

/**
 * GB per month in whole micro-GB (so splitting and moving traffic adds up exactly), rounded
 * as the estimate rounds quantities (half-up on the decimal, not on `gb * 1e6` in floating
 * point, which can land just below a half).
 */
export function toMicroGb(gb: number): number {
  return Number(quantityFromNumber(gb));
}

/** Micro-GB back to GB per month (at most 6 decimals). */
export function fromMicroGb(micro: number): number {
  return Number((micro / 1e6).toFixed(6));
}

/** A VPC of the document with its account, or an `invalid_request` error naming `option`. */
export function findVpc(
  doc: TopologyDoc,
  id: string,
  option: string,
): { vpc: VpcDoc; account: AccountDoc } {
  for (const account of doc.accounts) {
    const vpc = account.vpcs.find((v) => v.id === id);
    if (vpc) return { vpc, account };
  }
  const known = doc.accounts.flatMap((a) => a.vpcs.map((v) => `"${v.id}"`));
  throw new LinkplanError("invalid_request", `unknown VPC "${id}"`, [
    { path: option, message: `no VPC "${id}" in the topology (VPCs: ${known.join(", ")})` },
  ]);
}

/** The AZs an interface endpoint has ENIs in, in the VPC's AZ order. */
export function eniAzsOf(
  endpoint: Pick<InterfaceEndpointDoc, "azs" | "subnets">,
  vpc: VpcDoc,
): string[] {
  const azs = enisOf(endpoint, vpc, subnetsOf(vpc)).map((eni) => eni.az);
  return [...new Set(azs)].sort((a, b) => vpc.azs.indexOf(a) - vpc.azs.indexOf(b));
}

/** `base`, or `base-2`, `base-3`… — the first not in `taken` (which it is added to). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** An endpoint id made from a service name ("ecr.api" → "ecr-api"). */
export function idForService(service: string): string {
  return (
    service
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "endpoint"
  );
}

/** Every VPC of the document with its account. */
export function allVpcs(doc: TopologyDoc): { vpc: VpcDoc; account: AccountDoc }[] {
  return doc.accounts.flatMap((account) => account.vpcs.map((vpc) => ({ vpc, account })));
}

/**
 * Endpoint ids a new endpoint of `vpcId` must not take: those of the VPC and of every VPC
 * sharing a hosted zone with it (a bare `aliasToEndpoint` there would become ambiguous).
 */
export function endpointIdsNear(doc: TopologyDoc, vpcId: string): Set<string> {
  const near = new Set([vpcId]);
  for (const zone of doc.accounts.flatMap((a) => a.hostedZones)) {
    if (zone.vpcs.includes(vpcId)) for (const v of zone.vpcs) near.add(v);
  }
  return new Set(
    allVpcs(doc)
      .filter(({ vpc }) => near.has(vpc.id))
      .flatMap(({ vpc }) => vpc.endpoints.map((e) => e.id)),
  );
}
