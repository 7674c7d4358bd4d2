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

/** An AWS service reachable through a VPC endpoint. */
export interface AwsService {
  /** endpoint types it supports: "gateway" and/or "interface" */
  types: readonly string[];
  /** Regions it is expected in: "all" = every Region of the aws partition */
  regions: "all" | readonly string[];
  /** Regions of other partitions (GovCloud, China) it is also in */
  alsoIn?: readonly string[];
}

/** Every known Region by code (bundled: see `AWS_REFERENCE_SOURCES`). */
export const AWS_REGIONS: ReadonlyMap<string, AwsRegion> = new Map(
  Object.entries(regionData.regions),
);

/** Every known AWS endpoint service by its short name (`ecr.api`, `s3`). */
export const AWS_SERVICES: ReadonlyMap<string, AwsService> = new Map(
  Object.entries(serviceData.services as Record<string, AwsService>),
);

/** Known Region codes and service names, as lists (for did-you-mean suggestions). */
export const AWS_REGION_CODES: readonly string[] = [...AWS_REGIONS.keys()];
export const AWS_SERVICE_NAMES: readonly string[] = [...AWS_SERVICES.keys()];

/** Where the bundled Region and service lists come from, and when they were read. */
export const AWS_REFERENCE_SOURCES = {
  regions: { retrieved: regionData.retrieved, source: regionData.source },
  services: { retrieved: serviceData.retrieved, source: serviceData.source },
};

/** Whether a service is offered in a Region (by the bundled lists). */
export function offeredIn(service: AwsService, region: string): boolean {
  if (service.alsoIn?.includes(region)) return true;
  if (service.regions === "all") return AWS_REGIONS.get(region)?.partition === "aws";
  return service.regions.includes(region);
}
