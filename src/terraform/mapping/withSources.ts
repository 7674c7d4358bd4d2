import { pathKeys } from "../../document/locatePath.js";
import type { MappedTerraform } from "./mapTerraform.js";

/** Lists of elements whose schema carries `source` (where it was written in Terraform). */
const WITH_SOURCE = new Set([
  "vpcs",
  "subnets",
  "routeTables",
  "securityGroups",
  "endpoints",
  "natGateways",
  "loadBalancers",
  "workloads",
  "endpointServices",
  "hostedZones",
  "transitGateways",
]);

/** Write each element's Terraform origin into it (`source: { terraform, file, line }`). */
export function withSources({ topology, sources }: MappedTerraform): void {
  for (const [path, source] of Object.entries(sources)) {
    const keys = pathKeys(path);
    const list = keys?.at(-2);
    if (!keys || typeof list !== "string" || !WITH_SOURCE.has(list)) continue;
    const element = keys.reduce<unknown>(
      (at, key) => (at as Record<string | number, unknown> | undefined)?.[key],
      topology,
    );
    if (typeof element === "object" && element !== null && !Array.isArray(element))
      (element as Record<string, unknown>).source = source;
  }
}
