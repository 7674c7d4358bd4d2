import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf } from "../helpers/ruleCase.js";

const ID = "private-dns-cross-vpc";

/** A hub VPC with shared endpoints, a spoke whose workloads use them, and `zones`. */
const hub = (zones = "[]", region = "us-east-1") => `name: hub
accounts:
  - id: net
    vpcs:
      - id: hub
        region: ${region}
        azs: [${region}a]
        enableDnsHostnames: true
        endpoints:
          - { id: ecr-api, type: interface, service: ecr.api }
          - { id: sts, type: interface, service: sts, privateDns: true }
          - { id: s3, type: gateway, service: s3 }
        workloads:
          - { id: tools, uses: [ecr-api, hub/sts] }
    hostedZones: ${zones}
  - id: app
    vpcs:
      - id: spoke
        region: ${region}
        azs: [${region}a]
        workloads:
          - { id: web, uses: [hub/sts] }
          - { id: batch, uses: [hub/ecr-api, hub/sts, hub/s3, hub/sts] }
`;

const STS = {
  path: "accounts[1].vpcs[0].workloads[0].uses[0]",
  resource: "app/spoke/web",
  message:
    'workloads "web", "batch" of VPC "spoke" use endpoint "hub/sts" (sts), but no private zone associated with "spoke" aliases it: an endpoint\'s private DNS answers only inside its own VPC ("hub"), so in "spoke" sts.us-east-1.amazonaws.com resolves to the service\'s public addresses, not the endpoint',
  fix: 'create a private hosted zone "sts.us-east-1.amazonaws.com" with an alias A record to endpoint "hub/sts", and associate it with VPC "spoke"',
};
const ECR = {
  path: "accounts[1].vpcs[0].workloads[1].uses[0]",
  resource: "app/spoke/batch",
  message:
    'workload "batch" of VPC "spoke" uses endpoint "hub/ecr-api" (ecr.api), but no private zone associated with "spoke" aliases it: an endpoint\'s private DNS answers only inside its own VPC ("hub"), so in "spoke" api.ecr.us-east-1.amazonaws.com resolves to the service\'s public addresses, not the endpoint',
  fix: 'create a private hosted zone "api.ecr.us-east-1.amazonaws.com" with an alias A record to endpoint "hub/ecr-api", and associate it with VPC "spoke"',
};

const ZONES = (stsVpcs: string) => `
      - { id: sts-zone, name: sts.us-east-1.amazonaws.com, vpcs: [${stsVpcs}], records: [{ name: sts.us-east-1.amazonaws.com, type: A, aliasToEndpoint: hub/sts }] }
      - { id: ecr-zone, name: api.ecr.us-east-1.amazonaws.com, vpcs: [spoke], records: [{ name: api.ecr.us-east-1.amazonaws.com, type: AAAA, aliasToEndpoint: hub/ecr-api }] }`;

describe(ID, () => {
  it("finds each (VPC, endpoint of another VPC) pair no private zone of the VPC aliases", () => {
    expectFindings(ID, hub(), [STS, ECR]);
  });

  it("finds nothing once private zones associated with the spoke alias the endpoints", () => {
    expect(findingsOf(ID, hub(ZONES("spoke")))).toEqual([]);
  });

  it("asks to associate a zone that aliases the endpoint but not with the spoke", () => {
    expectFindings(ID, hub(ZONES("hub")), [
      {
        ...STS,
        fix: 'add "spoke" to the vpcs of private zone "sts.us-east-1.amazonaws.com", which aliases the endpoint',
      },
    ]);
  });

  it("counts only alias records, of private zones", () => {
    const values = ZONES("spoke").replace("aliasToEndpoint: hub/sts", "values: [10.0.0.10]");
    expectFindings(ID, hub(values), [STS]);
    const publicZone = ZONES("spoke").replace("{ id: sts-zone,", "{ id: sts-zone, private: false,");
    expectFindings(ID, hub(publicZone), [STS]);
  });

  it("names the zone of a China Region under amazonaws.com.cn", () => {
    const found = findingsOf(ID, hub("[]", "cn-north-1")).map((f) => f.fix);
    expect(found).toEqual([
      'create a private hosted zone "sts.cn-north-1.amazonaws.com.cn" with an alias A record to endpoint "hub/sts", and associate it with VPC "spoke"',
      'create a private hosted zone "api.ecr.cn-north-1.amazonaws.com.cn" with an alias A record to endpoint "hub/ecr-api", and associate it with VPC "spoke"',
    ]);
  });

  it("names an endpoint service's private DNS name, and says when no name is known", () => {
    const yaml = (dnsName: string) => `name: svc
accounts:
  - id: a
    vpcs:
      - id: hub
        region: eu-west-1
        azs: [eu-west-1a]
        loadBalancers: [{ id: nlb, type: network }]
        endpoints:
          - { id: orders, type: interface, endpointService: orders }
          - { id: saas, type: interface, serviceName: com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0 }
      - id: spoke
        region: eu-west-1
        azs: [eu-west-1a]
        workloads:
          - { id: app, uses: [hub/orders, hub/saas] }
    endpointServices:
      - { id: orders, vpc: hub, loadBalancer: nlb, allowedPrincipals: ["*"]${dnsName} }
`;
    const tail =
      'but no private zone associated with "spoke" aliases it: an endpoint\'s private DNS answers only inside its own VPC ("hub"), so in "spoke"';
    expectFindings(ID, yaml(", privateDnsName: Orders.Example.com."), [
      {
        path: "accounts[0].vpcs[1].workloads[0].uses[0]",
        resource: "a/spoke/app",
        message: `workload "app" of VPC "spoke" uses endpoint "hub/orders" (endpoint service "orders"), ${tail} orders.example.com resolves to the service's public addresses, not the endpoint`,
        fix: 'create a private hosted zone "orders.example.com" with an alias A record to endpoint "hub/orders", and associate it with VPC "spoke"',
      },
      {
        path: "accounts[0].vpcs[1].workloads[0].uses[1]",
        resource: "a/spoke/app",
        message: `workload "app" of VPC "spoke" uses endpoint "hub/saas" (com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0), ${tail} the service's name does not resolve to the endpoint`,
        fix: 'create a private hosted zone for the name the workloads call with an alias A record to endpoint "hub/saas", and associate it with VPC "spoke"',
      },
    ]);
    expect(findingsOf(ID, yaml("")).map((f) => f.fix)[0]).toBe(
      'create a private hosted zone for the name the workloads call with an alias A record to endpoint "hub/orders", and associate it with VPC "spoke"',
    );
  });

  it("ignores workloads using endpoints of their own VPC, however written", () => {
    const own = hub().replace(
      / {8}workloads:\n {10}- \{ id: web[\s\S]*$/,
      "        workloads: []\n",
    );
    expect(own).toContain("uses: [ecr-api, hub/sts]");
    expect(findingsOf(ID, own)).toEqual([]);
  });
});
