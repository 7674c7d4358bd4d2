import { type PriceRecordSpec, priceRecord, type Range } from "./priceRecord.js";

/** Interface endpoint GB tiers as the Price List writes them: 0–1048576–5242880–Inf GB. */
const ENDPOINT_GB: Range[] = [
  ["0", "1048576", "0.0100000000"],
  ["1048576", "5242880", "0.0060000000"],
  ["5242880", "Inf", "0.0040000000"],
];

const LOCATION: Record<string, string> = {
  "us-east-1": "US East (N. Virginia)",
  "eu-west-2": "EU (London)",
};

type Spec = Omit<PriceRecordSpec, "serviceCode">;

function regional(serviceCode: string, region: string, specs: Spec[]): string[] {
  return specs.map((spec) =>
    priceRecord({
      serviceCode,
      ...spec,
      attributes: {
        location: LOCATION[region] ?? region,
        locationType: "AWS Region",
        regionCode: region,
        ...spec.attributes,
      },
    }),
  );
}

function transfer(from: string, specs: (Spec & { to: string })[]): string[] {
  return specs.map(({ to, ...spec }) =>
    priceRecord({
      serviceCode: "AWSDataTransfer",
      ...spec,
      attributes: { fromRegionCode: from, toRegionCode: to, transferType: "InterRegion Outbound" },
    }),
  );
}

const VPCE = "VpcEndpoint";
const NLB = "Load Balancer-Network";
const GWLB = "Load Balancer-Gateway";
const NAT = "NAT Gateway";
const DT = "Data Transfer";

/**
 * The products of the local Price List server, per service code: us-east-1 at the bundled
 * catalog's figures (usagetypes with USE1- or, for NAT and inter-AZ transfer, no prefix),
 * eu-west-2 (EUW2-) with two figures that differ from the bundled catalog and no Gateway Load
 * Balancer, Route 53 per query; plus records linkplan cannot use: an ALB, an idle IPv4
 * address, a VPN, internet egress, inbound transfer (unknown usagetypes), a CNY-only NAT
 * price (no USD) and an EC2 instance (outside the NAT Gateway family filter).
 */
