/**
 * `linkplan/price-list`: the live AWS Price List API source. It loads the AWS SDK and its
 * types need the SDK's (and @types/node), which is why it is an entry of its own and not
 * part of `linkplan` (whose `mapPriceList` maps records without the SDK).
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
