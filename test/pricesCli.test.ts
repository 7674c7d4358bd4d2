import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseCatalog } from "../src/pricing/parseCatalog.js";
import { EXPECTED_PRICE_LIST_CATALOG } from "./fixtures/priceListCatalog.js";
import { bundledRegionServices, type Ec2Server, startEc2Server } from "./helpers/ec2Server.js";
import { PRICE_LIST_PRODUCTS } from "./helpers/priceListFixture.js";
import { type PriceListServer, startPriceListServer } from "./helpers/priceListServer.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const tmp = scratchDir("prices").dir;
const EMPTY = join(tmp, "empty-aws-config");
writeFileSync(EMPTY, "");
const saved = { ...process.env };
const HINT = "use the bundled catalog (omit --catalog) or check AWS credentials / --endpoint-url";

/** No AWS settings of the developer's machine, and no instance metadata: only what a test sets. */
function isolatedAwsEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...saved };
  for (const key of Object.keys(env)) if (key.startsWith("AWS_")) delete env[key];
  return {
    ...env,
    AWS_CONFIG_FILE: EMPTY,
    AWS_SHARED_CREDENTIALS_FILE: EMPTY,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...extra,
  };
}

const FAKE_KEYS = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
let ec2: Ec2Server;
/** fake keys, and Amazon EC2 at the local stand-in */
const awsEnv = (): Record<string, string> => ({ ...FAKE_KEYS, AWS_ENDPOINT_URL_EC2: ec2.url });

function useEnv(extra: Record<string, string>): void {
  const env = isolatedAwsEnv(extra);
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
}

