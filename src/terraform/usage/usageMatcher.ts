import type { TerraformResource } from "../terraformModel.js";
import { isUsageType, type Usage, type UsageEntry } from "./usageSchema.js";

const INSTANCE_KEY = String.raw`\[(?:"(?:[^"\\]|\\.)*"|\d+)\]`;

/** A usage address with "[*]" as a pattern matching every instance key there. */
function pattern(address: string): RegExp {
  const parts = address.split("[*]").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(INSTANCE_KEY)}$`);
}

/** Finds the usage of resources; remembers which addresses of the file matched. */
export interface UsageMatcher {
  /** defaults of its type, then "[*]" entries, then its exact entry, field by field */
  entryFor(resource: TerraformResource): UsageEntry | undefined;
  /** addresses of the file that matched no resource asked about */
  unmatched(): string[];
}

export function usageMatcher(usage: Usage): UsageMatcher {
  const keys = Object.keys(usage.resources);
  const wildcards = keys.filter((k) => k.includes("[*]")).map((k) => [k, pattern(k)] as const);
  const matched = new Set<string>();
  return {
    entryFor(resource) {
      const found: UsageEntry[] = [];
      const byDefault = isUsageType(resource.type) ? usage.defaults[resource.type] : undefined;
      if (byDefault) found.push(byDefault);
      for (const [key, re] of wildcards) {
        const entry = usage.resources[key];
        if (entry && re.test(resource.address)) {
          matched.add(key);
          found.push(entry);
        }
      }
      const exact = Object.hasOwn(usage.resources, resource.address)
        ? usage.resources[resource.address]
        : undefined;
      if (exact) {
        matched.add(resource.address);
        found.push(exact);
      }
      return found.length === 0 ? undefined : (Object.assign({}, ...found) as UsageEntry);
    },
    unmatched: () => keys.filter((k) => !matched.has(k)),
  };
}
