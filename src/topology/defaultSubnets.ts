import type { SubnetDoc, VpcDoc } from "./topologySchema.js";

/** The VPC's subnets, or by default one private subnet per AZ named "private-<az>". */
export function subnetsOf(vpc: Pick<VpcDoc, "subnets" | "azs">): SubnetDoc[] {
  return (
    vpc.subnets ?? vpc.azs.map((az) => ({ id: `private-${az}`, az, tier: "private" as const }))
  );
}
