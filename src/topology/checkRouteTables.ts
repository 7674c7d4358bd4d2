import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import type { CheckLookups } from "./checkLookups.js";
import { parseCidr } from "./cidrBlock.js";
import type { VpcDoc } from "./topologySchema.js";

/** A prefix list id as AWS writes it (pl-0123456789abcdef0). */
const PREFIX_LIST = /^pl-[0-9a-f]{8,17}$/;

/**
 * The routes of a VPC's route tables: each destination a CIDR block or a prefix list, once
 * per table; `nat:<id>` a NAT gateway of this VPC; `tgw:<id>` a transit gateway of the
 * topology that has this VPC attached.
 */
export function checkRouteTables(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  vpc: VpcDoc,
): void {
  const nats = new Set(vpc.natGateways.map((nat) => nat.id));
  vpc.routeTables.forEach((table, t) => {
    const seen = new Set<string>();
    table.routes.forEach((route, r) => {
      const at: Path = below(path, "routeTables", t, "routes", r);
      if (!PREFIX_LIST.test(route.destination)) {
        const parsed = parseCidr(route.destination);
        if ("error" in parsed) problems.add(below(at, "destination"), parsed.error);
      }
      if (seen.has(route.destination)) {
        problems.add(
          below(at, "destination"),
          `route table "${table.id}" has two routes for ${route.destination}`,
        );
      }
      seen.add(route.destination);
      const [kind, id = ""] = route.target.split(":");
      if (kind === "nat" && !nats.has(id)) {
        problems.unknown(below(at, "target"), "NAT gateway", id, nats, `in VPC "${vpc.id}"`);
      }
      if (kind === "tgw") {
        const gateway = lookups.transitGateway(id);
        if (!gateway) {
          problems.unknown(below(at, "target"), "transit gateway", id, lookups.transitGatewayIds());
        } else if (!gateway.attachments.some((a) => a.vpc === vpc.id)) {
          problems.add(
            below(at, "target"),
            `VPC "${vpc.id}" is not attached to transit gateway "${id}"; add it to its attachments`,
          );
        }
      }
    });
  });
}
