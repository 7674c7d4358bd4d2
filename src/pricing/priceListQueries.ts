import type { PriceListService } from "./priceListItems.js";

/** One paginated GetProducts query: a service code and its TERM_MATCH filters. */
export interface PriceListQuery {
  serviceCode: PriceListService;
  /** the region the query is for, or "global" (Route 53) */
  region: string;
  filters: { field: string; value: string }[];
}

/**
 * The GetProducts queries that fetch every figure of the catalog for `regions`: per region
 * AmazonVPC (endpoints, public IPv4, Transit Gateway) and AWSELB by regionCode, AmazonEC2
 * narrowed to the NAT Gateway family (the EC2 list is huge), AWSDataTransfer by
 * fromRegionCode (its records have from/to region codes); then Route 53 by usagetype, once.
 */
export function priceListQueries(
  regions: readonly string[],
  options: { global?: boolean } = {},
): PriceListQuery[] {
  const queries: PriceListQuery[] = regions.flatMap((region): PriceListQuery[] => [
    { serviceCode: "AmazonVPC", region, filters: [{ field: "regionCode", value: region }] },
    { serviceCode: "AWSELB", region, filters: [{ field: "regionCode", value: region }] },
    {
      serviceCode: "AmazonEC2",
      region,
      filters: [
        { field: "regionCode", value: region },
        { field: "productFamily", value: "NAT Gateway" },
      ],
    },
    {
      serviceCode: "AWSDataTransfer",
      region,
      filters: [{ field: "fromRegionCode", value: region }],
    },
  ]);
  if (options.global ?? true) {
    for (const usagetype of ["HostedZone", "DNS-Queries"]) {
      queries.push({
        serviceCode: "AmazonRoute53",
        region: "global",
        filters: [{ field: "usagetype", value: usagetype }],
      });
    }
  }
  return queries;
}