let server: PriceListServer;
beforeAll(async () => {
  server = await startPriceListServer({ products: PRICE_LIST_PRODUCTS, pageSize: 3 });
  // AWS no longer lists sqs in us-east-1 and has a new service there (made up)
  ec2 = await startEc2Server({
    services: {
      "us-east-1": bundledRegionServices("us-east-1", { without: ["sqs"], with: ["newsvc"] }),
      "eu-west-2": bundledRegionServices("eu-west-2"),
    },
    pageSize: 200,
  });
});
afterAll(async () => {
  await server.close();
  await ec2.close();
});
beforeEach(() => useEnv(awsEnv()));
afterEach(() => {
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** the expected catalog as refreshed today (the CLI dates it with the clock) */
function expectedToday(retrieved: string) {
  return {
    ...EXPECTED_PRICE_LIST_CATALOG,
    retrieved,
    description: EXPECTED_PRICE_LIST_CATALOG.description?.replace("2026-11-27", retrieved),
  };
}

describe("linkplan prices refresh → diff → estimate --catalog", () => {
  it("works end to end against the local Price List server", async () => {
    const refresh = await runCliCapture(
      [
        "prices",
        "refresh",
        "--regions",
        "us-east-1,eu-west-2",
        "-o",
        "new.json",
        "--endpoint-url",
        server.url,
      ],
      tmp,
    );
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toBe("");
    const lines = refresh.stderr.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "AmazonVPC       us-east-1      page 1, 3 records",
      "AmazonVPC       us-east-1      page 2, 6 records",
      "AmazonVPC       us-east-1      page 3, 9 records",
      "AWSELB          us-east-1      page 1, 3 records",
    ]);
    expect(lines).toContain(
      "AmazonEC2       us-east-1      page 1, 2 records (productFamily=NAT Gateway)",
    );
    expect(lines).toContain(
      "AmazonRoute53   global         page 1, 1 record (usagetype=DNS-Queries)",
    );
    expect(lines.slice(16)).toEqual([
      "priced 30 items (us-east-1 15, eu-west-2 13, global 2) from 33 of 39 records in 16 pages",
      "not used: 5 records",
      "  unknown-usagetype: 5, e.g.",
      "    AmazonVPC VPC Public IPv4 Address USE1-PublicIPv4:IdleAddress us-east-1 (sku IPV41IDLE)",
      "    AmazonVPC Cloud Connectivity USE1-VPN-Usage-Hours:ipsec.1 us-east-1 (sku VPN1HRS)",
      "    AWSELB Load Balancer-Application USE1-LoadBalancerUsage us-east-1 (sku ALB1HRS)",
      "no USD price: 1 record, e.g.",
      "    AmazonEC2 NAT Gateway EUW2-NatGateway-Hours eu-west-2 (sku NAT2CNY)",
      "missing in eu-west-2: gatewayLoadBalancerHour, gatewayLoadBalancerLcuHour",
      "AmazonEC2       us-east-1      DescribeVpcEndpointServices: 3 pages, 482 services, 481 owned by amazon",
      "AmazonEC2       eu-west-2      DescribeVpcEndpointServices: 2 pages, 342 services, 341 owned by amazon",
      "listed 482 AWS services (us-east-1 481, eu-west-2 341) in 5 pages",
      "wrote new.json",
      "",
    ]);
    const path = join(tmp, "new.json");
    const { services, ...written } = JSON.parse(readFileSync(path, "utf8"));
    expect(written.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(written).toEqual(expectedToday(written.retrieved));
    // the service list: dated like the prices, its source, the Regions read, each service
    expect(Object.keys(services)).toEqual([
      "description",
      "retrieved",
      "source",
      "regions",
      "services",
    ]);
    expect(services.retrieved).toBe(written.retrieved);
    expect(services.source).toEqual([
      {
        title:
          "Amazon EC2 DescribeVpcEndpointServices (Owner amazon) in us-east-1, eu-west-2, with the IAM permission ec2:DescribeVpcEndpointServices",
        url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html",
      },
    ]);
    expect(services.regions).toEqual(["us-east-1", "eu-west-2"]);
    expect(services.services.s3).toEqual({
      types: ["gateway", "interface"],
      regions: ["us-east-1", "eu-west-2"],
    });
    expect(services.services.sqs).toEqual({ types: ["interface"], regions: ["eu-west-2"] });
    expect(services.services.newsvc).toEqual({ types: ["interface"], regions: ["us-east-1"] });
    expect(services.services.account).toEqual({ types: ["interface"], regions: ["us-east-1"] });
    expect(services.services.notebook.regions).toEqual(["us-east-1", "eu-west-2"]);
    expect(services.services["s3-global.accesspoint"].regions).toEqual(["us-east-1", "eu-west-2"]);
    expect(Object.keys(services.services).some((name) => name.includes("vpce"))).toBe(false);

    const diff = await runCliCapture(["prices", "diff", "bundled", path]);
    expect(diff.code).toBe(0);
    expect(diff.stderr).toBe("");
    expect(diff.stdout).toBe(
      [
        `prices diff: bundled (2026-11-20) → aws-price-list (${written.retrieved})`,
        "",
        "REGION     ITEM                          FIGURE      OLD     NEW   CHANGE",
        "eu-west-2  networkLoadBalancerHour               0.02646  0.0252    -4.8%",
        "eu-west-2  gatewayLoadBalancerHour                0.0147       -  removed",
        "eu-west-2  gatewayLoadBalancerLcuHour             0.0047       -  removed",
        "eu-west-2  transitGatewayAttachmentHour             0.06    0.05   -16.7%",
        "",
        "only in bundled (old): us-east-2 (15 items), us-west-2 (15 items), eu-west-1 (15 items), eu-central-1 (15 items), ap-southeast-1 (15 items), ap-southeast-2 (15 items), ap-northeast-1 (15 items), ap-northeast-2 (15 items)",
        "2 changed, 0 added, 2 removed, 35 unchanged (regions in both and Route 53)",
        "",
      ].join("\n"),
    );

    const json = await runCliCapture(["prices", "diff", path, "bundled", "--format", "json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.regionsOnlyInNew).toHaveLength(8);
    expect(parsed.changes[0]).toEqual({
      region: "eu-west-2",
      item: "networkLoadBalancerHour",
      figure: "",
      change: "changed",
      old: "0.0252",
      new: "0.02646",
      percent: "+5.0%",
    });

    const estimate = await runCliCapture([
      "estimate",
      "examples/consumer-provider.yaml",
      "--catalog",
      path,
      "-f",
      "json",
    ]);
    expect(estimate.code).toBe(0);
    const priced = JSON.parse(estimate.stdout);
    expect(priced.catalog).toEqual({ name: "aws-price-list", retrieved: written.retrieved });
    // bundled 43.3758 − 730 h × (0.02646 − 0.0252)
    expect(priced.totals.monthly).toBe("42.456");
    expect(priced.lines[0].price.source).toBe("AWS Price List API AmazonVPC sku VPCE2HRS");
  });

  it("prints the catalog on stdout without -o, at the endpoint of AWS_ENDPOINT_URL_PRICING", async () => {
    useEnv({ ...awsEnv(), AWS_ENDPOINT_URL_PRICING: server.url });
    const before = server.requests.length;
    const result = await runCliCapture([
      "prices",
      "refresh",
      "--regions",
      "eu-west-2,us-east-1,eu-west-2",
    ]);
    expect(result.code).toBe(0);
    expect(server.requests.length - before).toBe(16);
    const catalog = parseCatalog(JSON.parse(result.stdout), "stdout");
    expect(Object.keys(catalog.regions)).toEqual(["eu-west-2", "us-east-1"]);
    expect(catalog.regions).toEqual(expectedToday(catalog.retrieved).regions);
  });
});

/** A topology with one interface endpoint to `service` in a VPC of `region`. */
function oneEndpoint(region: string, service: string): string {
  return [
    "name: one",
    "accounts:",
    "  - id: a",
    "    vpcs:",
    "      - id: v",
    `        region: ${region}`,
    `        azs: [${region}a]`,
    `        endpoints: [{ id: e, type: interface, service: ${service} }]`,
    "",
  ].join("\n");
}

describe("the service list of a refreshed catalog validates every command given it", () => {
  const catalogPath = join(tmp, "with-services.json");
  const file = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  const sqsEast = file("sqs-east.yaml", oneEndpoint("us-east-1", "sqs"));
  const sqsLondon = file("sqs-london.yaml", oneEndpoint("eu-west-2", "sqs"));
  const newEast = file("new-east.yaml", oneEndpoint("us-east-1", "newsvc"));
  // a Region not read: the bundled list answers
  const sqsParis = file("sqs-paris.yaml", oneEndpoint("eu-west-3", "sqs"));

  beforeAll(async () => {
    useEnv(awsEnv());
    const refresh = await runCliCapture(
      [
        "prices",
        "refresh",
        "--regions",
        "us-east-1,eu-west-2",
        "-o",
        catalogPath,
        "--endpoint-url",
        server.url,
      ],
      tmp,
    );
    expect(refresh.code).toBe(0);
  });

  /** the error, with the member the topology is in (compare: b, whatif: topology) */
  const notOffered = (member = "") =>
    `linkplan: ${member && `${member}: `}invalid topology (1 problem)\n  ${member && `${member}.`}accounts[0].vpcs[0].endpoints[0].service: sqs is not offered in us-east-1\n`;

  it("a service the list lacks in a Region it was read in is an error naming it", async () => {
    for (const [member, ...args] of [
      ["", "validate", sqsEast],
      ["", "estimate", sqsEast],
      ["", "check", sqsEast],
      ["", "diagram", sqsEast],
      ["b", "compare", sqsLondon, sqsEast],
      ["topology", "whatif", sqsEast, "--consolidate-azs", "1"],
    ] as const) {
      const result = await runCliCapture([...args, "--catalog", catalogPath]);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toBe(notOffered(member));
      // without the catalog: the bundled list, which has sqs in us-east-1
      const bundled = await runCliCapture([...args]);
      expect(bundled.stderr, args.join(" ")).not.toContain("not offered");
    }
  });

  it("a service the list adds is accepted (the bundled list does not know it)", async () => {
    const result = await runCliCapture(["validate", newEast, "--catalog", catalogPath]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const bundled = await runCliCapture(["validate", newEast]);
    expect(bundled.code).toBe(1);
    expect(bundled.stderr).toContain('unknown AWS service "newsvc"');
  });

  it("Regions the list was not read in, and those it lists the service in, are as before", async () => {
    for (const path of [sqsLondon, sqsParis]) {
      const result = await runCliCapture(["validate", path, "--catalog", catalogPath]);
      expect(result).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("whatif --services takes the list's names", async () => {
    const nat = file(
      "nat-new.yaml",
      [
        "name: nat",
        "accounts:",
        "  - id: a",
        "    vpcs:",
        "      - id: v",
        "        region: us-east-1",
        "        azs: [us-east-1a]",
        "        natGateways:",
        "          - id: nat",
        "            az: us-east-1a",
        "            gbPerMonth: 100",
        "            destinations: [{ service: newsvc, gbPerMonth: 40 }]",
        "",
      ].join("\n"),
    );
    const args = ["whatif", nat, "--nat-to-endpoints", "--services", "newsvc", "-f", "json"];
    const result = await runCliCapture([...args, "--catalog", catalogPath]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const endpoints = JSON.parse(result.stdout).topology.accounts[0].vpcs[0].endpoints;
    expect(endpoints.map((e: { service: string }) => e.service)).toEqual(["newsvc"]);
    const bundled = await runCliCapture(args);
    expect(bundled.code).toBe(1);
    expect(bundled.stderr).toContain('unknown AWS service "newsvc"');
  });
});

describe("linkplan prices refresh failures (exit 1, one line, no stack)", () => {
  it("without credentials", async () => {
    useEnv({ AWS_PROFILE: "linkplan-test-no-such-profile" });
    const result = await runCliCapture([
      "prices",
      "refresh",
      "--regions",
      "us-east-1",
      "--endpoint-url",
      server.url,
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `linkplan: no AWS credentials found (Could not load credentials from any providers); ${HINT}\n`,
    });
  });

  it("without a network (connection refused)", async () => {
    const closed = await startPriceListServer({ products: {}, pageSize: 1 });
    await closed.close();
    const result = await runCliCapture([
      "prices",
      "refresh",
      "--regions",
      "us-east-1",
      "--endpoint-url",
      closed.url,
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `linkplan: cannot reach the AWS Price List API (connect ECONNREFUSED ${closed.url.slice(7)}); ${HINT}\n`,
    });
  });

  it("in a separate process, with a clean environment", async () => {
    const main = new URL("../src/cli/main.ts", import.meta.url).pathname;
    const args = [
      "tsx",
      main,
      "prices",
      "refresh",
      "--regions",
      "us-east-1",
      "--endpoint-url",
      server.url,
    ];
    const failed = await promisify(execFile)("npx", args, {
      env: isolatedAwsEnv({ AWS_PROFILE: "linkplan-test-no-such-profile" }),
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe("");
    expect(failed?.stderr).toBe(
      `linkplan: no AWS credentials found (Could not load credentials from any providers); ${HINT}\n`,
    );
  });

  it("when the output file cannot be written", async () => {
    const result = await runCliCapture(
      [
        "prices",
        "refresh",
        "--regions",
        "us-east-1",
        "-o",
        "no/such/dir.json",
        "--endpoint-url",
        server.url,
      ],
      tmp,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").at(-2)).toBe(
      "linkplan: cannot write no/such/dir.json: no such file",
    );
  });

  const refreshArgs = (output: string) => [
    "prices",
    "refresh",
    "--regions",
    "us-east-1,eu-west-2",
    "-o",
    output,
    "--endpoint-url",
    server.url,
  ];

  it("when Amazon EC2 refuses DescribeVpcEndpointServices: names the permission and --no-services", async () => {
    const refusing = await startEc2Server({
      services: { "us-east-1": bundledRegionServices("us-east-1") },
      pageSize: 100,
      failWith: {
        regions: ["eu-west-2"],
        code: "UnauthorizedOperation",
        message: "You are not authorized to perform this operation.",
        status: 403,
      },
    });
    try {
      useEnv({ ...FAKE_KEYS, AWS_ENDPOINT_URL_EC2: refusing.url });
      const result = await runCliCapture(refreshArgs("refused.json"), tmp);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.split("\n").at(-2)).toBe(
        "linkplan: Amazon EC2 refused DescribeVpcEndpointServices in eu-west-2 (UnauthorizedOperation: You are not authorized to perform this operation.); the credentials need the IAM permission ec2:DescribeVpcEndpointServices; pass --no-services to write the catalog without the service list",
      );
      expect(result.stderr).not.toContain("    at ");
      expect(() => readFileSync(join(tmp, "refused.json"))).toThrow();
    } finally {
      await refusing.close();
    }
  });

  it("--no-services: no EC2 request at all, and a catalog without a service list", async () => {
    const refusing = await startEc2Server({
      services: {},
      pageSize: 100,
      failWith: { regions: ["*"], code: "UnauthorizedOperation", message: "no", status: 403 },
    });
    try {
      useEnv({ ...FAKE_KEYS, AWS_ENDPOINT_URL_EC2: refusing.url });
      const result = await runCliCapture(
        [...refreshArgs("no-services.json"), "--no-services"],
        tmp,
      );
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain("DescribeVpcEndpointServices");
      expect(refusing.requests).toEqual([]);
      const written = JSON.parse(readFileSync(join(tmp, "no-services.json"), "utf8"));
      expect(written.services).toBeUndefined();
      expect(written).toEqual(expectedToday(written.retrieved));
    } finally {
      await refusing.close();
    }
  });

  it("when Amazon EC2 cannot be reached", async () => {
    const closed = await startEc2Server({ services: {}, pageSize: 1 });
    await closed.close();
    useEnv({ ...FAKE_KEYS, AWS_ENDPOINT_URL_EC2: closed.url });
    const result = await runCliCapture(refreshArgs("unreached.json"), tmp);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").at(-2)).toMatch(
      /^linkplan: cannot reach the Amazon EC2 API in (us-east-1|eu-west-2) \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); pass --no-services to write the catalog without the service list$/,
    );
  });

  it.each([
    [["--regions", "us-east-1,moon"], "not a region code: moon"],
    [["--regions", ","], "must be region codes separated by commas"],
    [[], "required option '--regions <list>' not specified"],
    [["--regions", "us-east-1", "--endpoint-url", "ftp://x"], "must be an http:// or https:// URL"],
    [
      ["--regions", "us-east-1", "--api-region", "eu-west-2"],
      "Allowed choices are us-east-1, eu-central-1, ap-south-1",
    ],
  ])("rejects bad arguments %j (exit 2)", async (args, message) => {
    const result = await runCliCapture(["prices", "refresh", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("catalog files", () => {
  const bad = join(tmp, "bad-catalog.json");
  const catalog = bundledCatalog();
  writeFileSync(
    bad,
    JSON.stringify({
      ...catalog,
      regions: {
        "us-east-1": { interfaceEndpointHour: { unit: "ENI-hour", source: "x", usd: 0.01 } },
      },
    }),
  );

  it("parseCatalog names the source and every problem at its path", () => {
    expect(() =>
      parseCatalog({ name: "x", currency: "USD", global: {}, regions: { moon: {} } }, "x.json"),
    ).toThrow(
      "invalid price catalog x.json\n" +
        "  retrieved: is required (a string)\n" +
        "  regions.moon: not a valid key: must be a region code",
    );
  });

  it("prices diff rejects a bad catalog file with its path (exit 1)", async () => {
    const result = await runCliCapture(["prices", "diff", "bundled", bad]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `linkplan: invalid price catalog ${bad}\n` +
        '  regions["us-east-1"].interfaceEndpointHour.usd: expected a string, got a number (0.01)\n',
    });
    const missing = await runCliCapture(["prices", "diff", join(tmp, "nope.json"), "bundled"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`linkplan: cannot read ${join(tmp, "nope.json")}: no such file\n`);
  });
});
