import { formatQuantity, quantityFromNumber } from "../core/money.js";
import type { Path, ProblemList } from "../core/problemList.js";
import { checkAwsService, checkAzOfRegion, checkRegion } from "./checkAwsNames.js";
import { checkRule, checkVpcCidrs } from "./checkCidrs.js";
import { checkEndpointService } from "./checkEndpointService.js";
import type { CheckLookups, VpcLookup } from "./checkLookups.js";
import type { EndpointDoc, VpcDoc } from "./topologySchema.js";

/** A VPC under check, with its lookups. */
interface VpcInCheck {
  vpc: VpcDoc;
  has: VpcLookup;
}

/** Region of an AZ name: "us-east-1a" → "us-east-1". */
export function regionOfAz(az: string): string {
  return az.replace(/[a-z]$/, "");
}

function checkAzRef(problems: ProblemList, path: Path, az: string, { vpc, has }: VpcInCheck): void {
  if (!has.azs.has(az)) problems.add(path, () => `"${az}" is not an AZ of VPC "${vpc.id}"`);
}

function checkTraffic(
  problems: ProblemList,
  path: Path,
  endpoint: EndpointDoc,
  at: VpcInCheck,
): void {
  const { vpc } = at;
  let total = 0n;
  const seen = new Set<string>();
  endpoint.trafficSources.forEach((source, i) => {
    const here: Path = [...path, "trafficSources", i];
    total += quantityFromNumber(source.gbPerMonth);
    const origin = source.az ?? source.region ?? "";
    if (seen.has(origin))
      problems.add(here, `"${origin}" is listed twice; give one source per AZ or region`);
    seen.add(origin);
    if ((source.az === undefined) === (source.region === undefined)) {
      problems.add(here, "give exactly one of az or region");
    } else if (source.az !== undefined) {
      checkAzRef(problems, [...here, "az"], source.az, at);
    } else if (source.region === vpc.region) {
      problems.add(
        [...here, "region"],
        `"${source.region}" is the VPC's own region; use az instead`,
      );
    } else if (source.region !== undefined) {
      checkRegion(problems, [...here, "region"], source.region);
    }
    if (endpoint.type === "gateway" && source.region !== undefined) {
      problems.add([...here, "region"], "a gateway endpoint cannot be reached from another region");
    }
  });
  // quantities are exact (at most 6 decimals, see exactQuantity): compare them exactly
  if (total > quantityFromNumber(endpoint.gbPerMonth)) {
    problems.add(
      [...path, "trafficSources"],
      `sources add up to ${formatQuantity(total)} GB/month, more than the endpoint's gbPerMonth (${endpoint.gbPerMonth})`,
    );
  }
}

function checkPlacement(
  problems: ProblemList,
  path: Path,
  endpoint: { azs?: string[] | undefined; subnets?: string[] | undefined },
  at: VpcInCheck,
): void {
  const { vpc, has } = at;
  if (endpoint.azs && endpoint.subnets) {
    problems.add(path, "give azs or subnets, not both");
  }
  const azs = new Set<string>();
  endpoint.azs?.forEach((az, i) => {
    checkAzRef(problems, [...path, "azs", i], az, at);
    if (azs.has(az)) problems.add([...path, "azs", i], `AZ "${az}" is listed twice`);
    azs.add(az);
  });
  if (endpoint.azs?.length === 0) problems.add([...path, "azs"], "must have at least 1 AZ");
  const subnetAz = new Map<string, string>();
  endpoint.subnets?.forEach((ref, i) => {
    const subnet = has.subnets.byId.get(ref);
    if (!subnet) {
      problems.unknown(
        [...path, "subnets", i],
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
        [...path, "subnets", i],
        `subnets "${other}" and "${ref}" are both in ${subnet.az}; an endpoint takes at most one subnet per AZ`,
      );
    } else subnetAz.set(subnet.az, ref);
  });
  if (endpoint.subnets?.length === 0)
    problems.add([...path, "subnets"], "must have at least 1 subnet");
}

