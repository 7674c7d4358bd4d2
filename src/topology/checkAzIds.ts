import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import { AWS_REGIONS } from "./awsReference.js";
import type { AccountDoc } from "./topologySchema.js";

/** Region of an AZ name: "us-east-1a" → "us-east-1". */
export function regionOfAz(az: string): string {
  return az.replace(/[a-z]$/, "");
}

/**
 * An account's AZ ID map: each ID one of its Region's (from the bundled Region list), and
 * no two names of the account mapped to one ID.
 */
export function checkAzIds(problems: ProblemList, path: Path, account: AccountDoc): void {
  const byId = new Map<string, string>();
  for (const [az, id] of Object.entries(account.azIds ?? {})) {
    const at: Path = below(path, "azIds", az);
    const region = AWS_REGIONS.get(regionOfAz(az));
    if (region && !region.azIds.includes(id)) {
      problems.add(
        at,
        `"${id}" is not an AZ ID of ${regionOfAz(az)} (it has ${region.azIds.join(", ")})`,
      );
    }
    const other = byId.get(id);
    if (other !== undefined) problems.add(at, `${other} and ${az} both map to ${id}`);
    else byId.set(id, az);
  }
}
