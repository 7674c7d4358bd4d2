import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "endpoint-service-open";

/** Endpoint service "svc" open to every principal, with `acceptanceRequired`. */
const service = (acceptanceRequired: boolean) =>
  vpcTopology(
    "loadBalancers: [{ id: nlb, type: network }]",
    `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, acceptanceRequired: ${acceptanceRequired}, allowedPrincipals: ["*"] }`,
  );

describe(ID, () => {
  it("finds an endpoint service allowing every principal without acceptance", () => {
    expectFindings(ID, service(false), [
      {
        path: "accounts[0].endpointServices[0].allowedPrincipals",
        resource: "a/main/svc",
        message:
          'endpoint service "svc" allows every AWS principal (*) and accepts their connections automatically: anyone can reach it',
        fix: "list the consumer accounts in allowedPrincipals, or set acceptanceRequired: true",
      },
    ]);
  });

  it("finds nothing once connections need acceptance", () => {
    expect(findingsOf(ID, service(true))).toEqual([]);
  });
});