function checkEndpoint(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  endpoint: EndpointDoc,
  at: VpcInCheck,
): void {
  const { vpc, has } = at;
  checkTraffic(problems, path, endpoint, at);
  const within = `in VPC "${vpc.id}"`;
  if (endpoint.type === "gateway") {
    checkAwsService(problems, [...path, "service"], endpoint.service, vpc.region, "gateway");
    endpoint.routeTables.forEach((ref, i) => {
      if (!has.routeTables.has(ref))
        problems.unknown([...path, "routeTables", i], "route table", ref, has.routeTables, within);
    });
    return;
  }
  checkPlacement(problems, path, endpoint, at);
  if (endpoint.type === "interface" && endpoint.service !== undefined)
    checkAwsService(problems, [...path, "service"], endpoint.service, vpc.region, "interface");
  const targets = [
    endpoint.type === "interface" ? endpoint.service : undefined,
    endpoint.endpointService,
    endpoint.serviceName,
  ].filter((t) => t !== undefined);
  if (targets.length !== 1) {
    const keys =
      endpoint.type === "interface"
        ? "service, endpointService or serviceName"
        : "endpointService or serviceName";
    problems.add(path, `give exactly one of ${keys}`);
  }
  if (endpoint.type === "interface") {
    endpoint.securityGroups.forEach((ref, i) => {
      if (!has.securityGroups.has(ref))
        problems.unknown(
          [...path, "securityGroups", i],
          "security group",
          ref,
          has.securityGroups,
          within,
        );
    });
  }
  const name = endpoint.serviceName;
  const region = name
    ? /^com\.amazonaws\.(?:vpce\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\./.exec(name)?.[1]
    : undefined;
  if (name && region && region !== vpc.region) {
    problems.add(
      [...path, "serviceName"],
      `service "${name}" is in ${region}, but VPC "${vpc.id}" is in ${vpc.region}`,
    );
  }
  const { endpointService } = endpoint;
  if (endpointService !== undefined)
    checkEndpointService(problems, lookups, path, { ...endpoint, endpointService }, vpc);
}

/** Checks of one VPC: AZs, subnets, endpoints, NAT gateways, load balancers, workloads. */
export function checkVpc(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  vpc: VpcDoc,
): void {
  const at: VpcInCheck = { vpc, has: lookups.vpc(vpc) };
  const { has } = at;
  // an unknown region is reported once, not again for each of its AZs
  const regionKnown = checkRegion(problems, [...path, "region"], vpc.region);
  const azs = new Set<string>();
  vpc.azs.forEach((az, i) => {
    if (regionKnown && regionOfAz(az) !== vpc.region)
      problems.add(
        [...path, "azs", i],
        `"${az}" is not in region ${vpc.region} of VPC "${vpc.id}"`,
      );
    else if (regionKnown) checkAzOfRegion(problems, [...path, "azs", i], az, vpc.region);
    if (azs.has(az)) problems.add([...path, "azs", i], `AZ "${az}" is listed twice`);
    azs.add(az);
  });
  checkVpcCidrs(problems, path, vpc);
  vpc.securityGroups.forEach((group, g) => {
    group.ingress.forEach((rule, r) =>
      checkRule(problems, [...path, "securityGroups", g, "ingress", r], rule),
    );
    group.egress.forEach((rule, r) =>
      checkRule(problems, [...path, "securityGroups", g, "egress", r], rule),
    );
  });
  const within = `in VPC "${vpc.id}"`;
  problems.duplicates(vpc.subnets ?? [], (i) => [...path, "subnets", i], "subnet", within);
  problems.duplicates(vpc.routeTables, (i) => [...path, "routeTables", i], "route table", within);
  problems.duplicates(
    vpc.securityGroups,
    (i) => [...path, "securityGroups", i],
    "security group",
    within,
  );
  problems.duplicates(vpc.endpoints, (i) => [...path, "endpoints", i], "endpoint", within);
  problems.duplicates(vpc.natGateways, (i) => [...path, "natGateways", i], "NAT gateway", within);
  problems.duplicates(
    vpc.loadBalancers,
    (i) => [...path, "loadBalancers", i],
    "load balancer",
    within,
  );
  problems.duplicates(vpc.workloads, (i) => [...path, "workloads", i], "workload", within);
  vpc.subnets?.forEach((subnet, i) => {
    checkAzRef(problems, [...path, "subnets", i, "az"], subnet.az, at);
    if (subnet.routeTable !== undefined && !has.routeTables.has(subnet.routeTable)) {
      problems.unknown(
        [...path, "subnets", i, "routeTable"],
        "route table",
        subnet.routeTable,
        has.routeTables,
        within,
      );
    }
  });
  vpc.endpoints.forEach((endpoint, i) =>
    checkEndpoint(problems, lookups, [...path, "endpoints", i], endpoint, at),
  );
  const subnetIds = () => has.subnets.list.map((s) => s.id);
  vpc.natGateways.forEach((nat, i) => {
    checkAzRef(problems, [...path, "natGateways", i, "az"], nat.az, at);
    const subnet = nat.subnet === undefined ? undefined : has.subnets.byId.get(nat.subnet);
    if (nat.subnet !== undefined && !subnet)
      problems.unknown(
        [...path, "natGateways", i, "subnet"],
        "subnet",
        nat.subnet,
        subnetIds,
        within,
      );
    if (subnet && subnet.az !== nat.az)
      problems.add(
        [...path, "natGateways", i, "subnet"],
        `subnet "${subnet.id}" is in ${subnet.az}, not ${nat.az}`,
      );
    let bound = 0n;
    nat.destinations.forEach((destination, j) => {
      const at = [...path, "natGateways", i, "destinations", j, "service"];
      checkAwsService(problems, at, destination.service, vpc.region, null);
      bound += quantityFromNumber(destination.gbPerMonth);
    });
    if (bound > quantityFromNumber(nat.gbPerMonth))
      problems.add(
        [...path, "natGateways", i, "destinations"],
        `destinations add up to ${formatQuantity(bound)} GB, more than the gateway's gbPerMonth (${nat.gbPerMonth})`,
      );
  });
  vpc.loadBalancers.forEach((lb, i) => {
    lb.azs?.forEach((az, j) =>
      checkAzRef(problems, [...path, "loadBalancers", i, "azs", j], az, at),
    );
  });
  vpc.workloads.forEach((workload, i) => {
    const here: Path = [...path, "workloads", i];
    if (workload.az !== undefined) checkAzRef(problems, [...here, "az"], workload.az, at);
    if (workload.subnet !== undefined && !has.subnets.byId.has(workload.subnet)) {
      problems.unknown([...here, "subnet"], "subnet", workload.subnet, subnetIds, within);
    }
    workload.uses.forEach((ref, j) => {
      if (!has.endpoints.has(ref))
        problems.unknown([...here, "uses", j], "endpoint", ref, has.endpoints, within);
    });
  });
}
