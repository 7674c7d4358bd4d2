import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/document/parseDocument.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { caught } from "./helpers/caught.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";
import { vpcYaml } from "./helpers/topologies.js";
import { problemsOf, topologyErrorOf } from "./helpers/topologyProblems.js";

/** The error parseDocument throws for a text. */
const syntaxErrorOf = (text: string, source?: string) => caught(() => parseDocument(text, source));

/** Account "shared" with VPC "main" (us-east-1, AZs a–c), lines in the VPC, more in the account. */
const vpc = (body: string, account = "") => vpcYaml(body, { account });

describe("parseTopology: references", () => {
  it("names an unknown endpointService and suggests the closest", () => {
    const problems = problemsOf(
      vpc(
        `loadBalancers: [{ id: api-nlb }]
endpoints:
  - { id: api, type: interface, endpointService: api-servic }`,
        "    endpointServices: [{ id: api-service, vpc: main, loadBalancer: api-nlb }]",
      ),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].endpointService",
        message: 'unknown endpoint service "api-servic" (did you mean "api-service"?)',
      },
    ]);
  });

  it("offers no suggestion when nothing is close", () => {
    const problems = problemsOf(
      vpc(
        `loadBalancers: [{ id: api-nlb }]
endpoints:
  - { id: api, type: interface, endpointService: billing }`,
        "    endpointServices: [{ id: api-service, vpc: main, loadBalancer: api-nlb }]",
      ),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].endpointService",
        message: 'unknown endpoint service "billing"',
      },
    ]);
  });

  it("names an unknown aliasToEndpoint", () => {
    const problems = problemsOf(
      vpc(
        "endpoints: [{ id: ecr-api, type: interface, service: ecr.api }]",
        `    hostedZones:
      - id: zone
        name: example.internal
        vpcs: [main]
        records:
          - { name: api.example.internal, aliasToEndpoint: ecr-apii }
          - { name: other.example.internal, aliasToEndpoint: nothing-like-it }`,
      ),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].hostedZones[0].records[0].aliasToEndpoint",
        message: 'no endpoint "ecr-apii" in VPC "main" (did you mean "ecr-api"?)',
      },
      {
        path: "accounts[0].hostedZones[0].records[1].aliasToEndpoint",
        message: 'no endpoint "nothing-like-it" in VPC "main"',
      },
    ]);
  });

  it("refuses an alias to a gateway endpoint", () => {
    const problems = problemsOf(
      vpc(
        "endpoints: [{ id: s3, type: gateway, service: s3 }]",
        `    hostedZones:
      - { id: zone, name: example.internal, vpcs: [main], records: [{ name: s3.example.internal, aliasToEndpoint: s3 }] }`,
      ),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].hostedZones[0].records[0].aliasToEndpoint",
        message: '"s3" is a gateway endpoint; it has no DNS name to alias',
      },
    ]);
  });
});

describe("parseTopology: duplicates", () => {
  it("reports a VPC id used in two accounts", () => {
    const problems = problemsOf(`name: test
accounts:
  - id: one
    vpcs: [{ id: main, region: us-east-1, azs: [us-east-1a] }]
  - id: two
    vpcs:
      - { id: other, region: us-east-1, azs: [us-east-1a] }
      - { id: main, region: us-east-2, azs: [us-east-2a] }
`);
    expect(problems).toEqual([
      {
        path: "accounts[1].vpcs[1].id",
        message: 'duplicate VPC id "main" (first defined at accounts[0].vpcs[0])',
      },
    ]);
  });

  it("reports duplicate endpoint ids in one VPC", () => {
    const problems = problemsOf(
      vpc(`endpoints:
  - { id: sts, type: interface, service: sts }
  - { id: logs, type: interface, service: logs }
  - { id: sts, type: interface, service: sts }`),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[2].id",
        message:
          'duplicate endpoint id "sts" in VPC "main" (first defined at accounts[0].vpcs[0].endpoints[0])',
      },
    ]);
  });

  it("allows the same endpoint id in two VPCs", () => {
    const yaml = `name: test
accounts:
  - id: one
    vpcs:
      - { id: a, region: us-east-1, azs: [us-east-1a], endpoints: [{ id: sts, type: interface, service: sts }] }
      - { id: b, region: us-east-1, azs: [us-east-1a], endpoints: [{ id: sts, type: interface, service: sts }] }
`;
    expect(() => parseTopology(parseDocument(yaml))).not.toThrow();
  });
});

