import { formatQuantity, quantityFromNumber } from "../core/money.js";
import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import { checkAwsService, checkAzOfRegion, checkRegion } from "./checkAwsNames.js";
import { regionOfAz } from "./checkAzIds.js";
import { checkRule, checkVpcCidrs } from "./checkCidrs.js";
import { checkEndpointService } from "./checkEndpointService.js";
import type { CheckLookups } from "./checkLookups.js";
import { checkAzRef, checkPlacement, checkTraffic, type VpcInCheck } from "./checkPlacement.js";
import { checkRouteTables } from "./checkRouteTables.js";
import type { EndpointDoc, VpcDoc, WorkloadDoc } from "./topologySchema.js";

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
    checkAwsService(
      problems,
      below(path, "service"),
      endpoint.service,
      vpc.region,
      "gateway",
      lookups.services,
    );
    endpoint.routeTables.forEach((ref, i) => {
      if (!has.routeTables.has(ref))
        problems.unknown(
          below(path, "routeTables", i),
          "route table",
          ref,
          has.routeTables,
          within,
        );
    });
    return;
  }
  checkPlacement(problems, path, endpoint, at);
  if (endpoint.type === "interface" && endpoint.service !== undefined)
    checkAwsService(
      problems,
      below(path, "service"),
      endpoint.service,
      vpc.region,
      "interface",
      lookups.services,
    );
  const targets =
    (endpoint.type === "interface" && endpoint.service !== undefined ? 1 : 0) +
    (endpoint.endpointService !== undefined ? 1 : 0) +
    (endpoint.serviceName !== undefined ? 1 : 0);
  if (targets !== 1) {
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
          below(path, "securityGroups", i),
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
      below(path, "serviceName"),
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
  const regionKnown = checkRegion(problems, below(path, "region"), vpc.region);
  const azs = new Set<string>();
  vpc.azs.forEach((az, i) => {
    if (regionKnown && regionOfAz(az) !== vpc.region)
      problems.add(
        below(path, "azs", i),
        `"${az}" is not in region ${vpc.region} of VPC "${vpc.id}"`,
      );
    else if (regionKnown) checkAzOfRegion(problems, below(path, "azs", i), az, vpc.region);
    if (azs.has(az)) problems.add(below(path, "azs", i), `AZ "${az}" is listed twice`);
    azs.add(az);
  });
  checkVpcCidrs(problems, path, vpc);
  vpc.securityGroups.forEach((group, g) => {
    group.ingress.forEach((rule, r) =>
      checkRule(problems, below(path, "securityGroups", g, "ingress", r), rule),
    );
    group.egress.forEach((rule, r) =>
      checkRule(problems, below(path, "securityGroups", g, "egress", r), rule),
    );
  });
  const within = `in VPC "${vpc.id}"`;
  problems.duplicates(vpc.subnets ?? [], (i) => below(path, "subnets", i), "subnet", within);
  problems.duplicates(vpc.routeTables, (i) => below(path, "routeTables", i), "route table", within);
  problems.duplicates(
    vpc.securityGroups,
    (i) => below(path, "securityGroups", i),
    "security group",
    within,
  );
  problems.duplicates(vpc.endpoints, (i) => below(path, "endpoints", i), "endpoint", within);
  problems.duplicates(vpc.natGateways, (i) => below(path, "natGateways", i), "NAT gateway", within);
  problems.duplicates(
    vpc.loadBalancers,
    (i) => below(path, "loadBalancers", i),
    "load balancer",
    within,
  );
  problems.duplicates(vpc.workloads, (i) => below(path, "workloads", i), "workload", within);
  vpc.subnets?.forEach((subnet, i) => {
    checkAzRef(problems, below(path, "subnets", i, "az"), subnet.az, at);
    if (subnet.routeTable !== undefined && !has.routeTables.has(subnet.routeTable)) {
      problems.unknown(
        below(path, "subnets", i, "routeTable"),
        "route table",
        subnet.routeTable,
        has.routeTables,
        within,
      );
    }
  });
  vpc.endpoints.forEach((endpoint, i) =>
    checkEndpoint(problems, lookups, below(path, "endpoints", i), endpoint, at),
  );
  const subnetIds = () => has.subnets.list.map((s) => s.id);
  vpc.natGateways.forEach((nat, i) => {
    checkAzRef(problems, below(path, "natGateways", i, "az"), nat.az, at);
    const subnet = nat.subnet === undefined ? undefined : has.subnets.byId.get(nat.subnet);
    if (nat.subnet !== undefined && !subnet)
      problems.unknown(
        below(path, "natGateways", i, "subnet"),
        "subnet",
        nat.subnet,
        subnetIds,
        within,
      );
    if (subnet && subnet.az !== nat.az)
      problems.add(
        below(path, "natGateways", i, "subnet"),
        `subnet "${subnet.id}" is in ${subnet.az}, not ${nat.az}`,
      );
    let bound = 0n;
    nat.destinations.forEach((destination, j) => {
      const at = below(path, "natGateways", i, "destinations", j, "service");
      checkAwsService(problems, at, destination.service, vpc.region, null, lookups.services);
      bound += quantityFromNumber(destination.gbPerMonth);
    });
    if (bound > quantityFromNumber(nat.gbPerMonth))
      problems.add(
        below(path, "natGateways", i, "destinations"),
        `destinations add up to ${formatQuantity(bound)} GB, more than the gateway's gbPerMonth (${nat.gbPerMonth})`,
      );
  });
  vpc.loadBalancers.forEach((lb, i) => {
    const here: Path = below(path, "loadBalancers", i);
    lb.azs?.forEach((az, j) => checkAzRef(problems, below(here, "azs", j), az, at));
    const azs = new Set(lb.azs ?? vpc.azs);
    lb.targetAzs?.forEach((az, j) => {
      if (!azs.has(az))
        problems.add(
          below(here, "targetAzs", j),
          `"${az}" is not an AZ of load balancer "${lb.id}" (${[...azs].join(", ")})`,
        );
    });
  });
  checkRouteTables(problems, lookups, path, vpc);
  vpc.workloads.forEach((workload, i) =>
    checkWorkload(problems, lookups, below(path, "workloads", i), workload, at),
  );
}

function checkWorkload(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  workload: WorkloadDoc,
  at: VpcInCheck,
): void {
  const { vpc, has } = at;
  const within = `in VPC "${vpc.id}"`;
  if (workload.az !== undefined) checkAzRef(problems, below(path, "az"), workload.az, at);
  const subnet = workload.subnet === undefined ? undefined : has.subnets.byId.get(workload.subnet);
  if (workload.subnet !== undefined && !subnet) {
    const subnetIds = () => has.subnets.list.map((s) => s.id);
    problems.unknown(below(path, "subnet"), "subnet", workload.subnet, subnetIds, within);
  }
  if (subnet && workload.az !== undefined && subnet.az !== workload.az) {
    problems.add(
      below(path, "subnet"),
      `subnet "${subnet.id}" is in ${subnet.az}, not ${workload.az}`,
    );
  }
  workload.securityGroups.forEach((ref, j) => {
    if (!has.securityGroups.has(ref))
      problems.unknown(
        below(path, "securityGroups", j),
        "security group",
        ref,
        has.securityGroups,
        within,
      );
  });
  workload.uses.forEach((ref, j) => {
    if (ref.includes("/")) {
      if (!lookups.index.endpoints.has(ref))
        problems.unknown(below(path, "uses", j), "endpoint", ref, lookups.index.endpoints.keys());
    } else if (!has.endpoints.has(ref))
      problems.unknown(below(path, "uses", j), "endpoint", ref, has.endpoints, within);
  });
}
