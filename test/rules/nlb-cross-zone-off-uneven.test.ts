import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf } from "../helpers/ruleCase.js";

const ID = "nlb-cross-zone-off-uneven";

/** A provider VPC in two AZs whose load balancer fronts endpoint service "svc". */
const PROVIDER = (lb: string, services = SERVICE) => `name: nlb
accounts:
  - id: p
    vpcs:
      - id: prov
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-1c]
        loadBalancers:
          - ${lb}
${services}`;
const SERVICE = `    endpointServices:
      - { id: svc, vpc: prov, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }
`;

describe(ID, () => {
  it("finds a network load balancer without cross-zone and with AZs that have no targets", () => {
    // azs default to the VPC's three; targets only in us-east-1a: 1b and 1c have none.
    // The cross-zone trade-off is priced from the catalog: 0.01 USD per GB each way.
    expectFindings(ID, PROVIDER("{ id: nlb, type: network, targetAzs: [us-east-1a] }"), [
      {
        path: "accounts[0].vpcs[0].loadBalancers[0]",
        resource: "p/prov/nlb",
        message:
          'network load balancer "nlb" has cross-zone load balancing off and registered targets in us-east-1a only: connections arriving at its nodes in us-east-1b, us-east-1c (from endpoints of endpoint service "svc" there) find no target and fail',
        fix: "register targets in us-east-1b, us-east-1c (targetAzs), or set crossZone: true, which sends traffic to targets in other AZs and pays inter-AZ transfer for it (0.01 USD per GB each way)",
      },
    ]);
  });

  it("finds nothing with targets in every AZ, or with cross-zone load balancing on", () => {
    expect(findingsOf(ID, PROVIDER("{ id: nlb, type: network }"))).toEqual([]);
    expect(
      findingsOf(
        ID,
        PROVIDER("{ id: nlb, type: network, targetAzs: [us-east-1a, us-east-1b, us-east-1c] }"),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        PROVIDER("{ id: nlb, type: network, crossZone: true, targetAzs: [us-east-1a] }"),
      ),
    ).toEqual([]);
  });

  it("compares targets with the load balancer's own AZs, not the VPC's", () => {
    const lb =
      "{ id: nlb, type: network, azs: [us-east-1a, us-east-1b], targetAzs: [us-east-1b, us-east-1a] }";
    expect(findingsOf(ID, PROVIDER(lb))).toEqual([]);
  });

  it("ignores gateway load balancers", () => {
    const gwlb = "{ id: nlb, type: gateway, targetAzs: [us-east-1a] }";
    expect(findingsOf(ID, PROVIDER(gwlb, ""))).toEqual([]);
  });

  it("without an endpoint service names clients; with no targets at all, only registering helps", () => {
    const lb = "{ id: nlb, type: network, azs: [us-east-1a, us-east-1b], targetAzs: [] }";
    expectFindings(ID, PROVIDER(lb, ""), [
      {
        path: "accounts[0].vpcs[0].loadBalancers[0]",
        resource: "p/prov/nlb",
        message:
          'network load balancer "nlb" has cross-zone load balancing off and no registered targets: connections arriving at its nodes in us-east-1a, us-east-1b (from clients or endpoints there) find no target and fail',
        fix: "register targets in us-east-1a, us-east-1b (targetAzs)",
      },
    ]);
  });
});
