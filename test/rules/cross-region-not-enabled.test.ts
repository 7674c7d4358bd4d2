import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "cross-region-not-enabled";

/** Endpoint service "svc" in us-east-1 with `supported` (its other keys), and account "b"'s endpoint to it in eu-west-1. */
const crossRegion = (supported: string) =>
  vpcTopology(
    "loadBalancers: [{ id: nlb, type: network }]",
    `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["*"]${supported} }`,
    `  - id: b
    vpcs:
      - id: eu
        region: eu-west-1
        azs: [eu-west-1a]
        endpoints: [{ id: api, type: interface, endpointService: svc }]
`,
  );

describe(ID, () => {
  it("finds an endpoint in a Region its endpoint service does not support", () => {
    expectFindings(ID, crossRegion(""), [
      {
        path: "accounts[1].vpcs[0].endpoints[0].endpointService",
        resource: "b/eu/api",
        message:
          'endpoint "api" in eu-west-1 connects to endpoint service "svc" in us-east-1, which does not list eu-west-1 in its supportedRegions: the connection is refused',
        fix: 'add eu-west-1 to supportedRegions of endpoint service "svc" (cross-Region PrivateLink), or create the endpoint in us-east-1',
      },
    ]);
  });

  it("finds nothing once the service lists the endpoint's Region in supportedRegions", () => {
    expect(findingsOf(ID, crossRegion(", supportedRegions: [eu-west-1]"))).toEqual([]);
  });
});
