import { LinkplanError } from "../linkplanError.js";
import type { InterfaceEndpointDoc, TopologyDoc, VpcDoc } from "../topologySchema.js";
import { allVpcs, eniAzsOf, findVpc, fromMicroGb, toMicroGb } from "./topologyEdits.js";

export interface ConsolidateAzsOptions {
  /** only this VPC (default: every VPC) */
  vpc?: string;
  /** how many AZs to keep (the VPC's first ones), or which AZs to keep */
  azs: number | string[];
}

function keptAzs(current: string[], azs: number | string[]): string[] {
  if (typeof azs === "number") return current.slice(0, azs);
  const kept = current.filter((az) => azs.includes(az));
  // an endpoint with no ENI in the listed AZs keeps its first one (it cannot have none)
  return kept.length > 0 ? kept : current.slice(0, 1);
}

function consolidate(
  endpoint: InterfaceEndpointDoc,
  vpc: VpcDoc,
  azs: number | string[],
): InterfaceEndpointDoc {
  const current = eniAzsOf(endpoint, vpc);
  const kept = keptAzs(current, azs);
  if (kept.length === current.length) return endpoint;
  // the traffic not attributed to a source originates evenly in the endpoint's AZs; the
  // share of each removed AZ now crosses to an ENI in a kept AZ (micro-GB, remainder to
  // the first AZs, so the shares add up exactly)
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
  const placed = endpoint.subnets
    ? {
        subnets: endpoint.subnets.filter((ref) =>
          kept.includes(eniAzsOf({ subnets: [ref] }, vpc)[0] ?? ""),
        ),
      }
    : { azs: kept };
  return { ...endpoint, ...placed, trafficSources: sources };
}

/**
 * Keep interface endpoints in fewer AZs (the usual dev saving) and price what that really
 * does: traffic that originated in a removed AZ now crosses AZs to reach an ENI, so it
 * becomes a `trafficSources` entry for that AZ and pays inter-AZ transfer. Pure: returns a
 * new document.
 */
export function consolidateAzs(doc: TopologyDoc, options: ConsolidateAzsOptions): TopologyDoc {
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
      vpcs: account.vpcs.map((vpc) =>
        only !== null && vpc.id !== only
          ? vpc
          : {
              ...vpc,
              endpoints: vpc.endpoints.map((endpoint) =>
                endpoint.type === "interface" ? consolidate(endpoint, vpc, azs) : endpoint,
              ),
            },
      ),
    })),
  };
}
