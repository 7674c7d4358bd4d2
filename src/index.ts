export { type AccountPair, accountPairs, renameAccounts } from "./model/alignAccounts.js";
export {
  BREAK_EVEN_DEFAULTS,
  type BreakEven,
  type BreakEvenRequest,
  breakEven,
  type HubBreakEven,
  type ServiceBreakEven,
} from "./model/breakEven.js";
export { type BreakEvenJson, BreakEvenJsonSchema, breakEvenToJson } from "./model/breakEvenJson.js";
export { MAX_PROBLEMS } from "./model/capProblems.js";
export { MAX_NESTING } from "./model/checkNesting.js";
export {
  type CompareOptions,
  type Comparison,
  compare,
  compareEstimates,
  type DiffRow,
  type LineChange,
  type LineChangeKind,
  percentChange,
} from "./model/compare.js";
export {
  type ComparisonJson,
  ComparisonJsonSchema,
  comparisonToJson,
  WhatIfResultSchema,
} from "./model/comparisonJson.js";
export type { LineItem, ResourceKind } from "./model/cost/lineItem.js";
export type { RollupRow, Rollups } from "./model/cost/rollup.js";
export { type Estimate, type EstimateOptions, estimate } from "./model/estimate.js";
export {
  type EstimateJson,
  EstimateJsonSchema,
  estimateToJson,
  LineItemJsonSchema,
} from "./model/estimateJson.js";
export { estimateJsonChunks } from "./model/estimateJsonChunks.js";
export { exactQuantity, inexactQuantity } from "./model/exactQuantity.js";
export { LinkplanError, type LinkplanErrorCode, type Problem } from "./model/linkplanError.js";
export { formatCents, formatMoney, type Money } from "./model/money.js";
export { parseDocument } from "./model/parseDocument.js";
export { parseTopology, parseTopologyDoc } from "./model/parseTopology.js";
export type { Topology } from "./model/topology.js";
export { topologyJsonSchema } from "./model/topologyJsonSchema.js";
export { type TopologyDoc, type TopologyInput, TopologySchema } from "./model/topologySchema.js";
export {
  type CentralizeEndpointsOptions,
  centralizeEndpoints,
  serviceDnsName,
} from "./model/whatif/centralizeEndpoints.js";
export { type ConsolidateAzsOptions, consolidateAzs } from "./model/whatif/consolidateAzs.js";
export { type NatToEndpointsOptions, natToEndpoints } from "./model/whatif/natToEndpoints.js";
export { type AnyTopology, isNormalized, toDoc } from "./model/whatif/topologyForm.js";
export { applyWhatIf, describeWhatIf, type WhatIf, WhatIfSchema } from "./model/whatif/whatIf.js";
export { ALIAS_ALLOWANCE } from "./model/yamlToData.js";
export { bundledCatalog } from "./pricing/bundledCatalog.js";
export { type PriceCatalog, PriceCatalogSchema } from "./pricing/catalogSchema.js";
export { type CatalogDiff, diffCatalogs, type FigureChange } from "./pricing/diffCatalogs.js";
export {
  type MapPriceListOptions,
  mapPriceList,
  type PriceListMapping,
  type PriceListRecord,
  type RecordTally,
  type UnmappedReason,
} from "./pricing/mapPriceList.js";
export { parseCatalog } from "./pricing/parseCatalog.js";
export { PRICE_LIST_ITEMS, type PriceListItem } from "./pricing/priceListItems.js";
export {
  fetchPriceList,
  PRICE_LIST_API_REGIONS,
  type PriceListFetch,
  type PriceListProgress,
  type PriceListSourceOptions,
  refreshCatalog,
} from "./pricing/sources/priceListSource.js";
export {
  type PriceListFailure,
  PriceListSourceError,
} from "./pricing/sources/priceListSourceError.js";
export type { CostAnnotations } from "./render/costAnnotations.js";
export type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  DiagramStatus,
  EdgeKind,
  GroupKind,
  NodeKind,
} from "./render/diagramGraph.js";
export {
  DIAGRAM_LIMITS,
  type DiagramLimits,
  NO_DIAGRAM_LIMITS,
} from "./render/diagramLimits.js";
export { diffGraphs } from "./render/diffGraphs.js";
export {
  type ComparisonOptions,
  comparisonGraph,
  drawComparison,
} from "./render/drawComparison.js";
export {
  DIAGRAM_FORMATS,
  type DiagramFormat,
  type DiagramRequest,
  drawTopology,
  type RenderRequest,
  renderGraph,
} from "./render/drawTopology.js";
export { type LayoutWork, layoutWork, totalWork } from "./render/layout/layoutWork.js";
export { type LayoutOptions, layout } from "./render/layout.js";
export { type RenderAsciiOptions, renderAscii } from "./render/renderAscii.js";
export { type RenderMermaidOptions, renderMermaid } from "./render/renderMermaid.js";
export { type RenderSvgOptions, renderSvg } from "./render/renderSvg.js";
export type { Scene, SceneBox, SceneEdge, ScenePoint } from "./render/scene.js";
export { type GraphOptions, toGraph } from "./render/toGraph.js";
export { formatBreakEvenTable } from "./report/formatBreakEvenTable.js";
export { formatCatalogDiff } from "./report/formatCatalogDiff.js";
export { formatComparisonMarkdown } from "./report/formatComparisonMarkdown.js";
export { formatComparisonTable } from "./report/formatComparisonTable.js";
export { formatEstimateCsv } from "./report/formatEstimateCsv.js";
export { formatEstimateMarkdown } from "./report/formatEstimateMarkdown.js";
export { formatEstimateTable } from "./report/formatEstimateTable.js";
export { terminalLines, terminalText } from "./report/terminalText.js";
