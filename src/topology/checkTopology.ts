import type { DistanceWork } from "../core/didYouMean.js";
import { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import type { AwsServiceReference } from "./awsReference.js";
import { checkRegion } from "./checkAwsNames.js";
import { checkAzIds } from "./checkAzIds.js";
import { CheckLookups } from "./checkLookups.js";
import { checkPlacement } from "./checkPlacement.js";
import { checkVpc } from "./checkVpc.js";
import { indexTopology, type TopologyIndex } from "./topologyIndex.js";
import type {
  AccountDoc,
  EndpointServiceDoc,
  HostedZoneDoc,
  TopologyDoc,
  TransitGatewayDoc,
  VpcDoc,
} from "./topologySchema.js";

function checkTransitGateway(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  gateway: TransitGatewayDoc,
): void {
  const { index } = lookups;
  checkRegion(problems, below(path, "region"), gateway.region);
  const seen = new Set<string>();
  gateway.attachments.forEach((attachment, i) => {
    const at: Path = below(path, "attachments", i, "vpc");
    const found = index.vpcs.get(attachment.vpc);
    if (!found) {
      problems.unknown(at, "VPC", attachment.vpc, () => index.vpcs.keys());
      return;
    }
    checkPlacement(
      problems,
      below(path, "attachments", i),
      { subnets: attachment.subnets },
      {
        vpc: found.vpc,
        has: lookups.vpc(found.vpc),
      },
      "a transit gateway attachment",
    );
    if (found.vpc.region !== gateway.region) {
      problems.add(
        at,
        `VPC "${attachment.vpc}" is in ${found.vpc.region}; a transit gateway in ${gateway.region} attaches VPCs of its own region`,
      );
    }
    if (seen.has(attachment.vpc)) {
      problems.add(
        at,
        `VPC "${attachment.vpc}" is attached twice to transit gateway "${gateway.id}"`,
      );
    }
    seen.add(attachment.vpc);
  });
}

function checkHostedZone(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  zone: HostedZoneDoc,
): void {
  const { index } = lookups;
  zone.vpcs.forEach((ref, i) => {
    if (!index.vpcs.has(ref))
      problems.unknown(below(path, "vpcs", i), "VPC", ref, () => index.vpcs.keys());
  });
  if (zone.private && zone.vpcs.length === 0) {
    problems.add(
      below(path, "vpcs"),
      "a private hosted zone must be associated with at least one VPC",
    );
  }
  const known = lookups.references.zoneVpcs(zone);
  const zoneName = zone.name.replace(/\.$/, "").toLowerCase();
  zone.records.forEach((record, i) => {
    const at: Path = below(path, "records", i);
    const name = record.name.replace(/\.$/, "").toLowerCase();
    if (name !== zoneName && !name.endsWith(`.${zoneName}`)) {
      problems.add(below(at, "name"), `"${record.name}" is not inside zone "${zone.name}"`);
    }
    if (record.aliasToEndpoint === undefined) {
      if (!record.values || record.values.length === 0) {
        problems.add(at, "give aliasToEndpoint or values");
      }
      return;
    }
    if (record.values) problems.add(at, "give aliasToEndpoint or values, not both");
    if (record.type !== "A" && record.type !== "AAAA") {
      problems.add(
        below(at, "type"),
        `an alias record must be of type A or AAAA, not ${record.type}`,
      );
    }
    const found = lookups.references.resolve(record.aliasToEndpoint, known);
    if ("error" in found) {
      problems.add(
        below(at, "aliasToEndpoint"),
        found.error,
        record.aliasToEndpoint,
        found.candidates,
      );
    } else if (found.endpoint.type === "gateway") {
      problems.add(
        below(at, "aliasToEndpoint"),
        `"${record.aliasToEndpoint}" is a gateway endpoint; it has no DNS name to alias`,
      );
    }
  });
}

function checkAccount(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  account: AccountDoc,
): void {
  const { index } = lookups;
  checkAzIds(problems, path, account);
  account.vpcs.forEach((vpc, v) => checkVpc(problems, lookups, below(path, "vpcs", v), vpc));
  const ownVpcs = new Map<string, VpcDoc>();
  for (const vpc of account.vpcs) if (!ownVpcs.has(vpc.id)) ownVpcs.set(vpc.id, vpc);
  // "vpc/load balancer" → the first endpoint service in front of it
  const fronted = new Map<string, EndpointServiceDoc>();
  account.endpointServices.forEach((service, s) => {
    service.supportedRegions.forEach((region, r) => {
      checkRegion(problems, below(path, "endpointServices", s, "supportedRegions", r), region);
    });
    const at: Path = below(path, "endpointServices", s);
    const vpc = ownVpcs.get(service.vpc);
    if (!vpc) {
      const elsewhere = index.vpcs.has(service.vpc) ? ` (it belongs to another account)` : "";
      problems.unknown(
        below(at, "vpc"),
        "VPC",
        service.vpc,
        ownVpcs.keys(),
        `in account "${account.id}"${elsewhere}`,
      );
      return;
    }
    const lbs = lookups.vpc(vpc).loadBalancers;
    if (!lbs.has(service.loadBalancer)) {
      problems.unknown(
        below(at, "loadBalancer"),
        "load balancer",
        service.loadBalancer,
        lbs.keys(),
        `in VPC "${vpc.id}"`,
      );
    }
    const key = `${service.vpc}/${service.loadBalancer}`;
    const earlier = fronted.get(key);
    if (!earlier) fronted.set(key, service);
    else {
      problems.add(
        below(at, "loadBalancer"),
        `load balancer "${service.loadBalancer}" already fronts endpoint service "${earlier.id}"; a load balancer belongs to one endpoint service`,
      );
    }
  });
  account.hostedZones.forEach((zone, z) =>
    checkHostedZone(problems, lookups, below(path, "hostedZones", z), zone),
  );
  account.transitGateways.forEach((gateway, g) =>
    checkTransitGateway(problems, lookups, below(path, "transitGateways", g), gateway),
  );
}

/** What each list of items checked across accounts holds, in messages. */
const ITEM_NAMES = {
  vpcs: "VPC",
  endpointServices: "endpoint service",
  hostedZones: "hosted zone",
  transitGateways: "transit gateway",
} as const;

/**
 * Report ids repeated across accounts among the items under `key`: the items of every
 * account flattened, each with its account's index (its path is spelled out only for a
 * duplicate).
 */
function duplicatesAcrossAccounts(
  problems: ProblemList,
  doc: TopologyDoc,
  key: keyof typeof ITEM_NAMES,
): void {
  const items: { id: string }[] = [];
  const accountOf: number[] = [];
  const indexIn: number[] = [];
  doc.accounts.forEach((account, a) => {
    const list: readonly { id: string }[] = account[key];
    for (let i = 0; i < list.length; i++) {
      items.push(list[i] as { id: string });
      accountOf.push(a);
      indexIn.push(i);
    }
  });
  problems.duplicates(
    items,
    (n) => ["accounts", accountOf[n] ?? 0, key, indexIn[n] ?? 0],
    ITEM_NAMES[key],
  );
}

/**
 * Semantic checks of a schema-valid document: duplicate ids, unknown references, AZs
 * outside their VPC or region, impossible endpoint placements. Returns the problems found
 * (the first 100 listed, all counted); every check takes constant time per reference.
 * `work`, when given, counts the did-you-mean distance cells computed (for tests);
 * `services` is what AWS service names are checked against (default: the bundled list);
 * `index` is the document's index when the caller has built it already.
 */
export function checkTopology(
  doc: TopologyDoc,
  work?: DistanceWork,
  services?: AwsServiceReference,
  index: TopologyIndex = indexTopology(doc),
): ProblemList {
  const problems = new ProblemList(work);
  const lookups = new CheckLookups(index, services);
  problems.duplicates(doc.accounts, (i) => ["accounts", i], "account");
  for (const key of ["vpcs", "endpointServices", "hostedZones", "transitGateways"] as const)
    duplicatesAcrossAccounts(problems, doc, key);
  doc.accounts.forEach((account, a) => checkAccount(problems, lookups, ["accounts", a], account));
  return problems;
}
