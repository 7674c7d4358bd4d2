import { z } from "zod";
import { didYouMean } from "../core/didYouMean.js";
import { AWS_SERVICES } from "./awsReference.js";

const SERVICE_NAMES = [...AWS_SERVICES.keys()];

/** The message for a service name that is not a known AWS endpoint service. */
export function unknownServiceMessage(service: string): string {
  const hint = didYouMean(service, SERVICE_NAMES);
  return `unknown AWS service "${service}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
}

/** An AWS service reachable through a VPC endpoint (`ecr.api`, `s3`), by the bundled list. */
export const AwsServiceSchema = z
  .string()
  .refine((service) => AWS_SERVICES.has(service), {
    error: (issue) => unknownServiceMessage(String(issue.input)),
  })
  .describe("an AWS service reachable through a VPC endpoint, e.g. ecr.api or s3");
