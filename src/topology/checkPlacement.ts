import { formatQuantity, quantityFromNumber } from "../core/money.js";
import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import { checkRegion } from "./checkAwsNames.js";
import type { VpcLookup } from "./checkLookups.js";
import type { EndpointDoc, VpcDoc } from "./topologySchema.js";

/** A VPC under check, with its lookups. */
export interface VpcInCheck {
  vpc: VpcDoc;
  has: VpcLookup;
}

export function checkAzRef(
  problems: ProblemList,
  path: Path,
  az: string,
  { vpc, has }: VpcInCheck,
): void {
  if (!has.azs.has(az)) problems.add(path, () => `"${az}" is not an AZ of VPC "${vpc.id}"`);
}

export function checkTraffic(
  problems: ProblemList,
  path: Path,
  endpoint: EndpointDoc,
  at: VpcInCheck,
): void {
  // no sources, nothing to check (the common case: skip the set and the exact sums)
  if (endpoint.trafficSources.length === 0) return;
  const { vpc } = at;
  let total = 0n;
  const seen = new Set<string>();
  endpoint.trafficSources.forEach((source, i) => {
    const here: Path = below(path, "trafficSources", i);
    total += quantityFromNumber(source.gbPerMonth);
    const origin = source.az ?? source.region ?? "";
    if (seen.has(origin))
      problems.add(here, `"${origin}" is listed twice; give one source per AZ or region`);
    seen.add(origin);
    if ((source.az === undefined) === (source.region === undefined)) {
      problems.add(here, "give exactly one of az or region");
    } else if (source.az !== undefined) {
      checkAzRef(problems, below(here, "az"), source.az, at);
    } else if (source.region === vpc.region) {
      problems.add(
        below(here, "region"),
        `"${source.region}" is the VPC's own region; use az instead`,
      );
    } else if (source.region !== undefined) {
      checkRegion(problems, below(here, "region"), source.region);
    }
    if (endpoint.type === "gateway" && source.region !== undefined) {
      problems.add(
        below(here, "region"),
        "a gateway endpoint cannot be reached from another region",
      );
    }
  });
  // quantities are exact (at most 6 decimals, see exactQuantity): compare them exactly
  if (total > quantityFromNumber(endpoint.gbPerMonth)) {
    problems.add(
      below(path, "trafficSources"),
      `sources add up to ${formatQuantity(total)} GB/month, more than the endpoint's gbPerMonth (${endpoint.gbPerMonth})`,
    );
  }
}

export function checkPlacement(
  problems: ProblemList,
  path: Path,
  endpoint: { azs?: string[] | undefined; subnets?: string[] | undefined },
  at: VpcInCheck,
  what = "an endpoint",
): void {
  if (endpoint.azs && endpoint.subnets) {
    problems.add(path, "give azs or subnets, not both");
  }
  if (endpoint.azs) checkAzList(problems, path, endpoint.azs, at);
  if (endpoint.subnets) checkSubnetList(problems, path, endpoint.subnets, at, what);
}

function checkAzList(problems: ProblemList, path: Path, list: string[], at: VpcInCheck): void {
  const azs = new Set<string>();
  list.forEach((az, i) => {
    checkAzRef(problems, below(path, "azs", i), az, at);
    if (azs.has(az)) problems.add(below(path, "azs", i), `AZ "${az}" is listed twice`);
    azs.add(az);
  });
  if (list.length === 0) problems.add(below(path, "azs"), "must have at least 1 AZ");
}

function checkSubnetList(
  problems: ProblemList,
  path: Path,
  list: string[],
  { vpc, has }: VpcInCheck,
  what: string,
): void {
  const subnetAz = new Map<string, string>();
  list.forEach((ref, i) => {
    const subnet = has.subnets.byId.get(ref);
    if (!subnet) {
      problems.unknown(
        below(path, "subnets", i),
        "subnet",
        ref,
        () => has.subnets.list.map((s) => s.id),
        `in VPC "${vpc.id}"`,
      );
      return;
    }
    const other = subnetAz.get(subnet.az);
    if (other !== undefined) {
      problems.add(
        below(path, "subnets", i),
        `subnets "${other}" and "${ref}" are both in ${subnet.az}; ${what} takes at most one subnet per AZ`,
      );
    } else subnetAz.set(subnet.az, ref);
  });
  if (list.length === 0) problems.add(below(path, "subnets"), "must have at least 1 subnet");
}
