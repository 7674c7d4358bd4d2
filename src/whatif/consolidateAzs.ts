import { LinkplanError } from "../core/linkplanError.js";
import { type AnyTopology, inSameForm } from "../topology/topologyForm.js";
import type { InterfaceEndpointDoc, TopologyDoc, VpcDoc } from "../topology/topologySchema.js";
import { allVpcs, eniAzsOf, findVpc, fromMicroGb, toMicroGb } from "./topologyEdits.js";

export interface ConsolidateAzsOptions {
  /** only this VPC (default: every VPC) */
  vpc?: string;
  /** how many AZs to keep (the VPC's first ones), or which AZs to keep */
  azs: number | string[];
}

/** The AZs a VPC's endpoints are consolidated into, or null when the VPC is left alone. */
function targetAzs(vpc: VpcDoc, azs: number | string[]): string[] | null {
  if (typeof azs === "number") return vpc.azs.slice(0, azs);
  const target = vpc.azs.filter((az) => azs.includes(az));
  return target.length > 0 ? target : null;
}

function consolidate(
  endpoint: InterfaceEndpointDoc,
  vpc: VpcDoc,
  target: string[],
): InterfaceEndpointDoc {
  const current = eniAzsOf(endpoint, vpc);
  if (current.every((az) => target.includes(az))) return endpoint;
  // ENIs stay where they already are inside the target; an endpoint with none there moves
  // to the target's first AZ
  const inTarget = current.filter((az) => target.includes(az));
  const kept = inTarget.length > 0 ? inTarget : target.slice(0, 1);
  // the traffic not attributed to a source originates evenly in the endpoint's AZs; the
  // share of each AZ that loses its ENI now crosses to an ENI elsewhere (micro-GB,
  // remainder to the first AZs, so the shares add up exactly)
  const attributed = endpoint.trafficSources.reduce((sum, s) => sum + toMicroGb(s.gbPerMonth), 0);
  const own = Math.max(0, toMicroGb(endpoint.gbPerMonth) - attributed);
  const share = Math.floor(own / current.length);
  const remainder = own - share * current.length;
  const sources = endpoint.trafficSources.map((s) => ({ ...s }));
  current.forEach((az, i) => {
    if (kept.includes(az)) return;
    const micro = share + (i < remainder ? 1 : 0);
    if (micro === 0) return;
    const existing = sources.find((s) => s.az === az && s.region === undefined);
    if (existing) existing.gbPerMonth = fromMicroGb(toMicroGb(existing.gbPerMonth) + micro);
    else sources.push({ az, gbPerMonth: fromMicroGb(micro) });
  });
  const { subnets, azs: _azs, ...rest } = endpoint;
  // placed by subnets: keep those in kept AZs, unless the endpoint moved to a new AZ
  const keptSubnets = subnets?.filter((ref) =>
    kept.includes(eniAzsOf({ subnets: [ref] }, vpc)[0] ?? ""),
  );
  const placed =
    keptSubnets !== undefined && keptSubnets.length === kept.length
      ? { subnets: keptSubnets }
      : { azs: kept };
  return { ...rest, ...placed, trafficSources: sources };
}

/**
 * Keep interface endpoints in fewer AZs (the usual dev saving) and price what that really
 * does. The target is the VPC's first n AZs (`azs: n`) or the listed AZs of the VPC (VPCs
 * with none of them are left alone). An endpoint with ENIs outside the target keeps those
 * inside it, or moves to the target's first AZ when it has none there. Traffic that
 * originated in an AZ that lost its ENI now crosses AZs, so it becomes a `trafficSources`
 * entry for that AZ and pays inter-AZ transfer. Pure: returns a new topology in the form
 * given (normalized or authored).
 */
export function consolidateAzs<T extends AnyTopology>(
  topology: T,
  options: ConsolidateAzsOptions,
): T {
  return inSameForm(topology, (doc) => consolidateDoc(doc, options));
}

function consolidateDoc(doc: TopologyDoc, options: ConsolidateAzsOptions): TopologyDoc {
  const { azs } = options;
  if (typeof azs === "number" && !(Number.isInteger(azs) && azs >= 1)) {
    throw new LinkplanError("invalid_request", "invalid number of AZs", [
      { path: "azs", message: `must be a whole number ≥ 1, got ${azs}` },
    ]);
  }
  if (Array.isArray(azs) && azs.length === 0) {
    throw new LinkplanError("invalid_request", "no AZs to keep", [
      { path: "azs", message: "name at least one AZ to keep" },
    ]);
  }
  const only = options.vpc === undefined ? null : findVpc(doc, options.vpc, "vpc").vpc.id;
  if (Array.isArray(azs)) {
    const known = new Set(
      allVpcs(doc)
        .filter(({ vpc }) => only === null || vpc.id === only)
        .flatMap(({ vpc }) => vpc.azs),
    );
    const unknown = azs.filter((az) => !known.has(az));
    if (unknown.length > 0) {
      throw new LinkplanError(
        "invalid_request",
        "AZs to keep are not AZs of the VPCs consolidated",
        unknown.map((az) => ({
          path: `azs[${azs.indexOf(az)}]`,
          message: `${az} is not an AZ of ${only === null ? "any VPC" : `VPC "${only}"`}`,
        })),
      );
    }
  }
  return {
    ...doc,
    accounts: doc.accounts.map((account) => ({
      ...account,
      vpcs: account.vpcs.map((vpc) => {
        const target = only !== null && vpc.id !== only ? null : targetAzs(vpc, azs);
        if (target === null) return vpc;
        return {
          ...vpc,
          endpoints: vpc.endpoints.map((endpoint) =>
            endpoint.type === "interface" ? consolidate(endpoint, vpc, target) : endpoint,
          ),
        };
      }),
    })),
  };
}
