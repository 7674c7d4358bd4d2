import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, vpcTopology } from "../helpers/ruleCase.js";

const ID = "az-not-served-by-provider";

/** A consumer account "c" with an endpoint in both AZs to provider "p"'s service on `lbAzs`. */
const accounts = (consumerIds: string, providerIds: string, lbAzs = "[us-east-1a]") => `name: azs
accounts:
  - id: c
    ${consumerIds}
    vpcs:
      - id: app
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints:
          - { id: api, type: interface, endpointService: svc }
  - id: p
    ${providerIds}
    vpcs:
      - id: prov
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        loadBalancers: [{ id: nlb, type: network, azs: ${lbAzs} }]
    endpointServices:
      - { id: svc, vpc: prov, loadBalancer: nlb, allowedPrincipals: ["*"] }
`;

const C_IDS = "azIds: { us-east-1a: use1-az1, us-east-1b: use1-az2 }";
/** the provider's names map to the other physical zones */
const P_IDS = "azIds: { us-east-1a: use1-az2, us-east-1b: use1-az1 }";

describe(ID, () => {
  it("in one account, compares AZ names", () => {
    const yaml = (azs: string) =>
      vpcTopology(
        `loadBalancers: [{ id: nlb, type: network${azs} }]
endpoints:
  - { id: api, type: interface, endpointService: svc }`,
        `azIds: { us-east-1a: use1-az6, us-east-1b: use1-az1 }
endpointServices:
  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }`,
      );
    expectFindings(ID, yaml(", azs: [us-east-1a]"), [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/api",
        message:
          'endpoint "api" has an ENI in us-east-1b, where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a)',
        fix: "enable the load balancer in us-east-1b, or place the endpoint in us-east-1a",
      },
    ]);
    expect(findingsOf(ID, yaml(""))).toEqual([]);
  });

  it("across accounts with AZ IDs on both sides, compares the IDs (physical zones)", () => {
    // the same name us-east-1a is use1-az1 for the consumer, use1-az2 for the provider
    expectFindings(ID, accounts(C_IDS, P_IDS), [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "c/app/api",
        message:
          'endpoint "api" has an ENI in us-east-1a (use1-az1), where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a (use1-az2) of account "p")',
        fix: 'enable the load balancer in use1-az1 (us-east-1b of account "p"), or place the endpoint in use1-az2 (us-east-1b of account "c")',
      },
    ]);
    expect(findingsOf(ID, accounts(C_IDS, P_IDS, "[us-east-1a, us-east-1b]"))).toEqual([]);
  });

  it("names IDs alone when an account does not map them to names", () => {
    const provider = "azIds: { us-east-1a: use1-az5 }";
    expect(findingsOf(ID, accounts(C_IDS, provider)).map((f) => [f.message, f.fix])).toEqual([
      [
        'endpoint "api" has an ENI in us-east-1a (use1-az1), where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a (use1-az5) of account "p")',
        "enable the load balancer in use1-az1, or place the endpoint in use1-az5",
      ],
      [
        'endpoint "api" has an ENI in us-east-1b (use1-az2), where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a (use1-az5) of account "p")',
        "enable the load balancer in use1-az2, or place the endpoint in use1-az5",
      ],
    ]);
  });

  it("without IDs for every AZ involved, compares names and says they differ across accounts", () => {
    const note = "; AZ names differ between accounts, compare AZ IDs (e.g. use1-az1)";
    const expected = [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "c/app/api",
        message: `endpoint "api" has an ENI in us-east-1b, where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a)${note}`,
        fix: "enable the load balancer in us-east-1b, or place the endpoint in us-east-1a",
      },
    ];
    expectFindings(ID, accounts("", ""), expected);
    expectFindings(ID, accounts(C_IDS, ""), expected);
    expectFindings(ID, accounts("", P_IDS), expected);
    // per ENI: us-east-1a has IDs on both sides, the consumer's us-east-1b has none
    expect(
      findingsOf(ID, accounts("azIds: { us-east-1a: use1-az1 }", P_IDS)).map((f) => f.message),
    ).toEqual([
      'endpoint "api" has an ENI in us-east-1a (use1-az1), where load balancer "nlb" of endpoint service "svc" has no subnet (it is in us-east-1a (use1-az2) of account "p")',
      expected[0]?.message,
    ]);
  });
});
