import { LinkplanError } from "../../core/linkplanError.js";
import { checkNesting } from "../../document/checkNesting.js";
import { validateSchema } from "../../document/validateSchema.js";
import { type Usage, type UsageEntry, usageFileSchema } from "./usageSchema.js";

/**
 * Validate a usage file (already parsed from YAML or JSON): `version: 1`, `defaults` by
 * resource type, `resources` by Terraform address. Throws a LinkplanError
 * ("invalid_request") listing each problem at its path.
 */
export function parseUsage(value: unknown): Usage {
  const values = checkNesting(value);
  const resources =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).resources
      : undefined;
  const addresses =
    typeof resources === "object" && resources !== null && !Array.isArray(resources)
      ? Object.keys(resources)
      : [];
  const parsed = validateSchema(usageFileSchema(addresses), value, values);
  if (!parsed.success) {
    const count = `${parsed.count} problem${parsed.count === 1 ? "" : "s"}`;
    throw new LinkplanError("invalid_request", `invalid usage file (${count})`, parsed.problems);
  }
  return {
    version: 1,
    defaults: parsed.data.defaults as Usage["defaults"],
    resources: parsed.data.resources as Record<string, UsageEntry>,
  };
}
