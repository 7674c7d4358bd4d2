import type { TerraformResource } from "../terraformModel.js";

/**
 * Resource names that say nothing about the resource (the convention of registry modules):
 * the instance key or the module name says more.
 */
const UNINFORMATIVE = new Set(["this", "main", "default", "self", "all", "resource"]);

/** Lowercase letters, digits and single dashes: "ECR_api.x" → "ecr-api-x". */
export function idSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Names of the modules an address is in, outermost first: module.a["k"].module.b.x.y → a, b. */
export function moduleNames(address: string): string[] {
  return [...address.matchAll(/(?:^|\.)module\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? "");
}

function candidate(resource: TerraformResource): string {
  const modules = moduleNames(resource.address);
  const name = idSlug(resource.name);
  const informative = name !== "" && !UNINFORMATIVE.has(resource.name.toLowerCase());
  const owner = idSlug(modules[modules.length - 1] ?? "") || name;
  const key = resource.key === undefined ? "" : idSlug(String(resource.key));
  let id: string;
  if (key === "") id = informative ? name : owner;
  else if (informative) id = `${name}-${key}`;
  else id = typeof resource.key === "number" ? `${owner}-${key}` : key;
  return id || idSlug(resource.type.replace(/^aws_/, "")) || "resource";
}

/**
 * Ids of resources, derived from their addresses: readable, stable, valid ids ([a-z0-9-]),
 * unique per resource type.
 *
 * - the resource name, slugged: `aws_vpc_endpoint.ecr_api` → `ecr-api`;
 * - with a count index or for_each key: `<name>-<key>` (`aws_vpc_endpoint.interface["logs"]`
 *   → `interface-logs`, `aws_subnet.private[0]` → `private-0`), or only the key when the
 *   name is uninformative (this, main, default…): `module.e.aws_vpc_endpoint.this["logs"]`
 *   → `logs`;
 * - an uninformative name without key takes its module's name: `module.vpc.aws_vpc.this`
 *   → `vpc` (`<module>-<index>` for a numeric key);
 * - ids equal for two resources of one type are prefixed with their module names
 *   (`endpoints-a-logs`); still equal, suffixed `-2`, `-3`… in address order.
 */
export function terraformIds(resources: readonly TerraformResource[]): Map<string, string> {
  const byType = new Map<string, TerraformResource[]>();
  for (const resource of resources) {
    const list = byType.get(resource.type);
    if (list) list.push(resource);
    else byType.set(resource.type, [resource]);
  }
  const ids = new Map<string, string>();
  for (const list of byType.values()) {
    const sorted = [...list].sort((a, b) => (a.address < b.address ? -1 : 1));
    const first = new Map(sorted.map((r) => [r.address, candidate(r)] as const));
    const counts = new Map<string, number>();
    for (const id of first.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
    const taken = new Set<string>();
    for (const resource of sorted) {
      let id = first.get(resource.address) ?? "resource";
      if ((counts.get(id) ?? 0) > 1) {
        const prefix = moduleNames(resource.address).map(idSlug).filter(Boolean).join("-");
        if (prefix) id = `${prefix}-${id}`;
      }
      let unique = id;
      for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
      taken.add(unique);
      ids.set(resource.address, unique);
    }
  }
  return ids;
}
