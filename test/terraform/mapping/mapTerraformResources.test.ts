import { describe, expect, it } from "vitest";
import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
import { caught } from "../../helpers/caught.js";
import { usd } from "../../helpers/money.js";
import { model, network, ref, res, subnetRefs } from "./terraformFixtures.js";

describe("mapTerraform: routes, NAT, transit gateways, rules, associations", () => {
  const m = model([
    ...network("main", "us-east-1", "10.0.0.0/16"),
    res("aws_internet_gateway.main", { vpc_id: ref("aws_vpc.main") }),
    res("aws_eip.nat", { domain: "vpc" }),
    res("aws_subnet.public", {
      vpc_id: ref("aws_vpc.main"),
      cidr_block: "10.0.100.0/24",
      availability_zone: "us-east-1a",
      map_public_ip_on_launch: true,
    }),
    res("aws_nat_gateway.main", {
      subnet_id: ref("aws_subnet.public"),
      allocation_id: ref("aws_eip.nat"),
    }),
    res("aws_nat_gateway.private", {
      subnet_id: ref("aws_subnet.main_private[1]"),
      connectivity_type: "private",
    }),
    res("aws_route_table.public", {
      vpc_id: ref("aws_vpc.main"),
      route: [
        { cidr_block: "0.0.0.0/0", gateway_id: ref("aws_internet_gateway.main") },
        { cidr_block: "192.168.0.0/16", vpc_peering_connection_id: "pcx-1" },
      ],
    }),
    res("aws_route.private_nat[0]", {
      route_table_id: ref("aws_route_table.main_private[0]"),
      destination_cidr_block: "0.0.0.0/0",
      nat_gateway_id: ref("aws_nat_gateway.main"),
    }),
    res("aws_route.private_tgw[0]", {
      route_table_id: ref("aws_route_table.main_private[0]"),
      destination_cidr_block: "10.50.0.0/16",
      transit_gateway_id: ref("aws_ec2_transit_gateway.hub"),
    }),
    res("aws_ec2_transit_gateway.hub", { tags: { Name: "hub" } }),
    res("aws_ec2_transit_gateway_vpc_attachment.main", {
      transit_gateway_id: ref("aws_ec2_transit_gateway.hub"),
      vpc_id: ref("aws_vpc.main"),
      subnet_ids: subnetRefs("main"),
    }),
    res("aws_security_group.app", { name: "app", vpc_id: ref("aws_vpc.main") }),
    res("aws_security_group.endpoints", { vpc_id: ref("aws_vpc.main") }),
    res("aws_security_group_rule.from_app", {
      type: "ingress",
      security_group_id: ref("aws_security_group.endpoints"),
      source_security_group_id: ref("aws_security_group.app"),
      from_port: 443,
      to_port: 443,
      protocol: "tcp",
    }),
    res("aws_vpc_security_group_ingress_rule.https", {
      security_group_id: ref("aws_security_group.endpoints"),
      cidr_ipv4: "10.0.0.0/16",
      from_port: 443,
      to_port: 443,
      ip_protocol: "tcp",
    }),
    res("aws_security_group_rule.odd", {
      type: "egress",
      security_group_id: ref("aws_security_group.endpoints"),
      protocol: "47",
    }),
    res("aws_vpc_endpoint.sts", {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.sts",
      vpc_endpoint_type: "Interface",
    }),
    res("aws_vpc_endpoint_subnet_association.sts[0]", {
      vpc_endpoint_id: ref("aws_vpc_endpoint.sts"),
      subnet_id: ref("aws_subnet.main_private[0]"),
    }),
    res("aws_vpc_endpoint_security_group_association.sts", {
      vpc_endpoint_id: ref("aws_vpc_endpoint.sts"),
      security_group_id: ref("aws_security_group.endpoints"),
    }),
    res("aws_vpc_endpoint.s3", {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.s3",
    }),
    res("aws_vpc_endpoint_route_table_association.s3", {
      vpc_endpoint_id: ref("aws_vpc_endpoint.s3"),
      route_table_id: ref("aws_route_table.public"),
    }),
    res("aws_lb.web", { load_balancer_type: "application", subnets: subnetRefs("main") }),
    res("aws_instance.app[0]", {}),
    res("aws_instance.app[1]", {}),
  ]);
  const mapped = mapTerraform(m);
  const vpc = mapped.topology.accounts[0]?.vpcs?.[0];
  const messages = mapped.warnings.map((w) => w.message);

  it("is a valid topology, priced by hand", () => {
    const e = estimate(parseTopology(mapped.topology), bundledCatalog());
    // NAT public: 730 × (0.045 + 0.005 IPv4) = 36.50; private: 730 × 0.045 = 32.85;
    // TGW attachment 730 × 0.05 = 36.50; sts 1 ENI: 7.30
    expect(e.totals.monthly).toBe(usd("113.15"));
  });

  it("routes: igw, nat:<id>, tgw:<id>; other targets are warned about", () => {
    expect(vpc?.routeTables?.find((t) => t.id === "public")?.routes).toEqual([
      { destination: "0.0.0.0/0", target: "igw" },
    ]);
    expect(vpc?.routeTables?.find((t) => t.id === "main-private-0")?.routes).toEqual([
      { destination: "0.0.0.0/0", target: "nat:main" },
      { destination: "10.50.0.0/16", target: "tgw:hub" },
    ]);
    expect(mapped.warnings).toContainEqual({
      message:
        "route to 192.168.0.0/16: target not modelled (only NAT gateways, internet gateways and transit gateways the VPC is attached to are)",
      address: "aws_route_table.public",
    });
  });

  it("NAT gateways: AZ and subnet from their subnet, connectivity; the EIP noted", () => {
    expect(vpc?.natGateways).toEqual([
      { id: "main", az: "us-east-1a", subnet: "public", connectivity: "public" },
      { id: "private", az: "us-east-1b", subnet: "main-private-1", connectivity: "private" },
    ]);
    expect(vpc?.subnets?.find((s) => s.id === "public")?.tier).toBe("public");
    expect(messages).toContain(
      "aws_eip: aws_eip.nat not priced separately: the public IPv4 address of a public NAT gateway is priced with the NAT gateway",
    );
  });

  it("transit gateway attachments with their subnets", () => {
    expect(mapped.topology.accounts[0]?.transitGateways).toEqual([
      {
        id: "hub",
        name: "hub",
        region: "us-east-1",
        attachments: [{ vpc: "main", subnets: ["main-private-0", "main-private-1"] }],
      },
    ]);
  });

  it("security group rules of every form; an unknown protocol is warned about", () => {
    const group = vpc?.securityGroups?.find((g) => g.id === "endpoints");
    expect(group?.name).toBe("aws_security_group.endpoints");
    expect(group?.ingress).toEqual([
      { protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: ["app"] },
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["10.0.0.0/16"] },
    ]);
    expect(messages).toContain('security group rule with protocol "47": not modelled');
  });

  it("separate endpoint associations", () => {
    expect(vpc?.endpoints?.find((e) => e.id === "sts")).toMatchObject({
      subnets: ["main-private-0"],
      securityGroups: ["endpoints"],
      privateDns: false,
    });
    expect(vpc?.endpoints?.find((e) => e.id === "s3")).toMatchObject({
      type: "gateway",
      routeTables: ["public"],
    });
  });

  it("one warning per type not modelled, application load balancers named", () => {
    expect(messages).toContain(
      "aws_instance: 2 resources not modelled (free or out of scope): aws_instance.app[0], aws_instance.app[1]",
    );
    expect(messages).toContain(
      "aws_lb: 1 resource not modelled (application load balancers are not modelled (only network and gateway)): aws_lb.web",
    );
    expect(messages).toContain(
      "aws_internet_gateway: 1 resource not modelled (free; routes to it are modelled as igw): aws_internet_gateway.main",
    );
    expect(messages.filter((x) => x.startsWith("aws_route:"))).toEqual([]);
  });

  it("the usage warning lists the usage-priced resources without usage", () => {
    const usage = messages.filter((x) => x.startsWith("depends on usage"));
    expect(usage).toEqual([
      "depends on usage: no usage given for 4 resources priced per GB or per query, counted at 0 (give --usage): aws_ec2_transit_gateway_vpc_attachment.main, aws_nat_gateway.main, aws_nat_gateway.private, aws_vpc_endpoint.sts",
    ]);
  });
});

