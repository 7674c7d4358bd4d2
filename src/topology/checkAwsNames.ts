import type { Path, ProblemList } from "../core/problemList.js";
import {
  AWS_REGION_CODES,
  AWS_REGIONS,
  type AwsServiceReference,
  BUNDLED_AWS_SERVICES,
  offeredIn,
} from "./awsReference.js";

/** "dynamodb, s3 and s3express": a list of names in prose. */
function inProse(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names.join("");
}

/**
 * Report a Region code that is not an AWS Region (with the closest one). Returns whether the
 * Region is known, so that checks depending on it (its AZs) are skipped for an unknown one:
 * a mistyped Region is reported once, not once per AZ.
 */
export function checkRegion(problems: ProblemList, path: Path, region: string): boolean {
  if (AWS_REGIONS.has(region)) return true;
  problems.unknown(path, "AWS region", region, AWS_REGION_CODES);
  return false;
}

/**
 * Report an AZ name past the last one the (known) Region has. AZ names map to zones per
 * account and older accounts keep letters newer ones lack (ap-northeast-1b), so a letter
 * inside the Region's range is accepted; `us-east-1z` is not.
 */
export function checkAzOfRegion(
  problems: ProblemList,
  path: Path,
  az: string,
  region: string,
): void {
  const known = AWS_REGIONS.get(region);
  const last = known?.azs[known.azs.length - 1];
  if (!known || last === undefined || known.azs.includes(az) || az <= last) return;
  problems.add(
    path,
    `"${az}" is not an Availability Zone of ${region} (it has ${known.azs.join(", ")})`,
  );
}

/**
 * Report an AWS service that does not exist (with the closest name), is not offered in the
 * VPC's Region, or has no endpoint of the given type, by `services` (default: the bundled
 * list; a catalog's refreshed list when it has one).
 */
export function checkAwsService(
  problems: ProblemList,
  path: Path,
  service: string,
  region: string,
  type: "gateway" | "interface" | null,
  services: AwsServiceReference = BUNDLED_AWS_SERVICES,
): void {
  const known = services.services.get(service);
  if (!known) {
    problems.unknown(path, "AWS service", service, services.names);
    return;
  }
  if (type === "gateway" && !known.types.includes("gateway")) {
    problems.add(
      path,
      `gateway endpoints exist only for ${inProse(services.gateways)}, not "${service}"; use type: interface`,
    );
    return;
  }
  if (type === "interface" && !known.types.includes("interface")) {
    problems.add(path, `${service} has no interface endpoint; use type: gateway`);
    return;
  }
  if (AWS_REGIONS.has(region) && !offeredIn(known, region))
    problems.add(path, `${service} is not offered in ${region}`);
}
