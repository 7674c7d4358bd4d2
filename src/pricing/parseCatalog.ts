import { z } from "zod";
import { LinkplanError } from "../model/linkplanError.js";
import { problemsFromZod } from "../model/problemsFromZod.js";
import { type PriceCatalog, PriceCatalogSchema } from "./catalogSchema.js";

/**
 * Validate parsed catalog data (JSON/YAML already read) against the catalog schema.
 * Throws LinkplanError("invalid_catalog") naming the source and every problem at its path.
 */
export function parseCatalog(data: unknown, source: string): PriceCatalog {
  const parsed = z.safeParse(PriceCatalogSchema, data, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error.issues);
    throw new LinkplanError("invalid_catalog", `invalid price catalog ${source}`, problems);
  }
  return parsed.data;
}