describe("parseTopology: endpoints and AZs", () => {
  it("refuses a gateway endpoint for ecr.api", () => {
    const problems = problemsOf(vpc("endpoints: [{ id: ecr, type: gateway, service: ecr.api }]"));
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].service",
        message:
          'gateway endpoints exist only for dynamodb, s3 and s3express, not "ecr.api"; use type: interface',
      },
    ]);
  });

  it("refuses two subnets of one AZ for an interface endpoint", () => {
    const problems = problemsOf(
      vpc(`subnets:
  - { id: app-a, az: us-east-1a }
  - { id: data-a, az: us-east-1a }
  - { id: app-b, az: us-east-1b }
endpoints:
  - { id: sts, type: interface, service: sts, subnets: [app-a, app-b, data-a] }`),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].subnets[2]",
        message:
          'subnets "app-a" and "data-a" are both in us-east-1a; an endpoint takes at most one subnet per AZ',
      },
    ]);
  });

  it("refuses a VPC AZ outside the VPC's region", () => {
    const problems = problemsOf(`name: test
accounts:
  - id: shared
    vpcs:
      - { id: main, region: us-east-1, azs: [us-east-1a, us-west-2b] }
`);
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].azs[1]",
        message: '"us-west-2b" is not in region us-east-1 of VPC "main"',
      },
    ]);
  });

  it('refuses an endpoint AZ "us-east-1d" that is not an AZ of the VPC', () => {
    const error = topologyErrorOf(
      vpc(`endpoints:
  - { id: sts, type: interface, service: sts }
  - { id: logs, type: interface, service: logs, azs: [us-east-1a] }
  - { id: kms, type: interface, service: kms, azs: [us-east-1a, us-east-1d] }`),
    );
    expect(error.problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[2].azs[1]",
        message: '"us-east-1d" is not an AZ of VPC "main"',
      },
    ]);
    expect(error.message).toBe(
      'invalid topology (1 problem)\n  accounts[0].vpcs[0].endpoints[2].azs[1]: "us-east-1d" is not an AZ of VPC "main"',
    );
  });

  it("reports trafficSources that add up to more than gbPerMonth", () => {
    const problems = problemsOf(
      vpc(`endpoints:
  - id: sts
    type: interface
    service: sts
    azs: [us-east-1a]
    gbPerMonth: 100
    trafficSources:
      - { az: us-east-1b, gbPerMonth: 60 }
      - { region: us-east-2, gbPerMonth: 50 }`),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].trafficSources",
        message: "sources add up to 110 GB/month, more than the endpoint's gbPerMonth (100)",
      },
    ]);
  });

  it("accepts trafficSources that add up to exactly gbPerMonth", () => {
    const yaml = vpc(`endpoints:
  - id: sts
    type: interface
    service: sts
    azs: [us-east-1a]
    gbPerMonth: 100
    trafficSources:
      - { az: us-east-1b, gbPerMonth: 50 }
      - { region: us-east-2, gbPerMonth: 50 }`);
    expect(() => parseTopology(parseDocument(yaml))).not.toThrow();
  });

  // sources are summed exactly (as fixed-point quantities), not as binary floats
  it("rejects two traffic sources from the same AZ", () => {
    const yaml = vpc(`endpoints:
  - id: sts
    type: interface
    service: sts
    azs: [us-east-1a]
    gbPerMonth: 30
    trafficSources:
      - { az: us-east-1b, gbPerMonth: 10 }
      - { az: us-east-1b, gbPerMonth: 20 }`);
    expect(() => parseTopology(parseDocument(yaml))).toThrow(
      'accounts[0].vpcs[0].endpoints[0].trafficSources[1]: "us-east-1b" is listed twice; give one source per AZ or region',
    );
  });

  it("accepts decimal trafficSources that add up exactly (0.1 + 0.2 = 0.3 GB)", () => {
    const yaml = vpc(`endpoints:
  - id: sts
    type: interface
    service: sts
    azs: [us-east-1a]
    gbPerMonth: 0.3
    trafficSources:
      - { az: us-east-1b, gbPerMonth: 0.1 }
      - { az: us-east-1c, gbPerMonth: 0.2 }`);
    expect(() => parseTopology(parseDocument(yaml))).not.toThrow();
  });

  it("checks the origin of each traffic source", () => {
    const problems = problemsOf(
      vpc(`endpoints:
  - id: sts
    type: interface
    service: sts
    gbPerMonth: 10
    trafficSources:
      - { az: us-east-1a, region: us-east-2, gbPerMonth: 1 }
      - { region: us-east-1, gbPerMonth: 1 }
  - id: s3
    type: gateway
    service: s3
    gbPerMonth: 10
    trafficSources: [{ region: us-east-2, gbPerMonth: 1 }]`),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].trafficSources[0]",
        message: "give exactly one of az or region",
      },
      {
        path: "accounts[0].vpcs[0].endpoints[0].trafficSources[1].region",
        message: `"us-east-1" is the VPC's own region; use az instead`,
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1].trafficSources[0].region",
        message: "a gateway endpoint cannot be reached from another region",
      },
    ]);
  });
});