export const PRICE_LIST_PRODUCTS: Record<string, string[]> = {
  AmazonVPC: [
    ...regional("AmazonVPC", "us-east-1", [
      {
        sku: "VPCE1HRS",
        productFamily: VPCE,
        usagetype: "USE1-VpcEndpoint-Hours",
        unit: "Hrs",
        price: "0.0100000000",
      },
      {
        sku: "VPCE1GB",
        productFamily: VPCE,
        usagetype: "USE1-VpcEndpoint-Bytes",
        unit: "GB",
        price: ENDPOINT_GB,
      },
      {
        sku: "GWLBE1HRS",
        productFamily: VPCE,
        usagetype: "USE1-VpcEndpoint-GWLBE-Hours",
        unit: "Hrs",
        price: "0.0100000000",
      },
      {
        sku: "GWLBE1GB",
        productFamily: VPCE,
        usagetype: "USE1-VpcEndpoint-GWLBE-Bytes",
        unit: "GB",
        price: "0.0035000000",
      },
      {
        sku: "IPV41USE",
        productFamily: "VPC Public IPv4 Address",
        usagetype: "USE1-PublicIPv4:InUseAddress",
        unit: "Hrs",
        price: "0.0050000000",
      },
      {
        sku: "IPV41IDLE",
        productFamily: "VPC Public IPv4 Address",
        usagetype: "USE1-PublicIPv4:IdleAddress",
        unit: "Hrs",
        price: "0.0050000000",
      },
      {
        sku: "TGW1HRS",
        productFamily: "Transit Gateway",
        usagetype: "USE1-TransitGateway-Hours",
        unit: "Hrs",
        price: "0.0500000000",
      },
      {
        sku: "TGW1GB",
        productFamily: "Transit Gateway",
        usagetype: "USE1-TransitGateway-Bytes",
        unit: "GB",
        price: "0.0200000000",
      },
      {
        sku: "VPN1HRS",
        productFamily: "Cloud Connectivity",
        usagetype: "USE1-VPN-Usage-Hours:ipsec.1",
        unit: "Hrs",
        price: "0.0500000000",
      },
    ]),
    ...regional("AmazonVPC", "eu-west-2", [
      {
        sku: "VPCE2HRS",
        productFamily: VPCE,
        usagetype: "EUW2-VpcEndpoint-Hours",
        unit: "Hrs",
        price: "0.0110000000",
      },
      {
        sku: "VPCE2GB",
        productFamily: VPCE,
        usagetype: "EUW2-VpcEndpoint-Bytes",
        unit: "GB",
        price: ENDPOINT_GB,
      },
      {
        sku: "GWLBE2HRS",
        productFamily: VPCE,
        usagetype: "EUW2-VpcEndpoint-GWLBE-Hours",
        unit: "Hrs",
        price: "0.0110000000",
      },
      {
        sku: "GWLBE2GB",
        productFamily: VPCE,
        usagetype: "EUW2-VpcEndpoint-GWLBE-Bytes",
        unit: "GB",
        price: "0.0035000000",
      },
      {
        sku: "IPV42USE",
        productFamily: "VPC Public IPv4 Address",
        usagetype: "EUW2-PublicIPv4:InUseAddress",
        unit: "Hrs",
        price: "0.0050000000",
      },
      {
        sku: "TGW2HRS",
        productFamily: "Transit Gateway",
        usagetype: "EUW2-TransitGateway-Hours",
        unit: "Hrs",
        price: "0.0500000000",
      },
      {
        sku: "TGW2GB",
        productFamily: "Transit Gateway",
        usagetype: "EUW2-TransitGateway-Bytes",
        unit: "GB",
        price: "0.0200000000",
      },
    ]),
  ],
  AWSELB: [
    ...regional("AWSELB", "us-east-1", [
      {
        sku: "NLB1HRS",
        productFamily: NLB,
        usagetype: "USE1-LoadBalancerUsage",
        unit: "Hrs",
        price: "0.0225000000",
      },
      {
        sku: "NLB1LCU",
        productFamily: NLB,
        usagetype: "USE1-LCUUsage",
        unit: "LCU-Hrs",
        price: "0.0060000000",
      },
      {
        sku: "GWLB1HRS",
        productFamily: GWLB,
        usagetype: "USE1-LoadBalancerUsage",
        unit: "Hrs",
        price: "0.0125000000",
      },
      {
        sku: "GWLB1LCU",
        productFamily: GWLB,
        usagetype: "USE1-LCUUsage",
        unit: "LCU-Hrs",
        price: "0.0040000000",
      },
      {
        sku: "ALB1HRS",
        productFamily: "Load Balancer-Application",
        usagetype: "USE1-LoadBalancerUsage",
        unit: "Hrs",
        price: "0.0225000000",
      },
    ]),
    ...regional("AWSELB", "eu-west-2", [
      {
        sku: "NLB2HRS",
        productFamily: NLB,
        usagetype: "EUW2-LoadBalancerUsage",
        unit: "Hrs",
        price: "0.0252000000",
      },
      {
        sku: "NLB2LCU",
        productFamily: NLB,
        usagetype: "EUW2-LCUUsage",
        unit: "LCU-Hrs",
        price: "0.0060000000",
      },
    ]),
  ],
  AmazonEC2: [
    ...regional("AmazonEC2", "us-east-1", [
      {
        sku: "NAT1HRS",
        productFamily: NAT,
        usagetype: "NatGateway-Hours",
        unit: "Hrs",
        price: "0.0450000000",
      },
      {
        sku: "NAT1GB",
        productFamily: NAT,
        usagetype: "NatGateway-Bytes",
        unit: "GB",
        price: "0.0450000000",
      },
      {
        sku: "M5LARGE1",
        productFamily: "Compute Instance",
        usagetype: "BoxUsage:m5.large",
        unit: "Hrs",
        price: "0.0960000000",
      },
    ]),
    ...regional("AmazonEC2", "eu-west-2", [
      {
        sku: "NAT2HRS",
        productFamily: NAT,
        usagetype: "EUW2-NatGateway-Hours",
        unit: "Hrs",
        price: "0.0500000000",
      },
      {
        sku: "NAT2GB",
        productFamily: NAT,
        usagetype: "EUW2-NatGateway-Bytes",
        unit: "GB",
        price: "0.0500000000",
      },
      {
        sku: "NAT2CNY",
        productFamily: NAT,
        usagetype: "EUW2-NatGateway-Hours",
        unit: "Hrs",
        price: "0.3200000000",
        currency: "CNY",
      },
    ]),
  ],
  AWSDataTransfer: [
    ...transfer("us-east-1", [
      {
        sku: "DT1AZ",
        productFamily: DT,
        usagetype: "DataTransfer-Regional-Bytes",
        unit: "GB",
        price: "0.0100000000",
        to: "us-east-1",
      },
      {
        sku: "DT1USE2",
        productFamily: DT,
        usagetype: "USE1-USE2-AWS-Out-Bytes",
        unit: "GB",
        price: "0.0100000000",
        to: "us-east-2",
      },
      {
        sku: "DT1EUW2",
        productFamily: DT,
        usagetype: "USE1-EUW2-AWS-Out-Bytes",
        unit: "GB",
        price: "0.0200000000",
        to: "eu-west-2",
      },
      {
        sku: "DT1APS1",
        productFamily: DT,
        usagetype: "USE1-APS1-AWS-Out-Bytes",
        unit: "GB",
        price: "0.0200000000",
        to: "ap-southeast-1",
      },
      {
        sku: "DT1IN",
        productFamily: DT,
        usagetype: "USE1-EUW2-AWS-In-Bytes",
        unit: "GB",
        price: "0.0000000000",
        to: "eu-west-2",
      },
      {
        sku: "DT1NET",
        productFamily: DT,
        usagetype: "DataTransfer-Out-Bytes",
        unit: "GB",
        price: [
          ["0", "10240", "0.0900000000"],
          ["10240", "Inf", "0.0850000000"],
        ],
        to: "external",
      },
    ]),
    ...transfer("eu-west-2", [
      {
        sku: "DT2AZ",
        productFamily: DT,
        usagetype: "EUW2-DataTransfer-Regional-Bytes",
        unit: "GB",
        price: "0.0100000000",
        to: "eu-west-2",
      },
      {
        sku: "DT2USE1",
        productFamily: DT,
        usagetype: "EUW2-USE1-AWS-Out-Bytes",
        unit: "GB",
        price: "0.0200000000",
        to: "us-east-1",
      },
      {
        sku: "DT2EUW1",
        productFamily: DT,
        usagetype: "EUW2-EUW1-AWS-Out-Bytes",
        unit: "GB",
        price: "0.0200000000",
        to: "eu-west-1",
      },
    ]),
  ],
  AmazonRoute53: [
    priceRecord({
      sku: "R53ZONE",
      serviceCode: "AmazonRoute53",
      productFamily: "DNS Zone",
      usagetype: "HostedZone",
      attributes: { location: "Global", locationType: "AWS Region" },
      unit: "HostedZone",
      price: [
        ["0", "25", "0.5000000000"],
        ["25", "Inf", "0.1000000000"],
      ],
    }),
    priceRecord({
      sku: "R53QUERY",
      serviceCode: "AmazonRoute53",
      productFamily: "DNS Query",
      usagetype: "DNS-Queries",
      attributes: { location: "Global", locationType: "AWS Region" },
      unit: "Queries",
      price: [
        ["0", "1000000000", "0.0000004000"],
        ["1000000000", "Inf", "0.0000002000"],
      ],
    }),
  ],
};
