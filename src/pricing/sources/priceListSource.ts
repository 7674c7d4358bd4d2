import {
  PricingClient,
  type PricingClientConfig,
  paginateGetProducts,
} from "@aws-sdk/client-pricing";
import { mapPriceList, type PriceListMapping, type PriceListRecord } from "../mapPriceList.js";
import { priceListQueries } from "../priceListQueries.js";
/** The regions that serve the Price List API. */
import { PRICE_LIST_API_REGIONS } from "./priceListApiRegions.js";
import { PriceListSourceError } from "./priceListSourceError.js";

export { PRICE_LIST_API_REGIONS };

/** Reported after every page: the query's service code and region, pages and records so far. */
export interface PriceListProgress {
  service: string;
  /** the region asked for, or "global" (Route 53) */
  region: string;
  /** the query's TERM_MATCH filters, e.g. regionCode=us-east-1, productFamily=NAT Gateway */
  filters: string[];
  pages: number;
  items: number;
}

export interface PriceListSourceOptions {
  /** regions to price, e.g. ["us-east-1", "eu-west-2"] */
  regions: readonly string[];
  /** also fetch Route 53 (global) prices (default true) */
  global?: boolean;
  /** API endpoint override (a local server in tests); default: the SDK's, which honours
   * AWS_ENDPOINT_URL_PRICING and AWS_ENDPOINT_URL */
  endpoint?: string;
  /** region of the API endpoint (default us-east-1; also eu-central-1, ap-south-1) */
  apiRegion?: string;
  /** credentials; default: the SDK's default credential chain */
  credentials?: PricingClientConfig["credentials"];
  onProgress?: (event: PriceListProgress) => void;
}

/** The records of every query, in query order, and the pages read. */
export interface PriceListFetch {
  records: PriceListRecord[];
  pages: number;
}

/**
 * Fetch the GetProducts records linkplan prices (see priceListQueries) with the AWS SDK:
 * MaxResults 100 per page, NextToken pagination, the SDK's standard retry (3 attempts,
 * throttling included). Failures become PriceListSourceError (credentials, network,
 * access denied, service).
 */
export async function fetchPriceList(options: PriceListSourceOptions): Promise<PriceListFetch> {
  const client = new PricingClient({
    region: options.apiRegion ?? "us-east-1",
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: {
      connectionTimeout: 10_000,
      requestTimeout: 60_000,
      throwOnRequestTimeout: true,
    },
  });
  const records: PriceListRecord[] = [];
  let pages = 0;
  try {
    for (const query of priceListQueries(options.regions, { global: options.global ?? true })) {
      let queryPages = 0;
      let items = 0;
      const paginator = paginateGetProducts(
        { client },
        {
          ServiceCode: query.serviceCode,
          FormatVersion: "aws_v1",
          MaxResults: 100,
          Filters: query.filters.map((f) => ({
            Type: "TERM_MATCH",
            Field: f.field,
            Value: f.value,
          })),
        },
      );
      for await (const page of paginator) {
        queryPages += 1;
        for (const entry of page.PriceList ?? []) {
          records.push({ serviceCode: query.serviceCode, json: String(entry) });
          items += 1;
        }
        options.onProgress?.({
          service: query.serviceCode,
          region: query.region,
          filters: query.filters.map((f) => `${f.field}=${f.value}`),
          pages: queryPages,
          items,
        });
      }
      pages += queryPages;
    }
  } catch (error) {
    throw PriceListSourceError.from(error);
  } finally {
    client.destroy();
  }
  return { records, pages };
}

/**
 * Fetch today's prices for `regions` and map them to a catalog named "aws-price-list",
 * retrieved today (UTC) unless `retrieved` says otherwise.
 */
export async function refreshCatalog(
  options: PriceListSourceOptions & { retrieved?: string },
): Promise<PriceListMapping & { pages: number }> {
  const fetched = await fetchPriceList(options);
  const mapping = mapPriceList(fetched.records, {
    regions: options.regions,
    retrieved: options.retrieved ?? new Date().toISOString().slice(0, 10),
    global: options.global ?? true,
  });
  return { ...mapping, pages: fetched.pages };
}