describe("parseTopology: schema problems", () => {
  it("refuses a negative gbPerMonth", () => {
    const problems = problemsOf(
      vpc("endpoints: [{ id: sts, type: interface, service: sts, gbPerMonth: -1 }]"),
    );
    expect(problems).toEqual([
      { path: "accounts[0].vpcs[0].endpoints[0].gbPerMonth", message: "must be ≥ 0, got -1" },
    ]);
  });

  it('refuses gbPerMonth "1000" (a string)', () => {
    const problems = problemsOf(
      vpc(`endpoints: [{ id: sts, type: interface, service: sts, gbPerMonth: "1000" }]`),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].gbPerMonth",
        message: 'expected a number, got a string ("1000")',
      },
    ]);
  });

  it('names an unknown key "gbPerMont" and suggests "gbPerMonth"', () => {
    const problems = problemsOf(
      vpc("endpoints: [{ id: sts, type: interface, service: sts, gbPerMont: 10 }]"),
    );
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        message: 'unknown key "gbPerMont" (did you mean "gbPerMonth"?)',
      },
    ]);
  });

  it('names a wrong endpoint type "interfase" and suggests "interface"', () => {
    const problems = problemsOf(vpc("endpoints: [{ id: sts, type: interfase, service: sts }]"));
    expect(problems).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].type",
        message:
          'must be one of "interface", "gateway", "gwlb", got a string ("interfase") (did you mean "interface"?)',
      },
    ]);
  });

  it("names missing and malformed fields", () => {
    expect(problemsOf("accounts: []")).toEqual([
      { path: "name", message: "is required (a string)" },
      { path: "accounts", message: "must have at least 1 item" },
    ]);
    expect(
      problemsOf(`name: test
accounts:
  - id: Bad_Id
    vpcs:
      - { id: v, region: us-east-1, azs: [] }
      - { id: w, region: useast1, azs: [us-east-1a] }
`),
    ).toEqual([
      {
        path: "accounts[0].id",
        message:
          'must be lowercase letters, digits and dashes (e.g. shared-api), got a string ("Bad_Id")',
      },
      { path: "accounts[0].vpcs[0].azs", message: "must have at least 1 item" },
      {
        path: "accounts[0].vpcs[1].region",
        message: 'must be an AWS region code such as us-east-1, got a string ("useast1")',
      },
    ]);
  });
});

