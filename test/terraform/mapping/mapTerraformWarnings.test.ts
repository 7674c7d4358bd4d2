import { describe, expect, it } from "vitest";
import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
import { caught } from "../../helpers/caught.js";
import { usd } from "../../helpers/money.js";
import { model, network, ref, res, subnetRefs } from "./terraformFixtures.js";

describe("mapTerraform: assumptions and errors", () => {
  it("a VPC without known AZs gets the region's first two, with a warning", () => {
    const { topology, warnings } = mapTerraform(
      model([res("aws_vpc.bare", { cidr_block: "10.9.0.0/16" })], {
        aws: { region: "ap-northeast-1" },
      }),
    );
    parseTopology(topology);
    expect(topology.accounts[0]?.vpcs?.[0]?.azs).toEqual(["ap-northeast-1a", "ap-northeast-1c"]);
    expect(warnings[0]).toEqual({
      message:
        'no Availability Zone known for VPC "bare": assumed ap-northeast-1a, ap-northeast-1c, the first two of ap-northeast-1',
      address: "aws_vpc.bare",
    });
  });

  it("a subnet without AZ is spread over the VPC's AZs, with a warning", () => {
    const { topology, warnings } = mapTerraform(
      model([
        res("aws_vpc.v", {}),
        res("aws_subnet.a", { vpc_id: ref("aws_vpc.v"), availability_zone: "us-east-1b" }),
        res("aws_subnet.b", { vpc_id: ref("aws_vpc.v") }, { line: 9 }),
      ]),
    );
    parseTopology(topology);
    expect(topology.accounts[0]?.vpcs?.[0]?.subnets?.[1]?.az).toBe("us-east-1b");
    expect(warnings).toContainEqual({
      message: "availability_zone unknown: assumed us-east-1b",
      address: "aws_subnet.b",
      file: "main.tf",
      line: 9,
    });
  });

  it("the region: provider, then --region, then inferred from AZ or service names", () => {
    const vpc = res("aws_vpc.v", {});
    const az = res("aws_subnet.s", { vpc_id: ref("aws_vpc.v"), availability_zone: "sa-east-1a" });
    const region = (m: ReturnType<typeof model>, r?: string) =>
      mapTerraform(m, { region: r }).topology.accounts[0]?.vpcs?.[0]?.region;
    expect(region(model([vpc, az], { aws: { region: "eu-north-1" } }), "us-west-2")).toBe(
      "eu-north-1",
    );
    expect(region(model([vpc, az], {}), "us-west-2")).toBe("us-west-2");
    expect(region(model([vpc, az], {}))).toBe("sa-east-1");
    const endpoint = res("aws_vpc_endpoint.e", {
      vpc_id: ref("aws_vpc.v"),
      service_name: "com.amazonaws.ca-central-1.s3",
    });
    expect(region(model([vpc, endpoint], {}))).toBe("ca-central-1");
  });

  it("no region anywhere: an error asking for --region", () => {
    const error = caught(() => mapTerraform(model([res("aws_vpc.v", {})], {})));
    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain("give --region");
  });

  it("unknown and misunderstood values are warned about, never errors", () => {
    const { topology, warnings } = mapTerraform(
      model([
        ...network("main", "us-east-1", "10.0.0.0/16"),
        res(
          "aws_vpc_endpoint.shared",
          { vpc_id: ref("aws_vpc.main"), vpc_endpoint_type: "Interface" },
          { unknown: ["service_name", "subnet_ids"] },
        ),
        res("aws_vpc_endpoint.odd", {
          vpc_id: ref("aws_vpc.main"),
          vpc_endpoint_type: "Interface",
          service_name: "aws.sagemaker.us-east-1.notebook",
        }),
        res("aws_vpc_endpoint.resolver", {
          vpc_id: ref("aws_vpc.main"),
          vpc_endpoint_type: "Resolver",
        }),
        res("aws_vpc_endpoint.gw", { vpc_id: ref("aws_vpc.main") }),
        res("aws_vpc_endpoint.elsewhere", { vpc_id: "vpc-not-here" }),
        res("aws_lb.nlb", { load_balancer_type: "network" }),
        res("aws_vpc_endpoint_service.s", {
          network_load_balancer_arns: [ref("aws_lb.nlb", "arn")],
        }),
        res("aws_nat_gateway.n", { subnet_id: "subnet-x" }),
        res("aws_subnet.other", { vpc_id: "vpc-other", availability_zone: "us-east-1a" }),
        res("aws_security_group.other", { vpc_id: "vpc-other" }),
        res("aws_ec2_transit_gateway_vpc_attachment.a", { vpc_id: ref("aws_vpc.main") }),
        res("aws_route53_zone.z", { name: "z.internal" }),
        res("aws_route53_record.mx", {
          zone_id: ref("aws_route53_zone.z", "zone_id"),
          name: "z",
          type: "MX",
        }),
        res("aws_route53_record.empty", {
          zone_id: ref("aws_route53_zone.z", "zone_id"),
          name: "e",
        }),
        res("aws_route53_record.lb", {
          zone_id: ref("aws_route53_zone.z", "zone_id"),
          name: "lb.z.internal",
          alias: [{ name: ref("aws_lb.nlb", "dns_name") }],
        }),
      ]),
    );
    parseTopology(topology);
    const endpoints = topology.accounts[0]?.vpcs?.[0]?.endpoints ?? [];
    expect(endpoints.find((e) => e.id === "shared")).toMatchObject({
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-unknown",
    });
    expect(endpoints.find((e) => e.id === "shared")).not.toHaveProperty("subnets");
    expect(topology.accounts[0]?.hostedZones?.[0]?.private).toBe(false);
    const byAddress = (address: string) =>
      warnings.filter((w) => w.address === address).map((w) => w.message);
    expect(byAddress("aws_vpc_endpoint.shared")).toEqual([
      "subnet_ids unknown: assumed an ENI in every AZ of the VPC (us-east-1a, us-east-1b)",
      "service_name unknown: priced as an endpoint of an external service",
    ]);
    expect(byAddress("aws_vpc_endpoint.odd")).toContain(
      'service_name "aws.sagemaker.us-east-1.notebook" not understood (priced as in us-east-1)',
    );
    expect(byAddress("aws_vpc_endpoint.resolver")).toEqual([
      "endpoint type Resolver: not modelled",
    ]);
    expect(byAddress("aws_vpc_endpoint.gw")).toEqual([
      "gateway endpoint whose AWS service is unknown: not modelled",
    ]);
    expect(byAddress("aws_vpc_endpoint.elsewhere")).toEqual([
      'vpc_id: vpc-not-here is not an aws_vpc of this configuration: modelled as VPC "vpc-not-here" from the resources in it',
      "gateway endpoint whose AWS service is unknown: not modelled",
    ]);
    expect(byAddress("aws_lb.nlb")).toEqual([
      "network load balancer whose subnets are unknown: not modelled",
    ]);
    expect(byAddress("aws_vpc_endpoint_service.s")).toEqual([
      "endpoint service whose load balancer is not modelled: not modelled",
    ]);
    expect(byAddress("aws_nat_gateway.n")).toEqual([
      "NAT gateway whose subnet is unknown: not modelled",
    ]);
    expect(byAddress("aws_subnet.other")).toEqual([
      'vpc_id: vpc-other is not an aws_vpc of this configuration: modelled as VPC "vpc-other" from the resources in it',
    ]);
    const other = topology.accounts[0]?.vpcs?.find((v) => v.id === "vpc-other");
    expect(other).toMatchObject({
      name: "vpc-other",
      region: "us-east-1",
      azs: ["us-east-1a"],
      subnets: [{ id: "other", az: "us-east-1a" }],
      securityGroups: [{ id: "other" }],
    });
    expect(byAddress("aws_ec2_transit_gateway_vpc_attachment.a")).toEqual([
      "attachment to a transit gateway or VPC not in this configuration",
    ]);
    expect(byAddress("aws_route53_record.mx")).toEqual(["record of type MX: not modelled"]);
    expect(byAddress("aws_route53_record.lb")).toEqual([
      "alias to something other than an endpoint of this configuration: not modelled",
    ]);
    expect(byAddress("aws_route53_record.empty")).toEqual([
      "record whose values are unknown: not modelled",
    ]);
  });

  it("keeps the readers' warnings first", () => {
    const m = model([]);
    m.warnings.push({ message: "remote module skipped", address: "module.x" });
    const { warnings, topology } = mapTerraform(m);
    expect(warnings[0]).toEqual({ message: "remote module skipped", address: "module.x" });
    expect(topology).toEqual({
      name: "terraform",
      accounts: [
        { id: "default", vpcs: [], endpointServices: [], hostedZones: [], transitGateways: [] },
      ],
    });
    parseTopology(topology);
  });
});

