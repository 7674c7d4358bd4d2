import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "endpoint-service-no-principals";

/** Endpoint service "svc" with `principals` (its other keys). */
const service = (principals: string) =>
  vpcTopology(
    "loadBalancers: [{ id: nlb, type: network }]",
    `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb${principals} }`,
  );

describe(ID, () => {
  it("finds an endpoint service without allowedPrincipals", () => {
    expectFindings(ID, service(""), [
      {
        path: "accounts[0].endpointServices[0].allowedPrincipals",
        resource: "a/main/svc",
        message:
          'endpoint service "svc" allows no principal: no consumer can create an endpoint to it',
        fix: 'add the consumer accounts (e.g. "arn:aws:iam::111122223333:root") to allowedPrincipals',
      },
    ]);
  });

  it("finds nothing once it allows a consumer account", () => {
    expect(findingsOf(ID, service(', allowedPrincipals: ["111122223333"]'))).toEqual([]);
  });
});