describe("parseTopology: several problems at once", () => {
  it("reports every schema problem in one error", () => {
    const error = topologyErrorOf(
      vpc(`endpoints:
  - { id: a, type: interface, service: sts, gbPerMont: 4 }
  - { id: b, type: interfase, service: sts }
  - { id: c, type: interface, service: sts, gbPerMonth: -1 }
  - { id: d, type: interface, service: sts, gbPerMonth: "1000" }`),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      "accounts[0].vpcs[0].endpoints[0]",
      "accounts[0].vpcs[0].endpoints[1].type",
      "accounts[0].vpcs[0].endpoints[2].gbPerMonth",
      "accounts[0].vpcs[0].endpoints[3].gbPerMonth",
    ]);
    expect(error.message.split("\n")[0]).toBe("invalid topology (4 problems)");
    expect(error.message.split("\n")).toHaveLength(5);
  });

  it("reports every reference problem in one error", () => {
    const error = topologyErrorOf(`name: test
accounts:
  - id: shared
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b, us-east-2a]
        subnets:
          - { id: sa1, az: us-east-1a }
          - { id: sa2, az: us-east-1a }
          - { id: sb, az: us-east-1b }
        loadBalancers: [{ id: nlb }]
        endpoints:
          - { id: e1, type: interface, service: sts, gbPerMonth: 10, trafficSources: [{ az: us-east-1b, gbPerMonth: 6 }, { region: us-west-2, gbPerMonth: 5 }] }
          - { id: e2, type: interface, endpointService: api-servic }
          - { id: e3, type: interface, service: sts, azs: [us-east-1a, us-east-1d] }
          - { id: e3, type: gateway, service: ecr.api }
          - { id: e5, type: interface, service: sts, subnets: [sa1, sb, sa2] }
    endpointServices: [{ id: api-service, vpc: main, loadBalancer: nlb }]
    hostedZones:
      - { id: z, name: x.internal, vpcs: [main], records: [{ name: a.x.internal, aliasToEndpoint: e9 }] }
  - id: other
    vpcs:
      - { id: main, region: us-east-1, azs: [us-east-1a] }
`);
    expect(error.problems).toEqual([
      {
        path: "accounts[1].vpcs[0].id",
        message: 'duplicate VPC id "main" (first defined at accounts[0].vpcs[0])',
      },
      {
        path: "accounts[0].vpcs[0].azs[2]",
        message: '"us-east-2a" is not in region us-east-1 of VPC "main"',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[3].id",
        message:
          'duplicate endpoint id "e3" in VPC "main" (first defined at accounts[0].vpcs[0].endpoints[2])',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[0].trafficSources",
        message: "sources add up to 11 GB/month, more than the endpoint's gbPerMonth (10)",
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1].endpointService",
        message: 'unknown endpoint service "api-servic" (did you mean "api-service"?)',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[2].azs[1]",
        message: '"us-east-1d" is not an AZ of VPC "main"',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[3].service",
        message:
          'gateway endpoints exist only for dynamodb, s3 and s3express, not "ecr.api"; use type: interface',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[4].subnets[2]",
        message:
          'subnets "sa1" and "sa2" are both in us-east-1a; an endpoint takes at most one subnet per AZ',
      },
      {
        path: "accounts[0].hostedZones[0].records[0].aliasToEndpoint",
        message: 'no endpoint "e9" in VPC "main" (did you mean "e1"?)',
      },
    ]);
    expect(error.message.split("\n")[0]).toBe("invalid topology (9 problems)");
  });
});

