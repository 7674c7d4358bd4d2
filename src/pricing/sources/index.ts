/**
 * `linkplan/price-list`: the live AWS sources of a catalog — the Price List API (prices) and
 * Amazon EC2 DescribeVpcEndpointServices (the AWS service list). They load the AWS SDK and
 * their types need the SDK's (and @types/node), which is why they are an entry of their own
 * and not part of `linkplan` (whose `mapPriceList` maps records without the SDK).
 */
export { PRICE_LIST_API_REGIONS } from "./priceListApiRegions.js";
export {
  fetchPriceList,
  type PriceListFetch,
  type PriceListProgress,
  type PriceListSourceOptions,
  refreshCatalog,
} from "./priceListSource.js";
export { type PriceListFailure, PriceListSourceError } from "./priceListSourceError.js";
export {
  DESCRIBE_VPC_ENDPOINT_SERVICES_URL,
  type EndpointServiceDetail,
  type EndpointServicesClient,
  type EndpointServicesPage,
  fetchServiceList,
  type ServiceListFetch,
  type ServiceListProgress,
  type ServiceListSourceOptions,
  shortServiceName,
} from "./serviceListSource.js";
export {
  SERVICE_LIST_PERMISSION,
  type ServiceListFailure,
  ServiceListSourceError,
} from "./serviceListSourceError.js";
