export type { LineItem, ResourceKind } from "./model/cost/lineItem.js";
export type { RollupRow, Rollups } from "./model/cost/rollup.js";
export { type Estimate, type EstimateOptions, estimate } from "./model/estimate.js";
export {
  type EstimateJson,
  EstimateJsonSchema,
  estimateToJson,
  LineItemJsonSchema,
} from "./model/estimateJson.js";
export { LinkplanError, type LinkplanErrorCode, type Problem } from "./model/linkplanError.js";
export { formatCents, formatMoney, type Money } from "./model/money.js";
export { parseDocument } from "./model/parseDocument.js";
export { parseTopology } from "./model/parseTopology.js";
export type { Topology } from "./model/topology.js";
export { topologyJsonSchema } from "./model/topologyJsonSchema.js";
export { type TopologyInput, TopologySchema } from "./model/topologySchema.js";
export { bundledCatalog } from "./pricing/bundledCatalog.js";
export { type PriceCatalog, PriceCatalogSchema } from "./pricing/catalogSchema.js";