describe("mapTerraform: VPCs outside the configuration", () => {
  it("endpoints in a VPC given by id, data source or unknown value are still priced", () => {
    const m = model(
      [
        res("aws_vpc_endpoint.by_id", {
          vpc_id: "vpc-0abc",
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.eu-west-1.logs",
        }),
        res("aws_vpc_endpoint.by_data", {
          vpc_id: ref("data.aws_vpc.selected"),
          vpc_endpoint_type: "Interface",
          service_name: ref("data.aws_vpc_endpoint_service.sts", "service_name"),
        }),
        {
          ...res("aws_vpc_endpoint.unknown", {
            vpc_endpoint_type: "Interface",
            service_name: "com.amazonaws.eu-west-1.ssm",
          }),
          unknown: ["vpc_id"],
        },
        {
          ...res("aws_vpc_endpoint_service.sts", { service: "sts" }),
          address: "data.aws_vpc_endpoint_service.sts",
          baseAddress: "data.aws_vpc_endpoint_service.sts",
          mode: "data" as const,
        },
      ],
      { aws: { region: "eu-west-1" } },
    );
    const { topology, warnings } = mapTerraform(m);
    const vpcs = topology.accounts[0]?.vpcs ?? [];
    expect(vpcs.map((v) => [v.id, v.name, v.azs, v.endpoints?.map((e) => e.id)])).toEqual([
      ["vpc-0abc", "vpc-0abc", ["eu-west-1a", "eu-west-1b"], ["by-id"]],
      ["selected", "data.aws_vpc.selected", ["eu-west-1a", "eu-west-1b"], ["by-data"]],
      ["vpc", "a VPC not known statically", ["eu-west-1a", "eu-west-1b"], ["unknown"]],
    ]);
    expect(vpcs[1]?.endpoints?.[0]).toMatchObject({ service: "sts" });
    expect(warnings.filter((w) => w.message.startsWith("vpc_id:"))).toHaveLength(3);
    // 3 endpoints × 2 assumed AZs × 730 h × 0.011
    const e = estimate(parseTopology(topology), bundledCatalog());
    expect(e.totals.monthly).toBe(usd("48.18"));
  });
});

