import * as z from "zod";
import { didYouMean } from "../core/didYouMean.js";
import {
  AWS_REGION_CODES,
  AWS_REGIONS,
  AWS_SERVICE_NAMES,
  type AwsServiceReference,
  BUNDLED_AWS_SERVICES,
} from "./awsReference.js";
import { RegionSchema } from "./topologySchema.js";

/** The message for a service name that is not a known AWS endpoint service. */
export function unknownServiceMessage(
  service: string,
  names: readonly string[] = AWS_SERVICE_NAMES,
): string {
  const hint = didYouMean(service, names);
  return `unknown AWS service "${service}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
}

const SERVICE_DESCRIPTION = "an AWS service reachable through a VPC endpoint, e.g. ecr.api or s3";

/** An AWS service name known to `services` (a catalog's refreshed list, or the bundled one). */
export function awsServiceSchema(services: AwsServiceReference) {
  return z
    .string()
    .refine((service) => services.services.has(service), {
      error: (issue) => unknownServiceMessage(String(issue.input), services.names),
    })
    .describe(SERVICE_DESCRIPTION);
}

/** An AWS service reachable through a VPC endpoint (`ecr.api`, `s3`), by the bundled list. */
export const AwsServiceSchema = awsServiceSchema(BUNDLED_AWS_SERVICES);

/** The message for a Region code that is not an AWS Region. */
export function unknownRegionMessage(region: string): string {
  const hint = didYouMean(region, AWS_REGION_CODES);
  return `unknown AWS region "${region}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
}

/** An AWS Region code that exists (by the bundled list), e.g. us-east-1. */
export const AwsRegionSchema = RegionSchema.refine((region) => AWS_REGIONS.has(region), {
  error: (issue) => unknownRegionMessage(String(issue.input)),
});
