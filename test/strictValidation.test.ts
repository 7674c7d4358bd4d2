import { describe, expect, it } from "vitest";
import { LinkplanError, type Problem } from "../src/core/linkplanError.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { problemsOf } from "./helpers/topologyProblems.js";

/** One VPC in `region` with AZs `azs` and the given lines in the VPC. */
function vpcIn(region: string, azs: string, body = ""): string {
  return `name: strict
accounts:
  - id: a
    vpcs:
      - id: main
        region: ${region}
        azs: [${azs}]
${body
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => `        ${l}`)
  .join("\n")}
`;
}

describe("regions", () => {
  it("refuses a region that does not exist, once, not once per AZ", () => {
    expect(problemsOf(vpcIn("us-east-7", "us-east-7a, us-east-7b"))).toEqual([
      {
        path: "accounts[0].vpcs[0].region",
        message: 'unknown AWS region "us-east-7" (did you mean "us-east-1"?)',
      },
    ]);
  });

  it("blames a mistyped region, not the AZs that are right", () => {
    expect(problemsOf(vpcIn("eu-wset-2", "eu-west-2a, eu-west-2b"))).toEqual([
      {
        path: "accounts[0].vpcs[0].region",
        message: 'unknown AWS region "eu-wset-2" (did you mean "eu-west-2"?)',
      },
    ]);
  });

  it("refuses an AZ letter past the region's last", () => {
    expect(problemsOf(vpcIn("eu-west-2", "eu-west-2a, eu-west-2q"))).toEqual([
      {
        path: "accounts[0].vpcs[0].azs[1]",
        message:
          '"eu-west-2q" is not an Availability Zone of eu-west-2 (it has eu-west-2a, eu-west-2b, eu-west-2c, eu-west-2d)',
      },
    ]);
  });

  it("checks transit gateway regions, traffic source regions and supportedRegions", () => {
    const doc = `name: strict
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a]
        loadBalancers: [{ id: nlb, type: network }]
        endpoints:
          - id: sts
            type: interface
            service: sts
            gbPerMonth: 10
            trafficSources: [{ region: us-west-9, gbPerMonth: 1 }]
    endpointServices:
      - { id: svc, vpc: main, loadBalancer: nlb, supportedRegions: [eu-wst-2] }
    transitGateways:
      - { id: tgw, region: us-east-9, attachments: [] }
`;
    expect(problemsOf(doc).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'accounts[0].vpcs[0].endpoints[0].trafficSources[0].region: unknown AWS region "us-west-9" (did you mean "us-west-1"?)',
      'accounts[0].endpointServices[0].supportedRegions[0]: unknown AWS region "eu-wst-2" (did you mean "eu-west-2"?)',
      'accounts[0].transitGateways[0].region: unknown AWS region "us-east-9" (did you mean "us-east-1"?)',
    ]);
  });
});

describe("AWS services", () => {
  it("refuses a service that does not exist, with the closest name", () => {
    const doc = vpcIn(
      "us-east-1",
      "us-east-1a",
      `endpoints:
  - { id: a, type: interface, service: ssm-messages }
  - { id: b, type: interface, service: ec2message }`,
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].service",
        message: 'unknown AWS service "ssm-messages" (did you mean "ssmmessages"?)',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1].service",
        message: 'unknown AWS service "ec2message" (did you mean "ec2messages"?)',
      },
    ]);
  });

  it("refuses a service not offered in the VPC's region", () => {
    const doc = vpcIn(
      "ap-southeast-6",
      "ap-southeast-6a",
      "endpoints: [{ id: lex, type: interface, service: models-v2-lex }]",
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].service",
        message: "models-v2-lex is not offered in ap-southeast-6",
      },
    ]);
  });

  it("says that ssm has no gateway endpoint, besides the key a gateway endpoint lacks", () => {
    const doc = vpcIn(
      "us-east-1",
      "us-east-1a",
      "endpoints: [{ id: ssm, type: gateway, service: ssm, privateDns: true }]",
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: 'unknown key "privateDns"',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[0].service",
        message:
          'gateway endpoints exist only for dynamodb, s3 and s3express, not "ssm"; use type: interface',
      },
    ]);
  });

  it("checks the services NAT traffic is bound for", () => {
    const doc = vpcIn(
      "us-east-1",
      "us-east-1a",
      "natGateways: [{ id: nat, az: us-east-1a, gbPerMonth: 10, destinations: [{ service: dynamo, gbPerMonth: 1 }] }]",
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "accounts[0].vpcs[0].natGateways[0].destinations[0].service",
        message: 'unknown AWS service "dynamo" (did you mean "dynamodb"?)',
      },
    ]);
  });
});