describe("parseDocument", () => {
  it("parses YAML and JSON", () => {
    expect(parseDocument("name: x\naccounts: [{ id: a }]\n")).toEqual({
      name: "x",
      accounts: [{ id: "a" }],
    });
    expect(parseDocument('{"name": "x", "accounts": [{"id": "a"}]}')).toEqual({
      name: "x",
      accounts: [{ id: "a" }],
    });
  });

  it("broken YAML gives invalid_syntax", () => {
    const error = syntaxErrorOf("name: x\naccounts: [ {id: a\n");
    expect(error.code).toBe("invalid_syntax");
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/^cannot parse input\n/);
  });

  it("refuses duplicate keys", () => {
    const error = syntaxErrorOf("name: x\nname: y\naccounts: [{ id: a }]\n");
    expect(error.code).toBe("invalid_syntax");
    expect(error.problems[0]?.message).toBe("Map keys must be unique");
  });

  it("locates a syntax error by line:column", () => {
    const error = syntaxErrorOf("name: x\naccounts: [ {id: a\n");
    expect(error.code).toBe("invalid_syntax");
    expect(error.problems[0]?.path).toMatch(/^input:\d+:\d+$/);
    expect(syntaxErrorOf("a: b: c\n").problems[0]?.path).toBe("input:1:4");
    expect(syntaxErrorOf("name: x\nname: y\n", "prod.yaml").problems[0]?.path).toBe(
      "prod.yaml:2:1",
    );
  });

  it('rejects a YAML alias bomb ("billion laughs") quickly', () => {
    const levels = "abcdefghi".split("");
    const bomb = levels
      .map((name, i) => {
        const item = i === 0 ? '"lol"' : `*${levels[i - 1]}`;
        return `${name}: &${name} [${Array.from({ length: 10 }, () => item).join(", ")}]`;
      })
      .join("\n");
    // 10^9 strings if expanded
    expect(bomb).toContain("i: &i [*h, *h");
    const started = performance.now();
    const error = syntaxErrorOf(bomb);
    expect(performance.now() - started).toBeLessThan(5000);
    // refused at the first alias that takes the expansion past its allowance
    expect(error.code).toBe("document_too_large");
    expect(error.message.split("\n")[0]).toBe("input is too large once its aliases are expanded");
    expect(error.problems).toEqual([
      {
        path: "input:5:36",
        message:
          "aliases add 101,180 values to the 59 written (counted up to here); linkplan accepts at most 100,000 more values than written",
      },
    ]);
  });

  it("still allows a few aliases", () => {
    expect(parseDocument("a: &x [1, 2]\nb: *x\nc: *x\n")).toEqual({
      a: [1, 2],
      b: [1, 2],
      c: [1, 2],
    });
  });
});

describe("examples", () => {
  it("has examples", () => {
    expect(EXAMPLE_NAMES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(EXAMPLE_NAMES)("%s parses without problems", (name) => {
    const topology = exampleTopology(name);
    expect(topology.accounts.length).toBeGreaterThan(0);
  });
});

describe("endpoint policies", () => {
  it("accepts a policy as a mapping or as a JSON string", () => {
    const asString = JSON.stringify(JSON.stringify({ Version: "2012-10-17", Statement: [] }));
    for (const policy of ['{ Version: "2012-10-17", Statement: [] }', asString]) {
      const yaml = vpc(`endpoints:\n  - { id: s3, type: gateway, service: s3, policy: ${policy} }`);
      expect(() => parseTopology(parseDocument(yaml))).not.toThrow();
    }
  });

  it("rejects a policy string that is not a JSON object", () => {
    const yaml = vpc(`endpoints:\n  - { id: s3, type: gateway, service: s3, policy: "{not json" }`);
    expect(() => parseTopology(parseDocument(yaml))).toThrow(
      "accounts[0].vpcs[0].endpoints[0].policy: must be a JSON object (an IAM policy document)",
    );
  });
});

describe("an unknown key does not hide the other problems", () => {
  const doc = (extra: string) => `
name: typo
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a]
        endpoints:
          - { id: logs, type: interface, service: logs, azs: [us-east-1d] }
          - { id: sts, type: interface, service: sts, ${extra} }
`;

  it("reports the unknown key and the semantic problems together, in document order", () => {
    expect(problemsOf(doc("gbPerMont: 5"))).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[0].azs[0]",
        message: '"us-east-1d" is not an AZ of VPC "main"',
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1]",
        message: 'unknown key "gbPerMont" (did you mean "gbPerMonth"?)',
      },
    ]);
    expect(topologyErrorOf(doc("gbPerMont: 5")).message.split("\n")[0]).toContain("(2 problems)");
  });

  it("stops at the schema when a value is wrong, not just a key", () => {
    expect(problemsOf(doc("gbPerMonth: lots"))).toEqual([
      {
        path: "accounts[0].vpcs[0].endpoints[1].gbPerMonth",
        message: 'expected a number, got a string ("lots")',
      },
    ]);
  });
});
