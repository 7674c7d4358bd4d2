import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, selectedRules } from "../src/check/check.js";
import { RULES } from "../src/check/rules.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { networkArb } from "./helpers/randomNetwork.js";
import { topologyArb } from "./helpers/randomTopology.js";

const BASE = (vpcBody: string, accountExtra = "", extraAccounts = "") => `name: rules
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
${vpcBody
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => `        ${l}`)
  .join("\n")}
${accountExtra
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => `    ${l}`)
  .join("\n")}
${extraAccounts}`;
const POLICY = `policy: { Statement: [{ Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }`;
const CASES: Record<string, { bad: string; good: string }> = {
  "provider-single-az": {
    bad: BASE(
      `loadBalancers: [{ id: nlb, type: network, azs: [us-east-1b] }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }`,
    ),
    good: BASE(
      `loadBalancers: [{ id: nlb, type: network }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }`,
    ),
  },
  "endpoint-policy-full-access": {
    bad: BASE(
      `endpoints:\n  - { id: logs, type: interface, service: logs }\n  - { id: s3, type: gateway, service: s3, policy: { Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: "*", Resource: "*" }] } }`,
    ),
    good: BASE(`endpoints:\n  - { id: logs, type: interface, service: logs, ${POLICY} }`),
  },
  "endpoint-service-open": {
    bad: BASE(
      `loadBalancers: [{ id: nlb, type: network }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, acceptanceRequired: false, allowedPrincipals: ["*"] }`,
    ),
    good: BASE(
      `loadBalancers: [{ id: nlb, type: network }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, acceptanceRequired: true, allowedPrincipals: ["*"] }`,
    ),
  },
  "endpoint-service-no-principals": {
    bad: BASE(
      `loadBalancers: [{ id: nlb, type: network }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb }`,
    ),
    good: BASE(
      `loadBalancers: [{ id: nlb, type: network }]`,
      `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["111122223333"] }`,
    ),
  },
  "interface-where-gateway-free": {
    bad: BASE(
      `endpoints:\n  - { id: s3, type: interface, service: s3, gbPerMonth: 100, ${POLICY} }`,
    ),
    good: BASE(
      `endpoints:\n  - { id: s3, type: interface, service: s3, gbPerMonth: 100, ${POLICY}, trafficSources: [{ region: us-east-2, gbPerMonth: 10 }] }`,
    ),
  },
  "single-az-endpoint-prod": {
    bad: BASE(
      `endpoints:\n  - { id: sts, type: interface, service: sts, azs: [us-east-1a], ${POLICY} }`,
    ),
    good: BASE(`endpoints:\n  - { id: sts, type: interface, service: sts, ${POLICY} }`),
  },
};

const OTHER_VPC = `name: rules
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints:
          - { id: api, type: interface, service: execute-api, ${POLICY} }
        workloads:
          - { id: app, uses: [api] }
      - { id: other, region: us-east-1, azs: [us-east-1a] }
    hostedZones:
      - { id: z, name: corp.internal, vpcs: [ZONE_VPCS], records: [{ name: api.corp.internal, type: A, aliasToEndpoint: main/api }] }
`;
CASES["private-dns-needs-vpc-dns"] = {
  bad: BASE(
    `endpoints:\n  - { id: sts, type: interface, service: sts, privateDns: true, ${POLICY} }`,
  ),
  good: BASE(
    `enableDnsHostnames: true\nendpoints:\n  - { id: sts, type: interface, service: sts, privateDns: true, ${POLICY} }`,
  ),
};
CASES["gwlb-endpoint-one-subnet"] = {
  bad: BASE(
    "endpoints:\n  - { id: fw, type: gwlb, serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 }",
  ),
  good: BASE(
    "endpoints:\n  - { id: fw, type: gwlb, azs: [us-east-1a], serviceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 }",
  ),
};
const CROSS_REGION = BASE(
  `loadBalancers: [{ id: nlb, type: network }]`,
  `endpointServices:\n  - { id: svc, vpc: main, loadBalancer: nlb, allowedPrincipals: ["*"]SUPPORTED }`,
  `  - id: b
    vpcs:
      - id: eu
        region: eu-west-1
        azs: [eu-west-1a]
        endpoints: [{ id: api, type: interface, endpointService: svc }]
`,
);
CASES["cross-region-not-enabled"] = {
  bad: CROSS_REGION.replace("SUPPORTED", ""),
  good: CROSS_REGION.replace("SUPPORTED", ", supportedRegions: [eu-west-1]"),
};
CASES["phz-not-associated"] = {
  bad: OTHER_VPC.replace("ZONE_VPCS", "other"),
  good: OTHER_VPC.replace("ZONE_VPCS", "other, main"),
};

