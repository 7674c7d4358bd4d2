import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "provider-single-az";

/** VPC "main" with `loadBalancer`, which fronts endpoint service "svc". */
const provider = (loadBalancer: string) =>
  vpcTopology(
    `loadBalancers: [${loadBalancer}]`,
    `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }`,
  );

describe(ID, () => {
  it("finds an endpoint service whose load balancer is in one AZ", () => {
    expectFindings(ID, provider("{ id: nlb, type: network, azs: [us-east-1b] }"), [
      {
        path: "accounts[0].endpointServices[0].loadBalancer",
        resource: "a/main/svc",
        message:
          'endpoint service "svc" is served by load balancer "nlb" in us-east-1b only: consumers in other AZs cross AZs, and an outage of us-east-1b stops the service',
        fix: "enable the load balancer in at least two AZs (azs: [...]) where consumers have endpoints",
      },
    ]);
  });

  it("finds nothing once the load balancer is in every AZ of its VPC", () => {
    expect(findingsOf(ID, provider("{ id: nlb, type: network }"))).toEqual([]);
  });
});
