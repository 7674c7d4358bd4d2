export { type CheckOptions, check, selectedRules } from "./check/check.js";
export type { CheckContext, CheckRule } from "./check/checkRule.js";
export { type Finding, FindingSchema, SEVERITIES, type Severity } from "./check/finding.js";
export { RULES } from "./check/rules.js";
export { type AccountPair, accountPairs, renameAccounts } from "./compare/alignAccounts.js";
export {
  BREAK_EVEN_DEFAULTS,
  type BreakEven,
  type BreakEvenRequest,
  breakEven,
  type HubBreakEven,
  type ServiceBreakEven,
} from "./compare/breakEven.js";
export {
  type CompareOptions,
  type Comparison,
  compare,
  compareEstimates,
  type DiffRow,
  type LineChange,
  type LineChangeKind,
  percentChange,
} from "./compare/compare.js";
export { MAX_PROBLEMS } from "./core/capProblems.js";
export { exactQuantity, inexactQuantity } from "./core/exactQuantity.js";
export { LinkplanError, type LinkplanErrorCode, type Problem } from "./core/linkplanError.js";
export { formatCents, formatMoney, type Money } from "./core/money.js";
export { terminalLines, terminalText } from "./core/terminalText.js";
export { type RenderAsciiOptions, renderAscii } from "./diagram/ascii/renderAscii.js";
export {
  DIAGRAM_LIMITS,
  type DiagramLimits,
  NO_DIAGRAM_LIMITS,
} from "./diagram/diagramLimits.js";
export {
  type ComparisonOptions,
  comparisonGraph,
  drawComparison,
} from "./diagram/drawComparison.js";
export { type RenderDrawioOptions, renderDrawio } from "./diagram/drawio/renderDrawio.js";
export {
  DIAGRAM_FORMATS,
  type DiagramFormat,
  type DiagramRequest,
  drawTopology,
  type RenderRequest,
  renderGraph,
} from "./diagram/drawTopology.js";
export type { CostAnnotation, CostAnnotations } from "./diagram/graph/costAnnotations.js";
export type {
  DiagramEdge,
  DiagramGraph,
  DiagramGroup,
  DiagramItem,
  DiagramNode,
  DiagramStatus,
  EdgeKind,
  GroupKind,
  ItemFinding,
  NodeKind,
} from "./diagram/graph/diagramGraph.js";
export { diffGraphs } from "./diagram/graph/diffGraphs.js";
export { type GraphViewOptions, graphView } from "./diagram/graph/graphView.js";
export { type GraphOptions, toGraph } from "./diagram/graph/toGraph.js";
export { type LayoutOptions, layout } from "./diagram/layout/layout.js";
export { type LayoutWork, layoutWork, totalWork } from "./diagram/layout/layoutWork.js";
export type { Scene, SceneBox, SceneEdge, ScenePoint } from "./diagram/layout/scene.js";
export { type RenderMermaidOptions, renderMermaid } from "./diagram/mermaid/renderMermaid.js";
export {
  drawTopologyPng,
  type PngRequest,
  renderGraphPng,
} from "./diagram/png/drawTopologyPng.js";
export {
  type CodeRange,
  FONT_SUBSET_RANGES,
  type PngFontSubset,
  subsetCovers,
} from "./diagram/png/fontSubset.js";
export {
  PNG_FONT_FAMILY,
  PNG_SCALE,
  pngSize,
  type RenderPngOptions,
  renderPng,
} from "./diagram/png/renderPng.js";
export { type RenderSvgOptions, renderSvg } from "./diagram/svg/renderSvg.js";
export { MAX_NESTING } from "./document/checkNesting.js";
export { parseDocument } from "./document/parseDocument.js";
export { ALIAS_ALLOWANCE } from "./document/yamlToData.js";
export type { LineItem, ResourceKind } from "./estimate/cost/lineItem.js";
export type { RollupRow, Rollups } from "./estimate/cost/rollup.js";
export { type Estimate, type EstimateOptions, estimate } from "./estimate/estimate.js";
export { bundledCatalog } from "./pricing/bundledCatalog.js";
export {
  type PriceCatalog,
  PriceCatalogSchema,
  type ServiceList,
  ServiceListSchema,
} from "./pricing/catalogSchema.js";
export { catalogServices } from "./pricing/catalogServices.js";
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
  type BreakEvenJson,
  BreakEvenJsonSchema,
  breakEvenToJson,
} from "./report/breakEvenJson.js";
export {
  type ComparisonJson,
  ComparisonJsonSchema,
  comparisonToJson,
  WhatIfResultSchema,
} from "./report/comparisonJson.js";
export {
  type EstimateJson,
  EstimateJsonSchema,
  estimateToJson,
  LineItemJsonSchema,
} from "./report/estimateJson.js";
export { estimateJsonChunks } from "./report/estimateJsonChunks.js";
export { formatBreakEvenTable } from "./report/formatBreakEvenTable.js";
export { formatCatalogDiff } from "./report/formatCatalogDiff.js";
export { formatComparisonMarkdown } from "./report/formatComparisonMarkdown.js";
export { formatComparisonTable } from "./report/formatComparisonTable.js";
export { formatEstimateCsv } from "./report/formatEstimateCsv.js";
export { formatEstimateMarkdown } from "./report/formatEstimateMarkdown.js";
export { formatEstimateTable } from "./report/formatEstimateTable.js";
export {
  type ImportTerraformInput,
  importTerraform,
  terraformUsageTemplate,
} from "./terraform/importTerraform.js";
export type { TerraformWarning } from "./terraform/terraformModel.js";
export {
  AWS_REFERENCE_SOURCES,
  AWS_REGIONS,
  AWS_SERVICES,
  type AwsRegion,
  type AwsService,
  type AwsServiceList,
  type AwsServiceReference,
  awsServiceReference,
  BUNDLED_AWS_SERVICES,
} from "./topology/awsReference.js";
export {
  type ParseTopologyOptions,
  parseTopology,
  parseTopologyDoc,
} from "./topology/parseTopology.js";
export type { Topology } from "./topology/topology.js";
export { type AnyTopology, isNormalized, toDoc } from "./topology/topologyForm.js";
export { topologyJsonSchema } from "./topology/topologyJsonSchema.js";
export { type TopologyDoc, type TopologyInput, TopologySchema } from "./topology/topologySchema.js";
export {
  type CentralizeEndpointsOptions,
  centralizeEndpoints,
  serviceDnsName,
} from "./whatif/centralizeEndpoints.js";
export { type ConsolidateAzsOptions, consolidateAzs } from "./whatif/consolidateAzs.js";
export { type NatToEndpointsOptions, natToEndpoints } from "./whatif/natToEndpoints.js";
export { applyWhatIf, describeWhatIf, type WhatIf, WhatIfSchema } from "./whatif/whatIf.js";