describe("CIDR blocks and ports", () => {
  const cidrs = (vpcCidr: string, subnets: string, extra = "") =>
    vpcIn(
      "eu-west-2",
      "eu-west-2a, eu-west-2b",
      `cidr: ${vpcCidr}
subnets:
${subnets}
${extra}`,
    );

  it("refuses what is not a CIDR block, a prefix past /32 and host bits", () => {
    const doc = cidrs(
      "banana",
      `  - { id: a, az: eu-west-2a, cidr: 10.50.0.0/33 }
  - { id: b, az: eu-west-2b, cidr: 10.0.1.7/24 }`,
    );
    expect(problemsOf(doc).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'accounts[0].vpcs[0].cidr: "banana" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)',
      'accounts[0].vpcs[0].subnets[0].cidr: "10.50.0.0/33" has prefix /33; an IPv4 prefix is /0 to /32',
      'accounts[0].vpcs[0].subnets[1].cidr: "10.0.1.7/24" has host bits set; the network is 10.0.1.0/24',
    ]);
  });

  it("keeps VPC and subnet sizes to /16–/28 and subnets inside the VPC", () => {
    const doc = cidrs("10.0.0.0/8", `  - { id: a, az: eu-west-2a, cidr: 10.0.0.0/29 }`);
    expect(problemsOf(doc).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "accounts[0].vpcs[0].cidr: a VPC IPv4 block is /16 to /28, not /8",
      "accounts[0].vpcs[0].subnets[0].cidr: a subnet IPv4 block is /16 to /28, not /29",
    ]);
    const outside = cidrs("10.0.0.0/16", "  - { id: a, az: eu-west-2a, cidr: 10.1.0.0/24 }");
    expect(problemsOf(outside)).toEqual([
      {
        path: "accounts[0].vpcs[0].subnets[0].cidr",
        message: "10.1.0.0/24 is outside the VPC's 10.0.0.0/16",
      },
    ]);
  });

  it("accepts a subnet in a secondary block, IPv6 included", () => {
    const doc = cidrs(
      "10.0.0.0/16",
      `  - { id: a, az: eu-west-2a, cidr: 100.64.0.0/24 }
  - { id: b, az: eu-west-2b, cidr: "2001:db8:0:1::/64" }`,
      'secondaryCidrs: [100.64.0.0/16, "2001:db8::/56"]',
    );
    expect(() => parseTopology(parseDocument(doc))).not.toThrow();
  });

  it("refuses overlapping subnets, naming both", () => {
    const doc = cidrs(
      "10.0.0.0/16",
      `  - { id: a, az: eu-west-2a, cidr: 10.0.0.0/20 }
  - { id: b, az: eu-west-2b, cidr: 10.0.16.0/24 }
  - { id: c, az: eu-west-2b, cidr: 10.0.4.0/24 }`,
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "accounts[0].vpcs[0].subnets[2].cidr",
        message: 'subnet "c" (10.0.4.0/24) overlaps subnet "a" (10.0.0.0/20)',
      },
    ]);
  });

  it("checks security group rules: CIDRs and port ranges", () => {
    const doc = vpcIn(
      "eu-west-2",
      "eu-west-2a",
      `securityGroups:
  - id: sg
    ingress:
      - { protocol: tcp, fromPort: 443, toPort: 80, cidrs: [not-a-cidr, "::/0", 10.0.0.0/8] }
    egress:
      - { protocol: "-1", cidrs: [0.0.0.0/0] }`,
    );
    expect(problemsOf(doc).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'accounts[0].vpcs[0].securityGroups[0].ingress[0].cidrs[0]: "not-a-cidr" is not a CIDR block (such as 10.0.0.0/16 or 2001:db8::/56)',
      "accounts[0].vpcs[0].securityGroups[0].ingress[0].toPort: toPort 80 is below fromPort 443",
    ]);
  });
});

describe("YAML syntax errors point at the offending token", () => {
  const syntaxProblems = (text: string): Problem[] => {
    try {
      parseDocument(text, "t.yaml");
    } catch (error) {
      if (error instanceof LinkplanError && error.code === "invalid_syntax") return error.problems;
      throw error;
    }
    throw new Error("expected a syntax error");
  };

  it("an unclosed quote: where it opens", () => {
    expect(syntaxProblems('name: "x\naccounts: []\n')).toEqual([
      { path: "t.yaml:1:7", message: 'Missing closing "quote' },
    ]);
  });

  it("unclosed flow collections: where each opens", () => {
    expect(syntaxProblems("name: x\naccounts:\n  - id: a\n    vpcs: [ { id: v\n")).toEqual([
      {
        path: "t.yaml:4:11",
        message: "Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
      {
        path: "t.yaml:4:13",
        message: "Flow map in block collection must be sufficiently indented and end with a }",
      },
    ]);
  });

  it("a mis-indented key: the key, not the line's indentation", () => {
    expect(syntaxProblems("name: x\naccounts:\n  - id: a\n   vpcs: []\n")).toEqual([
      { path: "t.yaml:4:4", message: "Sequence item without - indicator" },
    ]);
  });
});
