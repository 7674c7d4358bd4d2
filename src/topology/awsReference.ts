import regionData from "./reference/awsRegions.json" with { type: "json" };
import serviceData from "./reference/awsServices.json" with { type: "json" };

/** An AWS Region as linkplan validates it. */
export interface AwsRegion {
  name: string;
  partition: string;
  /** AZ names, e.g. us-east-1a */
  azs: readonly string[];
  /** AZ IDs in the same order, e.g. use1-az6 */
  azIds: readonly string[];
}

/** An endpoint type an AWS service may support (the topology's endpoint `type`). */
export type AwsEndpointType = "gateway" | "interface" | "gwlb";

/** An AWS service reachable through a VPC endpoint. */
export interface AwsService {
  /** endpoint types it supports: "gateway", "interface" (and "gwlb" in a refreshed list) */
  types: readonly string[];
  /** Regions it is expected in: "all" = every Region of the aws partition */
  regions: "all" | readonly string[];
  /** Regions of other partitions (GovCloud, China) it is also in */
  alsoIn?: readonly string[];
}

/** Where a list was read: a title and a URL. */
export interface AwsReferenceSource {
  title: string;
  url: string;
}

/**
 * A list of AWS services by short name, as data: the shape of the bundled
 * `reference/awsServices.json`, and of the `services` section `linkplan prices refresh`
 * writes into a catalog (which adds `regions`, the Regions it was read in).
 */
export interface AwsServiceList {
  description?: string | undefined;
  /** when the list was read (ISO date) */
  retrieved: string;
  source: readonly AwsReferenceSource[];
  /**
   * The Regions the list was read in: it is the whole truth for these, and the bundled list
   * stays the reference for every other Region. Absent (the bundled list): every Region.
   */
  regions?: readonly string[] | undefined;
  services: Readonly<Record<string, AwsService>>;
}

/**
 * What topology validation looks AWS service names up in: the services by short name, the
 * names (for did-you-mean suggestions) and those with a gateway endpoint (for messages).
 * Plain data (maps and arrays), so it can be handed to worker threads.
 */
export interface AwsServiceReference {
  services: ReadonlyMap<string, AwsService>;
  names: readonly string[];
  /** services with a gateway endpoint, e.g. dynamodb, s3, s3express */
  gateways: readonly string[];
  /** where the list comes from and when it was read */
  retrieved: string;
  source: readonly AwsReferenceSource[];
}

/** Every known Region by code (bundled: see `AWS_REFERENCE_SOURCES`). */
export const AWS_REGIONS: ReadonlyMap<string, AwsRegion> = new Map(
  Object.entries(regionData.regions),
);

function referenceOf(
  services: ReadonlyMap<string, AwsService>,
  from: Pick<AwsServiceList, "retrieved" | "source">,
): AwsServiceReference {
  const names = [...services.keys()];
  return {
    services,
    names,
    gateways: names.filter((name) => services.get(name)?.types.includes("gateway")),
    retrieved: from.retrieved,
    source: from.source,
  };
}

/** The service list bundled with linkplan (see `AWS_REFERENCE_SOURCES`). */
export const BUNDLED_AWS_SERVICES: AwsServiceReference = referenceOf(
  new Map(Object.entries(serviceData.services as Record<string, AwsService>)),
  serviceData,
);

/** Every known AWS endpoint service by its short name (`ecr.api`, `s3`): the bundled list. */
export const AWS_SERVICES: ReadonlyMap<string, AwsService> = BUNDLED_AWS_SERVICES.services;

/** Known Region codes and service names, as lists (for did-you-mean suggestions). */
export const AWS_REGION_CODES: readonly string[] = [...AWS_REGIONS.keys()];
export const AWS_SERVICE_NAMES: readonly string[] = BUNDLED_AWS_SERVICES.names;

/** Where the bundled Region and service lists come from, and when they were read. */
export const AWS_REFERENCE_SOURCES = {
  regions: { retrieved: regionData.retrieved, source: regionData.source },
  services: { retrieved: serviceData.retrieved, source: serviceData.source },
};

/** Whether a service is offered in a Region (by the list the service entry comes from). */
export function offeredIn(service: AwsService, region: string): boolean {
  if (service.alsoIn?.includes(region)) return true;
  if (service.regions === "all") return AWS_REGIONS.get(region)?.partition === "aws";
  return service.regions.includes(region);
}

/**
 * The reference a service list makes. A list read in some Regions (`regions`, as
 * `prices refresh` writes it) is the truth for those Regions; for every other Region the
 * bundled list still answers. So each service known to either list is known; its endpoint
 * types are the list's (else the bundled ones); it is offered in a Region the list was read
 * in only if the list says so, and elsewhere only if the bundled list says so. A list
 * without `regions` replaces the bundled one.
 */
export function awsServiceReference(list: AwsServiceList): AwsServiceReference {
  if (list.regions === undefined) return referenceOf(new Map(Object.entries(list.services)), list);
  const read = new Set(list.regions);
  const merged = new Map<string, AwsService>();
  const names = [...new Set([...BUNDLED_AWS_SERVICES.names, ...Object.keys(list.services)])];
  for (const name of names) {
    const listed = Object.hasOwn(list.services, name) ? list.services[name] : undefined;
    const bundled = BUNDLED_AWS_SERVICES.services.get(name);
    const regions = new Set<string>();
    for (const region of bundled ? regionsOf(bundled) : [])
      if (!read.has(region)) regions.add(region);
    for (const region of listed ? regionsOf(listed) : []) if (read.has(region)) regions.add(region);
    merged.set(name, { types: (listed ?? bundled)?.types ?? [], regions: [...regions] });
  }
  return referenceOf(merged, list);
}

/** The Regions of the aws partition (what "all" stands for). */
const AWS_PARTITION_REGIONS = AWS_REGION_CODES.filter(
  (r) => AWS_REGIONS.get(r)?.partition === "aws",
);

/** Every Region a service is offered in, as a list ("all" spelled out, alsoIn added). */
function regionsOf(service: AwsService): readonly string[] {
  const regions = service.regions === "all" ? AWS_PARTITION_REGIONS : service.regions;
  return service.alsoIn ? [...regions, ...service.alsoIn] : regions;
}