/** What each rule finds in its failing topology (hand-checked: 2 ENIs × 730 h × 0.01 + 100 GB × 0.01 = 15.60; one ENI 7.30). */
const EXPECTED: Record<string, object[]> = {
  "cross-region-not-enabled": [
    {
      path: "accounts[1].vpcs[0].endpoints[0].endpointService",
      resource: "b/eu/api",
      message:
        'endpoint "api" in eu-west-1 connects to endpoint service "svc" in us-east-1, which does not list eu-west-1 in its supportedRegions: the connection is refused',
      fix: 'add eu-west-1 to supportedRegions of endpoint service "svc" (cross-Region PrivateLink), or create the endpoint in us-east-1',
    },
  ],
  "private-dns-needs-vpc-dns": [
    {
      path: "accounts[0].vpcs[0].endpoints[0].privateDns",
      resource: "a/main/sts",
      message:
        'endpoint "sts" enables private DNS, but VPC "main" has enableDnsHostnames off (the AWS default): the service\'s name keeps resolving to its public addresses',
      fix: 'set enableDnsHostnames: true on VPC "main"',
    },
  ],
  "gwlb-endpoint-one-subnet": [
    {
      path: "accounts[0].vpcs[0].endpoints[0]",
      resource: "a/main/fw",
      message:
        'GWLB endpoint "fw" is placed in 2 subnets (us-east-1a, us-east-1b); AWS creates a Gateway Load Balancer endpoint in one subnet only',
      fix: "create one GWLB endpoint per AZ, each with one subnet (subnets: [one])",
    },
  ],
  "phz-not-associated": [
    {
      path: "accounts[0].hostedZones[0].records[0]",
      resource: "a/z",
      message:
        'record "api.corp.internal" of private zone "corp.internal" aliases endpoint "main/api", whose workloads in VPC "main" cannot resolve it: the zone is not associated with that VPC',
      fix: 'add "main" to the zone\'s vpcs',
    },
  ],
  "provider-single-az": [
    {
      path: "accounts[0].endpointServices[0].loadBalancer",
      resource: "a/main/svc",
      message:
        'endpoint service "svc" is served by load balancer "nlb" in us-east-1b only: consumers in other AZs cross AZs, and an outage of us-east-1b stops the service',
      fix: "enable the load balancer in at least two AZs (azs: [...]) where consumers have endpoints",
    },
  ],
  "endpoint-policy-full-access": [
    {
      path: "accounts[0].vpcs[0].endpoints[0]",
      resource: "a/main/logs",
      message:
        'endpoint "logs" (logs) has no policy: the default allows any principal every action on every resource through it, other accounts\' resources included (a path for data exfiltration)',
      fix: "give the endpoint a policy naming the actions and resources (e.g. your buckets or repositories) its workloads need",
    },
    {
      path: "accounts[0].vpcs[0].endpoints[1].policy",
      resource: "a/main/s3",
      message:
        'endpoint "s3" (s3) has a policy statement allowing every action on every resource to every principal',
      fix: "give the endpoint a policy naming the actions and resources (e.g. your buckets or repositories) its workloads need",
    },
  ],
  "endpoint-service-open": [
    {
      path: "accounts[0].endpointServices[0].allowedPrincipals",
      resource: "a/main/svc",
      message:
        'endpoint service "svc" allows every AWS principal (*) and accepts their connections automatically: anyone can reach it',
      fix: "list the consumer accounts in allowedPrincipals, or set acceptanceRequired: true",
    },
  ],
  "endpoint-service-no-principals": [
    {
      path: "accounts[0].endpointServices[0].allowedPrincipals",
      resource: "a/main/svc",
      message:
        'endpoint service "svc" allows no principal: no consumer can create an endpoint to it',
      fix: 'add the consumer accounts (e.g. "arn:aws:iam::111122223333:root") to allowedPrincipals',
    },
  ],
  "interface-where-gateway-free": [
    {
      path: "accounts[0].vpcs[0].endpoints[0]",
      resource: "a/main/s3",
      message:
        'endpoint "s3" reaches s3 through an interface endpoint (15.60 USD a month), used only from VPC "main": a gateway endpoint for s3 costs nothing',
      fix: "use type: gateway for s3 (with the VPC's private route tables), unless on-premises or other-Region clients need the interface endpoint",
      savingMonthly: "15.60",
    },
  ],
  "single-az-endpoint-prod": [
    {
      path: "accounts[0].vpcs[0].endpoints[0]",
      resource: "a/main/sts",
      message:
        'endpoint "sts" has its only ENI in us-east-1a of VPC "main", which spans 2 AZs: an outage of us-east-1a cuts the others off, and their traffic pays inter-AZ transfer',
      fix: "add ENIs in us-east-1b (7.30 USD a month more)",
    },
  ],
};

