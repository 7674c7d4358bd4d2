import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf } from "../helpers/ruleCase.js";

const ID = "endpoint-sg-blocks-https";

/** One VPC with an STS endpoint in `vpce-sg` (whose ingress is `ingress`) and a workload. */
const vpc = ({
  ingress = "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.0.2.0/24] }]",
  endpoint = "{ id: sts, type: interface, service: sts, securityGroups: [vpce-sg] }",
  workload = "{ id: app, subnet: app-a, securityGroups: [app-sg], uses: [sts] }",
  extraGroups = "",
  cidr = "cidr: 10.0.0.0/16",
  subnetCidr = ", cidr: 10.0.1.0/24",
} = {}) => `name: sg
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        ${cidr}
        azs: [us-east-1a]
        subnets:
          - { id: app-a, az: us-east-1a${subnetCidr} }
        securityGroups:
          - { id: vpce-sg, ingress: ${ingress} }
          - { id: app-sg }
${extraGroups}
        endpoints:
          - ${endpoint}
        workloads:
          - ${workload}
`;

const BLOCKED_APP = {
  path: "accounts[0].vpcs[0].endpoints[0].securityGroups",
  resource: "a/main/sts",
  message:
    'endpoint "sts" lets in no TCP 443 from workload "app" (10.0.1.0/24): no inbound rule of its security group "vpce-sg" admits it, so its connections time out',
  fix: 'allow TCP 443 from 10.0.1.0/24 (workload "app") in security group "vpce-sg"',
};