describe("mapTerraform: literal ids from a state", () => {
  it("resolves vpc_id, subnet_ids, security groups, ARNs and DNS names given as literals", () => {
    const m = model(
      [
        res("aws_vpc.main", { id: "vpc-1", cidr_block: "10.0.0.0/16" }),
        res("aws_subnet.a", { id: "subnet-a", vpc_id: "vpc-1", availability_zone: "eu-west-1a" }),
        res("aws_subnet.b", { id: "subnet-b", vpc_id: "vpc-1", availability_zone: "eu-west-1b" }),
        res("aws_security_group.e", { id: "sg-1", vpc_id: "vpc-1" }),
        res("aws_lb.nlb", {
          arn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/1",
          load_balancer_type: "network",
          subnet_mapping: [{ subnet_id: "subnet-a" }],
        }),
        res("aws_vpc_endpoint_service.svc", {
          id: "vpce-svc-1",
          service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-1",
          network_load_balancer_arns: [
            "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/1",
          ],
          acceptance_required: false,
        }),
        res("aws_vpc_endpoint_service_allowed_principal.p", {
          vpc_endpoint_service_id: "vpce-svc-1",
          principal_arn: "arn:aws:iam::123456789012:root",
        }),
        res("aws_vpc_endpoint.svc", {
          id: "vpce-1",
          vpc_id: "vpc-1",
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-1",
          subnet_configuration: [{ subnet_id: "subnet-a" }, { subnet_id: "subnet-b" }],
          security_group_ids: ["sg-1"],
          dns_entry: [{ dns_name: "vpce-1.vpce-svc-1.eu-west-1.vpce.amazonaws.com" }],
        }),
        res("aws_route53_zone.z", {
          zone_id: "Z1",
          name: "svc.internal",
          vpc: [{ vpc_id: "vpc-1" }],
        }),
        res("aws_route53_record.r", {
          zone_id: "Z1",
          name: "svc.internal",
          type: "A",
          alias: [{ name: "vpce-1.vpce-svc-1.eu-west-1.vpce.amazonaws.com" }],
        }),
      ],
      {},
    );
    const { topology, warnings } = mapTerraform(m, { account: "Shared Services" });
    parseTopology(topology);
    const account = topology.accounts[0];
    expect(topology.accounts).toHaveLength(1);
    expect(account?.id).toBe("shared-services");
    expect(account?.vpcs?.[0]?.region).toBe("eu-west-1");
    expect(account?.vpcs?.[0]?.endpoints?.[0]).toMatchObject({
      endpointService: "svc",
      subnets: ["a", "b"],
      securityGroups: ["e"],
    });
    expect(account?.endpointServices?.[0]).toMatchObject({
      loadBalancer: "nlb",
      acceptanceRequired: false,
      allowedPrincipals: ["arn:aws:iam::123456789012:root"],
    });
    expect(account?.hostedZones?.[0]?.records?.[0]?.aliasToEndpoint).toBe("main/svc");
    expect(warnings.filter((w) => !w.message.startsWith("depends on usage"))).toEqual([]);
  });
});

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
