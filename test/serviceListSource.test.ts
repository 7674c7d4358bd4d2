import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseCatalog } from "../src/pricing/parseCatalog.js";
import {
  type EndpointServiceDetail,
  type EndpointServicesClient,
  type EndpointServicesPage,
  fetchServiceList,
  type ServiceListProgress,
  shortServiceName,
} from "../src/pricing/sources/serviceListSource.js";
import { ServiceListSourceError } from "../src/pricing/sources/serviceListSourceError.js";
import { AWS_SERVICES } from "../src/topology/awsReference.js";
import { bundledRegionServices, type Ec2Server, startEc2Server } from "./helpers/ec2Server.js";

const amazon = (name: string, ...types: string[]): EndpointServiceDetail => ({
  ServiceName: name,
  ServiceType: types.map((ServiceType) => ({ ServiceType })),
  Owner: "amazon",
});

interface FakeCall {
  region: string;
  input: { MaxResults?: number; NextToken?: string };
}

/**
 * A fake EC2 client factory: each Region answers its pages in turn (the token of page i is
 * "<region>-<i>"); `delay` ms per call, per Region; every call and destroy is recorded.
 */
function fakeEc2(
  pages: Record<string, EndpointServiceDetail[][]>,
  options: { delay?: Record<string, number>; fail?: Record<string, unknown> } = {},
) {
  const calls: FakeCall[] = [];
  const destroyed: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const client = (region: string): EndpointServicesClient => ({
    async describeVpcEndpointServices(input, sendOptions) {
      calls.push({ region, input });
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.delay?.[region] ?? 0);
          sendOptions?.abortSignal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(Object.assign(new Error("Request aborted"), { name: "AbortError" }));
          });
        });
        if (options.fail?.[region] !== undefined) throw options.fail[region];
        const list = pages[region] ?? [];
        const at = input.NextToken === undefined ? 0 : Number(input.NextToken.split("#")[1]);
        const page: EndpointServicesPage = { ServiceDetails: list[at] ?? [] };
        // EC2 ends with an empty token ("If there are no additional items … the string is empty")
        page.NextToken = at + 1 < list.length ? `${region}#${at + 1}` : "";
        return page;
      } finally {
        inFlight -= 1;
      }
    },
    destroy: () => destroyed.push(region),
  });
  return { client, calls, destroyed, mostInFlight: () => mostInFlight };
}

