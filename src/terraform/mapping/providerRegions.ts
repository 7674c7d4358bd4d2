import { LinkplanError } from "../../core/linkplanError.js";
import { AWS_REGIONS } from "../../topology/awsReference.js";
import type { TerraformModel, TerraformResource } from "../terraformModel.js";

const SERVICE_REGION = /^com\.amazonaws\.(?:vpce\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\./;
const AZ_REGION = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]$/;

/** A region a resource's own values reveal: its AZ or the region in a service name. */
function regionHint(resource: TerraformResource): string | undefined {
  const az = resource.values.availability_zone;
  if (typeof az === "string") {
    const m = AZ_REGION.exec(az);
    if (m?.[1]) return m[1];
  }
  const service = resource.values.service_name;
  if (typeof service === "string") {
    const m = SERVICE_REGION.exec(service);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/**
 * The region of each resource: its provider configuration's region, else `region` (the
 * --region option), else the region its provider's resources (then any resource) reveal by
 * AZ names or service names. Throws a LinkplanError asking for --region when none is known.
 */
export function providerRegions(
  model: TerraformModel,
  region: string | undefined,
): (resource: TerraformResource) => string {
  const hints = new Map<string, string>();
  let anyHint: string | undefined;
  for (const resource of model.resources) {
    const hint = regionHint(resource);
    if (!hint) continue;
    if (!hints.has(resource.provider)) hints.set(resource.provider, hint);
    anyHint ??= hint;
  }
  return (resource) => {
    const found =
      model.providers[resource.provider]?.region ??
      region ??
      hints.get(resource.provider) ??
      anyHint;
    if (found === undefined) {
      throw new LinkplanError("invalid_request", "the AWS region is unknown", [
        {
          path: resource.address,
          message: `no region for provider "${resource.provider}" (not in its provider block, not inferable from AZ or service names); give --region`,
        },
      ]);
    }
    return found;
  };
}

/** The region's first two AZ names (from the bundled region list; else <region>a, b). */
export function assumedAzs(region: string): string[] {
  const known = AWS_REGIONS.get(region)?.azs.slice(0, 2);
  return known && known.length > 0 ? [...known] : [`${region}a`, `${region}b`];
}
