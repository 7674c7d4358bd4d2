import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, indent, POLICY } from "../helpers/ruleCase.js";

const ID = "private-dns-conflict";

/** VPC "main" with `endpoints`, and an account "dns" holding a private zone `zone` for it. */
const topology = (endpoints: string, zone = "corp.internal", zoneExtra = "") => `name: dns
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        enableDnsHostnames: true
        loadBalancers: [{ id: nlb, type: network }]
        endpoints:
${indent(endpoints, 10)}
      - { id: other, region: us-east-1, azs: [us-east-1a] }
    endpointServices:
      - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["*"], privateDnsName: api.example.com }
  - id: dns
    hostedZones:
      - { id: z, name: "${zone}", vpcs: [other, main]${zoneExtra} }
`;

const STS = "- { id: sts, type: interface, service: sts, privateDns: true }";

const zoneFinding = (zone: string, endpoint: string, name: string) => ({
  path: "accounts[1].hostedZones[0].vpcs[1]",
  resource: "dns/z",
  message: `private zone "${zone}" is associated with VPC "main", whose endpoint "${endpoint}" enables private DNS for ${name}: a zone for that name or a parent of it conflicts with the endpoint's private DNS (AWS refuses to enable it for a conflicting DNS domain in the VPC, or the zone shadows the name)`,
  fix: `remove "main" from the zone's vpcs, or set privateDns: false on endpoint "${endpoint}" and alias ${name} to it in this zone`,
});

describe(ID, () => {
  it("finds two endpoints of one VPC enabling private DNS for one service", () => {
    const two = (privateDns: boolean) =>
      topology(
        `- { id: sts1, type: interface, service: sts, privateDns: true, ${POLICY} }\n- { id: sts2, type: interface, service: sts, privateDns: ${privateDns}, ${POLICY} }`,
      );
    expectFindings(ID, two(true), [
      {
        path: "accounts[0].vpcs[0].endpoints[1].privateDns",
        resource: "a/main/sts2",
        message:
          'endpoints "sts1" and "sts2" of VPC "main" both enable private DNS for sts: AWS refuses the second (the name already resolves to the first)',
        fix: 'keep one endpoint for sts in the VPC, or set privateDns: false on "sts2"',
      },
    ]);
    expect(findingsOf(ID, two(false))).toEqual([]);
  });

  it("finds a private zone for the service's name associated with the endpoint's VPC", () => {
    const name = "sts.us-east-1.amazonaws.com";
    expectFindings(ID, topology(STS, name), [zoneFinding(name, "sts", name)]);
    // case and a trailing dot do not matter
    expectFindings(ID, topology(STS, "STS.us-east-1.AmazonAWS.com."), [
      zoneFinding("STS.us-east-1.AmazonAWS.com.", "sts", name),
    ]);
  });

  it("finds a parent zone within amazonaws.com, for dotted service names too", () => {
    const ecr = "- { id: ecr, type: interface, service: ecr.api, privateDns: true }";
    const name = "api.ecr.us-east-1.amazonaws.com";
    for (const zone of [
      name,
      "ecr.us-east-1.amazonaws.com",
      "us-east-1.amazonaws.com",
      "amazonaws.com",
    ])
      expectFindings(ID, topology(ecr, zone), [zoneFinding(zone, "ecr", name)]);
    for (const zone of [
      "ecr.api.us-east-1.amazonaws.com",
      "x.api.ecr.us-east-1.amazonaws.com",
      "com",
    ])
      expect(findingsOf(ID, topology(ecr, zone)), zone).toEqual([]);
  });

  it("finds a zone for an endpoint service's privateDnsName, not for its parents", () => {
    const api = "- { id: api, type: interface, endpointService: svc, privateDns: true }";
    expectFindings(ID, topology(api, "api.example.com"), [
      zoneFinding("api.example.com", "api", "api.example.com"),
    ]);
    expect(findingsOf(ID, topology(api, "example.com"))).toEqual([]);
  });

  it("finds nothing for endpoints without private DNS, public zones or other names", () => {
    const hub = "- { id: sts, type: interface, service: sts, privateDns: false }";
    expect(findingsOf(ID, topology(hub, "sts.us-east-1.amazonaws.com"))).toEqual([]);
    expect(
      findingsOf(ID, topology(STS, "sts.us-east-1.amazonaws.com", ", private: false")),
    ).toEqual([]);
    expect(findingsOf(ID, topology(STS, "sts.us-west-2.amazonaws.com"))).toEqual([]);
    expect(findingsOf(ID, topology(STS, "corp.internal"))).toEqual([]);
    const saas =
      "- { id: saas, type: interface, serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, privateDns: true }";
    expect(findingsOf(ID, topology(saas, "amazonaws.com"))).toEqual([]);
  });
});
