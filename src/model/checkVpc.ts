import { subnetsOf } from "./defaultSubnets.js";
import { GATEWAY_SERVICES } from "./gatewayServices.js";
import { formatQuantity, quantityFromNumber } from "./money.js";
import type { Path, ProblemList } from "./problemList.js";
import type { TopologyIndex } from "./topologyIndex.js";
import type { EndpointDoc, VpcDoc } from "./topologySchema.js";

/** Region of an AZ name: "us-east-1a" → "us-east-1". */
export function regionOfAz(az: string): string {
  return az.replace(/[a-z]$/, "");
}

function checkAzRef(problems: ProblemList, path: Path, az: string, vpc: VpcDoc): void {
  if (!vpc.azs.includes(az)) problems.add(path, `"${az}" is not an AZ of VPC "${vpc.id}"`);
}

function checkTraffic(problems: ProblemList, path: Path, endpoint: EndpointDoc, vpc: VpcDoc): void {
  let total = 0n;
  const seen = new Set<string>();
  endpoint.trafficSources.forEach((source, i) => {
    const at: Path = [...path, "trafficSources", i];
    total += quantityFromNumber(source.gbPerMonth);
    const origin = source.az ?? source.region ?? "";
    if (seen.has(origin))
      problems.add(at, `"${origin}" is listed twice; give one source per AZ or region`);
    seen.add(origin);
    if ((source.az === undefined) === (source.region === undefined)) {
      problems.add(at, "give exactly one of az or region");
    } else if (source.az !== undefined) {
      checkAzRef(problems, [...at, "az"], source.az, vpc);
    } else if (source.region === vpc.region) {
      problems.add([...at, "region"], `"${source.region}" is the VPC's own region; use az instead`);
    }
    if (endpoint.type === "gateway" && source.region !== undefined) {
      problems.add([...at, "region"], "a gateway endpoint cannot be reached from another region");
    }
  });
  // each figure is rounded to 6 decimals: allow that much slack per source
  const slack = BigInt(endpoint.trafficSources.length);
  if (total > quantityFromNumber(endpoint.gbPerMonth) + slack) {
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
  vpc: VpcDoc,
): void {
  if (endpoint.azs && endpoint.subnets) {
    problems.add(path, "give azs or subnets, not both");
  }
  endpoint.azs?.forEach((az, i) => {
    checkAzRef(problems, [...path, "azs", i], az, vpc);
    if (endpoint.azs?.indexOf(az) !== i)
      problems.add([...path, "azs", i], `AZ "${az}" is listed twice`);
  });
  if (endpoint.azs?.length === 0) problems.add([...path, "azs"], "must have at least 1 AZ");
  const subnetAz = new Map<string, string>();
  endpoint.subnets?.forEach((ref, i) => {
    const subnets = subnetsOf(vpc);
    const subnet = subnets.find((s) => s.id === ref);
    if (!subnet) {
      problems.unknown(
        [...path, "subnets", i],
        "subnet",
        ref,
        subnets.map((s) => s.id),
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
  index: TopologyIndex,
  path: Path,
  endpoint: EndpointDoc,
  vpc: VpcDoc,
): void {
  checkTraffic(problems, path, endpoint, vpc);
  const securityGroups = vpc.securityGroups.map((g) => g.id);
  if (endpoint.type === "gateway") {
    if (!GATEWAY_SERVICES.has(endpoint.service)) {
      problems.add(
        [...path, "service"],
        `gateway endpoints exist only for s3 and dynamodb, not "${endpoint.service}"; use type: interface`,
      );
    }
    const tables = vpc.routeTables.map((t) => t.id);
    endpoint.routeTables.forEach((ref, i) => {
      if (!tables.includes(ref))
        problems.unknown(
          [...path, "routeTables", i],
          "route table",
          ref,
          tables,
          `in VPC "${vpc.id}"`,
        );
    });
    return;
  }
  checkPlacement(problems, path, endpoint, vpc);
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
      if (!securityGroups.includes(ref))
        problems.unknown(
          [...path, "securityGroups", i],
          "security group",
          ref,
          securityGroups,
          `in VPC "${vpc.id}"`,
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
  if (endpoint.endpointService !== undefined) {
    const found = index.services.get(endpoint.endpointService);
    if (!found) {
      problems.unknown([...path, "endpointService"], "endpoint service", endpoint.endpointService, [
        ...index.services.keys(),
      ]);
      return;
    }
    const lbVpc = index.vpcs.get(found.service.vpc)?.vpc;
    const lb = lbVpc?.loadBalancers.find((l) => l.id === found.service.loadBalancer);
    const wanted = endpoint.type === "gwlb" ? "gateway" : "network";
    if (lb && lb.type !== wanted) {
      problems.add(
        [...path, "endpointService"],
        `endpoint service "${found.service.id}" is behind a ${lb.type} load balancer; use type: ${lb.type === "gateway" ? "gwlb" : "interface"}`,
      );
    }
    if (
      lbVpc &&
      lbVpc.region !== vpc.region &&
      !found.service.supportedRegions.includes(vpc.region)
    ) {
      problems.add(
        [...path, "endpointService"],
        `endpoint service "${found.service.id}" is in ${lbVpc.region}; add ${vpc.region} to its supportedRegions to reach it from VPC "${vpc.id}"`,
      );
    }
    if (endpoint.type === "interface" && endpoint.privateDns && !found.service.privateDnsName) {
      problems.add(
        [...path, "privateDns"],
        `endpoint service "${found.service.id}" has no privateDnsName; set privateDns: false and use a private hosted zone`,
      );
    }
    const accountId = index.vpcs.get(vpc.id)?.account.awsAccountId;
    const allowed = found.service.allowedPrincipals;
    if (
      accountId &&
      allowed.length > 0 &&
      !allowed.some((p) => p === "*" || p === accountId || p.includes(`::${accountId}:`))
    ) {
      problems.add(
        [...path, "endpointService"],
        `account ${accountId} is not among the allowedPrincipals of endpoint service "${found.service.id}"`,
      );
    }
  }
}

/** Checks of one VPC: AZs, subnets, endpoints, NAT gateways, load balancers, workloads. */
export function checkVpc(
  problems: ProblemList,
  index: TopologyIndex,
  path: Path,
  vpc: VpcDoc,
): void {
  vpc.azs.forEach((az, i) => {
    if (regionOfAz(az) !== vpc.region)
      problems.add(
        [...path, "azs", i],
        `"${az}" is not in region ${vpc.region} of VPC "${vpc.id}"`,
      );
    if (vpc.azs.indexOf(az) !== i) problems.add([...path, "azs", i], `AZ "${az}" is listed twice`);
  });
  const within = `in VPC "${vpc.id}"`;
  const tables = vpc.routeTables.map((t) => t.id);
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
    checkAzRef(problems, [...path, "subnets", i, "az"], subnet.az, vpc);
    if (subnet.routeTable !== undefined && !tables.includes(subnet.routeTable)) {
      problems.unknown(
        [...path, "subnets", i, "routeTable"],
        "route table",
        subnet.routeTable,
        tables,
        within,
      );
    }
  });
  vpc.endpoints.forEach((endpoint, i) =>
    checkEndpoint(problems, index, [...path, "endpoints", i], endpoint, vpc),
  );
  const subnets = subnetsOf(vpc);
  const subnetIds = subnets.map((s) => s.id);
  vpc.natGateways.forEach((nat, i) => {
    checkAzRef(problems, [...path, "natGateways", i, "az"], nat.az, vpc);
    const subnet = subnets.find((s) => s.id === nat.subnet);
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
    const bound = nat.destinations.reduce((sum, d) => sum + d.gbPerMonth, 0);
    if (bound > nat.gbPerMonth * (1 + 1e-12))
      problems.add(
        [...path, "natGateways", i, "destinations"],
        `destinations add up to ${bound} GB, more than the gateway's gbPerMonth (${nat.gbPerMonth})`,
      );
  });
  vpc.loadBalancers.forEach((lb, i) => {
    lb.azs?.forEach((az, j) =>
      checkAzRef(problems, [...path, "loadBalancers", i, "azs", j], az, vpc),
    );
  });
  const endpointIds = vpc.endpoints.map((e) => e.id);
  vpc.workloads.forEach((workload, i) => {
    const at: Path = [...path, "workloads", i];
    if (workload.az !== undefined) checkAzRef(problems, [...at, "az"], workload.az, vpc);
    if (workload.subnet !== undefined && !subnetIds.includes(workload.subnet)) {
      problems.unknown([...at, "subnet"], "subnet", workload.subnet, subnetIds, within);
    }
    workload.uses.forEach((ref, j) => {
      if (!endpointIds.includes(ref))
        problems.unknown([...at, "uses", j], "endpoint", ref, endpointIds, within);
    });
  });
}
