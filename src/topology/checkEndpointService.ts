import type { ProblemList } from "../core/problemList.js";
import { below, type Path } from "../core/problemPath.js";
import type { CheckLookups } from "./checkLookups.js";
import type { EndpointDoc, VpcDoc } from "./topologySchema.js";

/**
 * Checks of an interface or GWLB endpoint's endpointService: it exists, sits behind the
 * right kind of load balancer, offers private DNS
 * when the endpoint wants it, and allows the endpoint's account.
 */
export function checkEndpointService(
  problems: ProblemList,
  lookups: CheckLookups,
  path: Path,
  endpoint: EndpointDoc & { endpointService: string },
  vpc: VpcDoc,
): void {
  const { index } = lookups;
  const found = index.services.get(endpoint.endpointService);
  if (!found) {
    problems.unknown(
      below(path, "endpointService"),
      "endpoint service",
      endpoint.endpointService,
      () => index.services.keys(),
    );
    return;
  }
  const lbVpc = index.vpcs.get(found.service.vpc)?.vpc;
  const lb = lbVpc && lookups.vpc(lbVpc).loadBalancers.get(found.service.loadBalancer);
  const wanted = endpoint.type === "gwlb" ? "gateway" : "network";
  if (lb && lb.type !== wanted) {
    problems.add(
      below(path, "endpointService"),
      `endpoint service "${found.service.id}" is behind a ${lb.type} load balancer; use type: ${lb.type === "gateway" ? "gwlb" : "interface"}`,
    );
  }
  if (endpoint.type === "interface" && endpoint.privateDns && !found.service.privateDnsName) {
    problems.add(
      below(path, "privateDns"),
      `endpoint service "${found.service.id}" has no privateDnsName; set privateDns: false and use a private hosted zone`,
    );
  }
  const accountId = index.vpcs.get(vpc.id)?.account.awsAccountId;
  const allowed = found.service.allowedPrincipals;
  if (accountId && allowed.length > 0 && !lookups.allows(found.service, accountId)) {
    problems.add(
      below(path, "endpointService"),
      `account ${accountId} is not among the allowedPrincipals of endpoint service "${found.service.id}"`,
    );
  }
}