describe("fetchServiceList with an injected EC2 client", () => {
  it("reads every page of every Region, keeps services owned by amazon, maps the endpoint types", async () => {
    const fake = fakeEc2({
      "us-east-1": [
        [
          amazon("com.amazonaws.us-east-1.s3", "Gateway", "Interface"),
          amazon("com.amazonaws.us-east-1.ecr.api", "Interface"),
          {
            ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
            ServiceType: [{ ServiceType: "Interface" }],
            Owner: "123456789012",
          },
        ],
        [
          amazon("com.amazonaws.us-east-1.vpc-lattice", "GatewayLoadBalancer"),
          amazon("aws.sagemaker.us-east-1.notebook", "Interface"),
          amazon("com.amazonaws.s3-global.accesspoint", "Interface"),
        ],
        [amazon("com.amazonaws.us-east-1.dynamodb", "Interface", "Gateway")],
      ],
      "eu-west-2": [
        [
          amazon("com.amazonaws.eu-west-2.s3", "Interface", "Gateway"),
          amazon("com.amazonaws.eu-west-2.newsvc", "Interface"),
          // an answer of another Region (cross-Region), and an unknown type: left out
          { ...amazon("com.amazonaws.us-west-2.s3", "Interface"), ServiceRegion: "us-west-2" },
          amazon("com.amazonaws.eu-west-2.future", "Quantum"),
          { ...amazon("com.amazonaws.eu-west-2.marketplace"), Owner: "aws-marketplace" },
        ],
      ],
    });
    const progress: ServiceListProgress[] = [];
    const fetched = await fetchServiceList({
      regions: ["us-east-1", "eu-west-2", "us-east-1"],
      client: fake.client,
      retrieved: "2026-11-26",
      onProgress: (p) => progress.push(p),
    });
    expect(fetched.list).toEqual({
      description: expect.stringContaining("in us-east-1, eu-west-2"),
      retrieved: "2026-11-26",
      source: [
        {
          title:
            "Amazon EC2 DescribeVpcEndpointServices (Owner amazon) in us-east-1, eu-west-2, with the IAM permission ec2:DescribeVpcEndpointServices",
          url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html",
        },
      ],
      regions: ["us-east-1", "eu-west-2"],
      services: {
        dynamodb: { types: ["gateway", "interface"], regions: ["us-east-1"] },
        "ecr.api": { types: ["interface"], regions: ["us-east-1"] },
        newsvc: { types: ["interface"], regions: ["eu-west-2"] },
        notebook: { types: ["interface"], regions: ["us-east-1"] },
        s3: { types: ["gateway", "interface"], regions: ["us-east-1", "eu-west-2"] },
        "s3-global.accesspoint": { types: ["interface"], regions: ["us-east-1"] },
        "vpc-lattice": { types: ["gwlb"], regions: ["us-east-1"] },
      },
    });
    // the keys in alphabetical order, as in the bundled list
    expect(Object.keys(fetched.list.services)).toEqual(Object.keys(fetched.list.services).sort());
    expect(fetched.skipped).toEqual(["com.amazonaws.eu-west-2.future"]);
    expect(fetched.pages).toBe(4);
    expect(progress).toEqual([
      { region: "us-east-1", pages: 3, listed: 7, kept: 6 },
      { region: "eu-west-2", pages: 1, listed: 5, kept: 2 },
    ]);
    expect(fetched.progress).toEqual(progress);
    // NextToken followed, 1000 a page asked for, each client destroyed once
    expect(fake.calls.filter((c) => c.region === "us-east-1").map((c) => c.input)).toEqual([
      { MaxResults: 1000 },
      { MaxResults: 1000, NextToken: "us-east-1#1" },
      { MaxResults: 1000, NextToken: "us-east-1#2" },
    ]);
    expect(fake.destroyed.sort()).toEqual(["eu-west-2", "us-east-1"]);
    // a valid catalog section
    const catalog = parseCatalog({ ...bundledCatalog(), services: fetched.list }, "refreshed");
    expect(catalog.services).toEqual(fetched.list);
  });

  it("reads a few Regions at once and reports them in the order given", async () => {
    const regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3"];
    const pages = Object.fromEntries(
      regions.map((r) => [r, [[amazon(`com.amazonaws.${r}.sts`, "Interface")]]]),
    );
    // the first Region is the slowest: later ones finish first but are reported after it
    const fake = fakeEc2(pages, { delay: { "us-east-1": 60, "us-east-2": 30 } });
    const order: string[] = [];
    const fetched = await fetchServiceList({
      regions,
      client: fake.client,
      concurrency: 3,
      onProgress: (p) => order.push(p.region),
    });
    expect(order).toEqual(regions);
    expect(fake.mostInFlight()).toBe(3);
    expect(fetched.list.services.sts?.regions).toEqual(regions);
    expect(fetched.list.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("fails with the first Region's error, names the permission, and stops the others", async () => {
    const denied = Object.assign(new Error("You are not authorized to perform this operation."), {
      name: "UnauthorizedOperation",
    });
    const fake = fakeEc2(
      {
        "us-east-1": [[], [], [], []],
        "eu-west-2": [[]],
      },
      { delay: { "us-east-1": 40 }, fail: { "eu-west-2": denied } },
    );
    const error = await fetchServiceList({
      regions: ["us-east-1", "eu-west-2", "ap-south-1"],
      client: fake.client,
      concurrency: 2,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceListSourceError);
    expect(error).toMatchObject({
      failure: "access-denied",
      region: "eu-west-2",
      message:
        "Amazon EC2 refused DescribeVpcEndpointServices in eu-west-2 (UnauthorizedOperation: You are not authorized to perform this operation.); the credentials need the IAM permission ec2:DescribeVpcEndpointServices",
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // us-east-1 was aborted on its first page; ap-south-1 was never asked
    expect(fake.calls.map((c) => c.region)).toEqual(["us-east-1", "eu-west-2"]);
    expect(fake.destroyed.sort()).toEqual(["eu-west-2", "us-east-1"]);
  });

  it("stops a Region whose tokens never end", async () => {
    const client = (): EndpointServicesClient => ({
      describeVpcEndpointServices: async () => ({ ServiceDetails: [], NextToken: "again" }),
    });
    const error = await fetchServiceList({ regions: ["us-east-1"], client }).catch((e) => e);
    expect(error).toMatchObject({
      failure: "service",
      message: "Amazon EC2 DescribeVpcEndpointServices in us-east-1 did not finish paging (page 2)",
    });
  });

  it.each([
    [
      {
        name: "CredentialsProviderError",
        message: "Could not load credentials from any providers",
      },
      "credentials",
      "no AWS credentials found (Could not load credentials from any providers)",
    ],
    [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
      "network",
      "cannot reach the Amazon EC2 API in us-east-1 (connect ECONNREFUSED 127.0.0.1:9)",
    ],
    [
      {
        name: "AuthFailure",
        message: "AWS was not able to validate the provided access credentials",
      },
      "access-denied",
      "Amazon EC2 refused DescribeVpcEndpointServices in us-east-1 (AuthFailure: AWS was not able to validate the provided access credentials); the credentials need the IAM permission ec2:DescribeVpcEndpointServices",
    ],
    [
      { name: "OptInRequired", message: "You are not subscribed to this service." },
      "access-denied",
      "Amazon EC2 refused DescribeVpcEndpointServices in us-east-1: the Region is not enabled for the account (OptInRequired: You are not subscribed to this service.)",
    ],
    [
      { name: "InternalError", message: "An internal error has occurred" },
      "service",
      "Amazon EC2 DescribeVpcEndpointServices failed in us-east-1 (InternalError: An internal error has occurred)",
    ],
  ])("classifies %j", async (thrown, failure, message) => {
    const client = (): EndpointServicesClient => ({
      describeVpcEndpointServices: () => Promise.reject(thrown),
    });
    const error = await fetchServiceList({ regions: ["us-east-1"], client }).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceListSourceError);
    expect(error).toMatchObject({ failure, message, region: "us-east-1" });
  });

  it("a client factory that fails is classified too", async () => {
    const thrown = await fetchServiceList({
      regions: ["eu-west-2"],
      client: () => Promise.reject({ name: "CredentialsProviderError", message: "none" }),
    }).catch((e) => e);
    expect(thrown).toMatchObject({ failure: "credentials", region: "eu-west-2" });
  });
});

describe("shortServiceName", () => {
  it.each([
    ["com.amazonaws.us-east-1.s3", "s3"],
    ["com.amazonaws.us-east-1.ecr.api", "ecr.api"],
    ["com.amazonaws.us-east-1.s3-fips", "s3-fips"],
    ["aws.sagemaker.us-east-1.notebook", "notebook"],
    ["aws.sagemaker.us-east-1.studio", "studio"],
    ["com.amazonaws.s3-global.accesspoint", "s3-global.accesspoint"],
    ["com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", undefined],
    ["com.amazonaws.eu-west-2.s3", undefined],
    ["aws.sagemaker.eu-west-2.notebook", undefined],
    ["com.amazonaws.us-east-1.UPPER", undefined],
    ["com.example.us-east-1.s3", undefined],
  ])("%s → %s (in us-east-1)", (name, short) => {
    expect(shortServiceName(name, "us-east-1")).toBe(short);
  });
});

describe("fetchServiceList with the AWS SDK's EC2 client, against a local EC2 stand-in", () => {
  let server: Ec2Server;
  const WARNING = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";
  const warningWas = process.env[WARNING];
  beforeAll(async () => {
    process.env[WARNING] = "true";
    server = await startEc2Server({
      services: {
        "us-east-1": bundledRegionServices("us-east-1"),
        "ap-southeast-2": bundledRegionServices("ap-southeast-2"),
      },
      pageSize: 150,
    });
  });
  afterAll(() => {
    if (warningWas === undefined) delete process.env[WARNING];
    else process.env[WARNING] = warningWas;
    return server.close();
  });

  it("signs each Region's calls for that Region, pages with NextToken, and rebuilds the bundled list", async () => {
    const fetched = await fetchServiceList({
      regions: ["us-east-1", "ap-southeast-2"],
      endpoint: server.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      retrieved: "2026-11-26",
    });
    expect(
      server.requests.every((r) => r.signed && r.action === "DescribeVpcEndpointServices"),
    ).toBe(true);
    expect(new Set(server.requests.map((r) => r.region))).toEqual(
      new Set(["us-east-1", "ap-southeast-2"]),
    );
    expect(server.requests.filter((r) => r.region === "us-east-1").map((r) => r.nextToken)).toEqual(
      [null, "page-150", "page-300", "page-450"],
    );
    // every bundled service offered in us-east-1 is listed there, with the bundled types
    for (const [name, service] of AWS_SERVICES) {
      const listed = fetched.list.services[name];
      const inEast = service.regions === "all" || service.regions.includes("us-east-1");
      expect(listed?.regions.includes("us-east-1") ?? false, name).toBe(inEast);
      if (listed) expect(listed.types, name).toEqual(service.types);
    }
    expect(fetched.skipped).toEqual([]);
  });
});