describe("mapTerraform: what would make the topology invalid is warned about and left out", () => {
  it("relative record names, zones without VPCs, duplicate routes, unattached TGW routes, shared LBs", () => {
    const { topology, warnings } = mapTerraform(
      model([
        ...network("main", "us-east-1", "10.0.0.0/16"),
        res("aws_vpc_endpoint.s3", {
          vpc_id: ref("aws_vpc.main"),
          service_name: "com.amazonaws.us-east-1.s3",
        }),
        res("aws_route53_zone.z", {
          name: "example.internal",
          vpc: [{ vpc_id: ref("data.aws_vpc.x") }],
        }),
        res("aws_route53_record.www", {
          zone_id: ref("aws_route53_zone.z", "zone_id"),
          name: "www",
          type: "CNAME",
          records: ["example.com"],
        }),
        res("aws_route53_record.s3", {
          zone_id: ref("aws_route53_zone.z", "zone_id"),
          name: "s3.example.internal",
          alias: [{ name: ref("aws_vpc_endpoint.s3", "dns_entry[0].dns_name") }],
        }),
        res("aws_ec2_transit_gateway.hub", {}),
        res("aws_route.tgw", {
          route_table_id: ref("aws_route_table.main_private[0]"),
          destination_cidr_block: "10.9.0.0/16",
          transit_gateway_id: ref("aws_ec2_transit_gateway.hub"),
        }),
        res("aws_internet_gateway.igw", {}),
        ...[1, 2].map((n) =>
          res(`aws_route.igw${n}`, {
            route_table_id: ref("aws_route_table.main_private[1]"),
            destination_cidr_block: "0.0.0.0/0",
            gateway_id: ref("aws_internet_gateway.igw"),
          }),
        ),
        res("aws_lb.nlb", { load_balancer_type: "network", subnets: subnetRefs("main") }),
        ...["a", "b"].map((n) =>
          res(`aws_vpc_endpoint_service.${n}`, {
            network_load_balancer_arns: [ref("aws_lb.nlb", "arn")],
          }),
        ),
      ]),
    );
    parseTopology(topology);
    const account = topology.accounts[0];
    expect(account?.hostedZones?.[0]).toMatchObject({
      private: false,
      records: [{ name: "www.example.internal", type: "CNAME", values: ["example.com"] }],
    });
    expect(account?.endpointServices?.map((s) => s.id)).toEqual(["a"]);
    expect(account?.vpcs?.[0]?.routeTables?.[1]?.routes).toEqual([
      { destination: "0.0.0.0/0", target: "igw" },
    ]);
    const messages = warnings.map((w) => `${w.address}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "aws_route53_zone.z: private zone whose VPCs are not in this configuration: priced as a zone without VPCs",
        "aws_route53_record.s3: alias to something other than an endpoint of this configuration: not modelled",
        "aws_route.tgw: route to 10.9.0.0/16: target not modelled (only NAT gateways, internet gateways and transit gateways the VPC is attached to are)",
        "aws_route.igw2: a second route to 0.0.0.0/0 in the same route table: ignored",
        "aws_vpc_endpoint_service.b: a second endpoint service on the same load balancer: not modelled",
      ]),
    );
  });
});
