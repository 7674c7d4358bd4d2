import { describe, expect, it } from "vitest";
import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";
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
    // no name or Name tag: the id says it (the address is in source.terraform)
    expect(group?.name).toBeUndefined();
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
