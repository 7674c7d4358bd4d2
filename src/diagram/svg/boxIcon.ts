import type { SceneBox } from "../layout/scene.js";
import { isPublicSubnet } from "./boxClass.js";
import type { AwsIconName } from "./icons/awsIcons.js";

/** Node kinds drawn with the same icon whatever else they say. */
const NODE_ICONS: Readonly<Record<string, AwsIconName>> = {
  workload: "ec2-instances",
  service: "ec2-instances",
  "interface-endpoint": "vpc-endpoints",
  "gateway-endpoint": "vpc-endpoints",
  "gwlb-endpoint": "vpc-endpoints",
  "endpoint-service": "privatelink",
  "hosted-zone": "hosted-zone",
  "nat-gateway": "nat-gateway",
  "transit-gateway": "transit-gateway",
  "tgw-attachment": "tgw-attachment",
  "route-table": "route-table",
};

/** Group kinds with an AWS group icon (an AZ and a generic group have none). */
const GROUP_ICONS: Readonly<Record<string, AwsIconName>> = {
  account: "account",
  region: "region",
  vpc: "vpc",
};

/** Gateway endpoint targets (toGraph's aws-service node ids end with the service). */
const AWS_SERVICE_ICONS: Readonly<Record<string, AwsIconName>> = {
  s3: "s3",
  dynamodb: "dynamodb",
};

/**
 * The AWS Architecture Icon of a box: the group icon of an account, Region, VPC or subnet
 * (public or private), the resource or service icon of a node (an ENI at AZ detail, whose
 * id toGraph starts with "eni:", the network-interface icon; a load balancer whose detail
 * says GWLB the Gateway Load Balancer icon); null for an AZ, a generic group and anything
 * unknown. `theme` picks the variant drawn for a dark background where AWS has one.
 */
export function boxIcon(box: SceneBox, theme: "light" | "dark"): AwsIconName | null {
  if (box.role === "group") {
    if (box.kind === "subnet") return isPublicSubnet(box) ? "public-subnet" : "private-subnet";
    return GROUP_ICONS[box.kind] ?? null;
  }
  switch (box.kind) {
    case "interface-endpoint":
    case "gwlb-endpoint":
      return box.id.startsWith("eni:") ? "network-interface" : "vpc-endpoints";
    case "load-balancer":
      return /^GWLB\b/.test(box.lines[1] ?? "") ? "gwlb" : "nlb";
    case "aws-service":
      return AWS_SERVICE_ICONS[box.id.slice(box.id.lastIndexOf("/") + 1)] ?? null;
    case "saas":
      return theme === "dark" ? "marketplace-dark" : "marketplace";
    default:
      return NODE_ICONS[box.kind] ?? null;
  }
}
