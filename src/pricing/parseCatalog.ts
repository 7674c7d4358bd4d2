import { LinkplanError } from "../core/linkplanError.js";
import { checkNesting } from "../document/checkNesting.js";
import { validateSchema } from "../document/validateSchema.js";
import { type PriceCatalog, PriceCatalogSchema } from "./catalogSchema.js";

/**
 * Validate parsed catalog data (JSON/YAML already read) against the catalog schema.
 * Throws LinkplanError("invalid_catalog") naming the source and the problems at their
 * paths (the first 100; "nesting_too_deep" past 64 levels), with bounded work.
 */
export function parseCatalog(data: unknown, source: string): PriceCatalog {
  const parsed = validateSchema(PriceCatalogSchema, data, checkNesting(data));
  if (!parsed.success)
    throw new LinkplanError("invalid_catalog", `invalid price catalog ${source}`, parsed.problems);
  return parsed.data;
}