describe(ID, () => {
  it("finds an endpoint whose group lets HTTPS in only from another subnet", () => {
    expectFindings(ID, vpc(), [BLOCKED_APP]);
  });

  it("finds nothing once the group admits the workload's subnet, VPC or group", () => {
    for (const ingress of [
      "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.0.0.0/16] }]",
      "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.0.1.0/24] }]",
      "[{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [app-sg] }]",
      "[{ protocol: tcp, fromPort: 400, toPort: 500, cidrs: [0.0.0.0/0] }]",
      "[{ protocol: tcp, cidrs: [10.0.0.0/8] }]",
      "[{ protocol: all, cidrs: [10.0.1.0/24] }]",
      '[{ protocol: "-1", fromPort: 22, toPort: 22, cidrs: [10.0.1.0/24] }]',
    ])
      expect(findingsOf(ID, vpc({ ingress })), ingress).toEqual([]);
  });

  it("does not count rules for another protocol, port or group", () => {
    for (const ingress of [
      "[{ protocol: udp, fromPort: 443, toPort: 443, cidrs: [10.0.0.0/16] }]",
      "[{ protocol: icmp, cidrs: [10.0.0.0/16] }]",
      "[{ protocol: tcp, fromPort: 1024, toPort: 65535, cidrs: [10.0.0.0/16] }]",
      "[{ protocol: tcp, fromPort: 80, cidrs: [10.0.0.0/16] }]",
      "[{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [vpce-sg] }]",
      "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [2001:db8::/56] }]",
      "[]",
    ])
      expectFindings(ID, vpc({ ingress }), [BLOCKED_APP]);
  });

  it("reports only what is provable: a rule for part of the subnet, or unknown addresses, admit", () => {
    const part = "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.0.1.0/28] }]";
    expect(findingsOf(ID, vpc({ ingress: part }))).toEqual([]);
    // no subnet CIDR: the workload may be anywhere in the VPC's block
    expect(findingsOf(ID, vpc({ subnetCidr: "" }))).toEqual([]);
    const elsewhere = "[{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.5.0.0/16] }]";
    expectFindings(ID, vpc({ subnetCidr: "", ingress: elsewhere }), [
      {
        ...BLOCKED_APP,
        message: BLOCKED_APP.message.replace("10.0.1.0/24", "10.0.0.0/16"),
        fix: BLOCKED_APP.fix.replace("10.0.1.0/24", "10.0.0.0/16"),
      },
    ]);
    const secondary = "cidr: 10.0.0.0/16\n        secondaryCidrs: [10.5.0.0/16]";
    expect(findingsOf(ID, vpc({ subnetCidr: "", cidr: secondary, ingress: elsewhere }))).toEqual(
      [],
    );
    expect(findingsOf(ID, vpc({ subnetCidr: "", cidr: "", ingress: elsewhere }))).toEqual([]);
  });

  it("uses the VPC's default group for an endpoint with none: it admits only its own members", () => {
    const endpoint = "{ id: sts, type: interface, service: sts }";
    expect(
      findingsOf(ID, vpc({ endpoint, workload: "{ id: app, subnet: app-a, uses: [sts] }" })),
    ).toEqual([]);
    expectFindings(ID, vpc({ endpoint }), [
      {
        ...BLOCKED_APP,
        message:
          'endpoint "sts" lets in no TCP 443 from workload "app" (10.0.1.0/24): it has no security groups, so it is in the default group of VPC "main", which lets in only its own members, so its connections time out',
        fix: 'give endpoint "sts" a security group that allows TCP 443 from 10.0.1.0/24 (workload "app")',
      },
    ]);
  });

  it("reads a default group the VPC defines", () => {
    const endpoint = "{ id: sts, type: interface, service: sts }";
    const extraGroups =
      "          - { id: default, ingress: [{ protocol: tcp, fromPort: 22, toPort: 22, cidrs: [10.0.0.0/16] }] }";
    expectFindings(
      ID,
      vpc({ endpoint, extraGroups, workload: "{ id: app, subnet: app-a, uses: [sts] }" }),
      [
        {
          ...BLOCKED_APP,
          message:
            'endpoint "sts" lets in no TCP 443 from workload "app" (10.0.1.0/24): it has no security groups, so it is in the default group of VPC "main", and no inbound rule of that group admits it, so its connections time out',
          fix: 'allow TCP 443 from 10.0.1.0/24 (workload "app") in security group "default"',
        },
      ],
    );
    const open =
      "          - { id: default, ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [default] }] }";
    expect(
      findingsOf(
        ID,
        vpc({ endpoint, extraGroups: open, workload: "{ id: app, subnet: app-a, uses: [sts] }" }),
      ),
    ).toEqual([]);
  });

  it("takes the union of the endpoint's groups", () => {
    const extraGroups =
      "          - { id: more, ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [app-sg] }] }";
    const endpoint = "{ id: sts, type: interface, service: sts, securityGroups: [vpce-sg, more] }";
    expect(findingsOf(ID, vpc({ endpoint, extraGroups }))).toEqual([]);
    const shut = extraGroups.replace("[app-sg]", "[vpce-sg]");
    expectFindings(ID, vpc({ endpoint, extraGroups: shut }), [
      {
        ...BLOCKED_APP,
        message: BLOCKED_APP.message.replace(
          'its security group "vpce-sg"',
          'its security groups "vpce-sg", "more"',
        ),
      },
    ]);
  });

  it("checks every listener port of an endpoint service's load balancer", () => {
    const yaml = `name: svc
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        cidr: 10.0.0.0/16
        azs: [us-east-1a]
        securityGroups:
          - { id: vpce-sg, ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.0.0.0/16] }] }
        loadBalancers: [{ id: nlb, type: network, listenerPorts: [443, 8443, 9443] }]
        endpoints:
          - { id: api, type: interface, endpointService: svc, securityGroups: [vpce-sg] }
        workloads:
          - { id: app, uses: [api, main/api] }
    endpointServices:
      - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }
`;
    expectFindings(ID, yaml, [
      {
        path: "accounts[0].vpcs[0].endpoints[0].securityGroups",
        resource: "a/main/api",
        message:
          'endpoint "api" lets in no TCP 8443, 9443 from workload "app" (10.0.0.0/16): no inbound rule of its security group "vpce-sg" admits it, so its connections time out',
        fix: 'allow TCP 8443, 9443 from 10.0.0.0/16 (workload "app") in security group "vpce-sg"',
      },
    ]);
    const fixed = yaml.replace("fromPort: 443, toPort: 443", "fromPort: 443, toPort: 9443");
    expect(findingsOf(ID, fixed)).toEqual([]);
  });

  it("matches workloads of other VPCs (a shared hub) by CIDR only, one finding per endpoint", () => {
    const hub = (ingress: string, spokeCidr = "cidr: 10.1.0.0/16") => `name: hub
accounts:
  - id: a
    vpcs:
      - id: hub
        region: us-east-1
        cidr: 10.0.0.0/16
        azs: [us-east-1a]
        securityGroups:
          - { id: vpce-sg, ingress: ${ingress} }
        endpoints:
          - { id: sts, type: interface, service: sts, securityGroups: [vpce-sg] }
          - { id: logs, type: interface, service: logs, securityGroups: [vpce-sg] }
        workloads:
          - { id: local, uses: [sts] }
      - id: spoke
        region: us-east-1
        ${spokeCidr}
        azs: [us-east-1a]
        workloads:
          - { id: batch, uses: [hub/sts] }
          - { id: web, uses: [hub/sts, hub/logs] }
`;
    const byGroup = "[{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [default] }]";
    expectFindings(ID, hub(byGroup), [
      {
        path: "accounts[0].vpcs[0].endpoints[0].securityGroups",
        resource: "a/hub/sts",
        message:
          'endpoint "sts" lets in no TCP 443 from workloads "spoke/batch" (10.1.0.0/16) and "spoke/web" (10.1.0.0/16): no inbound rule of its security group "vpce-sg" admits them, so their connections time out',
        fix: 'allow TCP 443 from 10.1.0.0/16 (workload "spoke/batch") and TCP 443 from 10.1.0.0/16 (workload "spoke/web") in security group "vpce-sg"',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1].securityGroups",
        resource: "a/hub/logs",
        message:
          'endpoint "logs" lets in no TCP 443 from workload "spoke/web" (10.1.0.0/16): no inbound rule of its security group "vpce-sg" admits it, so its connections time out',
        fix: 'allow TCP 443 from 10.1.0.0/16 (workload "spoke/web") in security group "vpce-sg"',
      },
    ]);
    // an unknown spoke CIDR: a group rule still cannot admit it; any CIDR rule might
    expect(findingsOf(ID, hub(byGroup, "")).map((f) => f.fix)).toEqual([
      'allow TCP 443 from the CIDR of VPC "spoke" (workload "spoke/batch") and TCP 443 from the CIDR of VPC "spoke" (workload "spoke/web") in security group "vpce-sg"',
      'allow TCP 443 from the CIDR of VPC "spoke" (workload "spoke/web") in security group "vpce-sg"',
    ]);
    const both =
      "[{ protocol: tcp, fromPort: 443, toPort: 443, securityGroups: [default] }, { protocol: tcp, fromPort: 443, toPort: 443, cidrs: [10.1.0.0/16] }]";
    expect(findingsOf(ID, hub(both))).toEqual([]);
    expect(findingsOf(ID, hub(both.replace("10.1.0.0/16", "192.168.0.0/24"), ""))).toEqual([]);
  });

  it("ignores endpoints no workload uses, and gateway endpoints", () => {
    const unused = vpc({ workload: "{ id: app, subnet: app-a, securityGroups: [app-sg] }" });
    expect(findingsOf(ID, unused)).toEqual([]);
    const gateway = vpc({
      endpoint: "{ id: sts, type: gateway, service: s3 }",
      workload: "{ id: app, subnet: app-a, securityGroups: [app-sg], uses: [sts] }",
    });
    expect(findingsOf(ID, gateway)).toEqual([]);
  });
});
