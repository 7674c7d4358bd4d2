import { AWS_REGIONS } from "../../topology/awsReference.js";

/** The account id data "aws_caller_identity" stands for: not a real account. */
export const PLACEHOLDER_ACCOUNT_ID = "000000000000";

/** What a data source known statically adds to its arguments, and what was assumed. */
export interface DataSourceResult {
  values: Record<string, unknown>;
  warning?: string;
}

/**
 * The attributes of the data sources read without AWS: aws_availability_zones (the
 * Region's AZs from the bundled list), aws_caller_identity (a placeholder account),
 * aws_region and aws_partition. Undefined for any other data source.
 */
export function dataSourceValues(
  type: string,
  args: Readonly<Record<string, unknown>>,
  region: string | undefined,
): DataSourceResult | undefined {
  const known = region === undefined ? undefined : AWS_REGIONS.get(region);
  switch (type) {
    case "aws_availability_zones": {
      if (!known)
        return {
          values: {},
          warning: `AZ names not known: the Region is ${region === undefined ? "not known (give --region)" : `unknown (${region})`}`,
        };
      const exclude = Array.isArray(args.exclude_names) ? args.exclude_names : [];
      const keep = known.azs
        .map((az, i) => ({ az, id: known.azIds[i] }))
        .filter((z) => !exclude.includes(z.az));
      const names = keep.map((z) => z.az);
      return {
        values: { names, zone_ids: keep.map((z) => z.id), id: region },
        warning: `AZ names assumed from the bundled list for ${region}: ${names.join(", ")}`,
      };
    }
    case "aws_caller_identity":
      return {
        values: { account_id: PLACEHOLDER_ACCOUNT_ID },
        warning: `account_id is a placeholder (${PLACEHOLDER_ACCOUNT_ID}): give the account with --account`,
      };
    case "aws_region":
      if (region === undefined)
        return { values: {}, warning: "the Region is not known (give --region)" };
      return { values: { name: region, id: region, region } };
    case "aws_partition": {
      const partition = known?.partition ?? "aws";
      const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
      return { values: { partition, dns_suffix: dnsSuffix, id: partition } };
    }
    default:
      return undefined;
  }
}