const topologyOf = (yaml: string) => parseTopology(parseDocument(yaml));

describe("each rule: a failing and a passing topology", () => {
  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: finds exactly what is wrong, and nothing in the fixed topology`, () => {
      const rule = RULES.find((r) => r.id === id);
      const found = check(topologyOf(c.bad), { rules: [id] });
      expect(found).toEqual(
        (EXPECTED[id] ?? []).map((f) => ({
          rule: id,
          severity: rule?.severity,
          docs: rule?.docs,
          ...f,
        })),
      );
      expect(check(topologyOf(c.good), { rules: [id] })).toEqual([]);
    });
  }

  it("endpoint-quota: 51 interface endpoints in one VPC, 21 gateway endpoints in a Region", () => {
    const many = (n: number, type: string, service: (i: number) => string) =>
      Array.from(
        { length: n },
        (_, i) => `  - { id: e${type}${i}, type: ${type}, service: ${service(i)} }`,
      ).join("\n");
    const services = ["sts", "logs", "kms", "sqs", "sns", "ssm", "ec2", "ecs", "lambda", "events"];
    const bad = BASE(
      `endpoints:\n${many(51, "interface", (i) => services[i % services.length] ?? "sts")}`,
    );
    expect(check(topologyOf(bad), { rules: ["endpoint-quota"] }).map((f) => f.message)).toEqual([
      'VPC "main" has 51 interface and GWLB endpoints; the AWS quota "Interface and Gateway Load Balancer endpoints per VPC" is 50',
    ]);
    const vpcs = Array.from(
      { length: 11 },
      (_, v) =>
        `      - { id: v${v}, region: eu-west-1, azs: [eu-west-1a], endpoints: [{ id: s3, type: gateway, service: s3 }, { id: ddb, type: gateway, service: dynamodb }] }`,
    ).join("\n");
    const gateways = `name: gw\naccounts:\n  - id: a\n    vpcs:\n${vpcs}\n`;
    expect(
      check(topologyOf(gateways), { rules: ["endpoint-quota"] }).map((f) => f.message),
    ).toEqual([
      'account "a" has 22 gateway endpoints in eu-west-1; the AWS quota "Gateway VPC endpoints per Region" is 20',
    ]);
    expect(
      check(
        topologyOf(BASE(`endpoints:\n${many(50, "interface", (i) => services[i % 10] ?? "sts")}`)),
        { rules: ["endpoint-quota"] },
      ),
    ).toEqual([]);
  });

  it("every rule has a case here or a test file of its own (test/rules/<id>.test.ts)", () => {
    const own = readdirSync(new URL("./rules/", import.meta.url))
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.test\.ts$/, ""));
    const covered = new Set([...Object.keys(CASES), "endpoint-quota", ...own]);
    expect(RULES.map((r) => r.id).sort()).toEqual([...covered].sort());
  });
});

describe("check", () => {
  it("lists the most severe findings first", () => {
    const found = check(topologyOf(CASES["endpoint-service-open"]?.bad ?? ""));
    const ranks = found.map((f) => ["info", "warning", "error"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(found[0]?.rule).toBe("endpoint-service-open");
  });

  it("refuses an unknown rule id, naming it", () => {
    expect(() => selectedRules({ rules: ["nope"] })).toThrow(/unknown check rules/);
  });

  it("never throws on a valid topology", () => {
    fc.assert(
      fc.property(topologyArb, (doc) => {
        const findings = check(parseTopology(doc));
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("never throws on a valid topology with routes, security groups, workloads and AZ IDs", () => {
    const fired = new Set<string>();
    fc.assert(
      fc.property(networkArb, (doc) => {
        for (const finding of check(parseTopology(doc))) fired.add(finding.rule);
      }),
      { numRuns: 150 },
    );
    // the arbitrary reaches the rules that read those parts
    for (const rule of [
      "endpoint-sg-blocks-https",
      "gateway-endpoint-route-missing",
      "nat-cross-az",
    ])
      expect(fired).toContain(rule);
  });
});
