import { availableParallelism, loadavg } from "node:os";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { type DiagramGraph, walkItems } from "../src/diagram/graph/diagramGraph.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene } from "../src/diagram/layout/scene.js";
import { renderMermaid } from "../src/diagram/mermaid/renderMermaid.js";
import { renderSvg } from "../src/diagram/svg/renderSvg.js";
import { parseTopology, type Topology } from "../src/index.js";
import { type DiagramScaleResult, runDiagramScaleBench } from "./diagramScaleBench.js";
import { generateOrganisation } from "./generateOrganisation.js";
import { int, measure, ms, RUNS, type Timing, table, verdict, WARM_UPS } from "./measure.js";

/** Targets from the issue. */
export const DIAGRAM_TARGETS = {
  /** layout(graph) + renderAscii(scene) + renderSvg(scene), median ms */
  layoutAsciiSvgMs: 500,
  /** renderMermaid(graph), median ms */
  mermaidMs: 100,
} as const;

/** The detail levels measured: "azs" is the heavy case (one ENI node per endpoint and AZ). */
export const DIAGRAM_DETAILS = ["azs", "vpcs"] as const;
export type DiagramBenchDetail = (typeof DIAGRAM_DETAILS)[number];

export interface DiagramShape {
  vpcs: number;
  endpointsPerVpc: number;
  azs: number;
  /** endpoints each VPC's workload uses */
  workloadUses: number;
  /** every Nth VPC provides an endpoint service behind an NLB */
  providerEvery: number;
}

export interface DiagramDetailResult {
  detail: DiagramBenchDetail;
  graph: { nodes: number; groups: number; edges: number };
  scene: {
    boxes: number;
    edges: number;
    labels: number;
    width: number;
    height: number;
  };
  /** output sizes in characters (UTF-16 code units) */
  chars: { json: number; ascii: number; svg: number; mermaid: number };
  /** the in-run baseline: JSON.stringify(scene) */
  baseline: Timing;
  toGraph: Timing;
  layout: Timing;
  ascii: Timing;
  svg: Timing;
  /** layout + renderAscii + renderSvg, timed together */
  layoutAsciiSvg: Timing;
  mermaid: Timing;
  pass: { layoutAsciiSvg: boolean; mermaid: boolean };
}

export interface DiagramBenchResult {
  shape: DiagramShape;
  input: { accounts: number; vpcs: number; endpoints: number; enis: number; services: number };
  details: DiagramDetailResult[];
  scale: DiagramScaleResult;
}

function inputCounts(topology: Topology): DiagramBenchResult["input"] {
  let vpcs = 0;
  let endpoints = 0;
  let enis = 0;
  let services = 0;
  for (const account of topology.accounts) {
    services += account.endpointServices.length;
    for (const vpc of account.vpcs) {
      vpcs += 1;
      for (const endpoint of vpc.endpoints) {
        endpoints += 1;
        if (endpoint.type !== "gateway") enis += endpoint.enis.length;
      }
    }
  }
  return { accounts: topology.accounts.length, vpcs, endpoints, enis, services };
}

function graphCounts(graph: DiagramGraph): DiagramDetailResult["graph"] {
  let nodes = 0;
  let groups = 0;
  for (const { item } of walkItems(graph.items)) {
    if (item.type === "node") nodes += 1;
    else groups += 1;
  }
  return { nodes, groups, edges: graph.edges.length };
}

function sceneCounts(scene: Scene): DiagramDetailResult["scene"] {
  return {
    boxes: scene.boxes.length,
    edges: scene.edges.length,
    labels: scene.edges.filter((e) => e.label !== null && e.labelAt !== null).length,
    width: scene.width,
    height: scene.height,
  };
}

function benchDetail(topology: Topology, detail: DiagramBenchDetail): DiagramDetailResult {
  const graph = toGraph(topology, { detail });
  const scene = layout(graph, { limits: NO_DIAGRAM_LIMITS });
  const json = JSON.stringify(scene);
  const ascii = renderAscii(scene);
  const svg = renderSvg(scene);
  const mermaid = renderMermaid(graph);

  const baseline = measure(() => JSON.stringify(scene));
  const graphTiming = measure(() => toGraph(topology, { detail }));
  const layoutTiming = measure(() => layout(graph, { limits: NO_DIAGRAM_LIMITS }));
  const asciiTiming = measure(() => renderAscii(scene));
  const svgTiming = measure(() => renderSvg(scene));
  const layoutAsciiSvg = measure(() => {
    const s = layout(graph, { limits: NO_DIAGRAM_LIMITS });
    return [renderAscii(s), renderSvg(s)];
  });
  const mermaidTiming = measure(() => renderMermaid(graph));
  return {
    detail,
    graph: graphCounts(graph),
    scene: sceneCounts(scene),
    chars: { json: json.length, ascii: ascii.length, svg: svg.length, mermaid: mermaid.length },
    baseline,
    toGraph: graphTiming,
    layout: layoutTiming,
    ascii: asciiTiming,
    svg: svgTiming,
    layoutAsciiSvg,
    mermaid: mermaidTiming,
    pass: {
      layoutAsciiSvg: layoutAsciiSvg.medianMs < DIAGRAM_TARGETS.layoutAsciiSvgMs,
      mermaid: mermaidTiming.medianMs < DIAGRAM_TARGETS.mermaidMs,
    },
  };
}

function printDetail(r: DiagramDetailResult): void {
  const base = r.baseline.medianMs;
  const ratio = (t: Timing): string => `${(t.medianMs / base).toFixed(1)}×`;
  console.log(
    `detail "${r.detail}" — graph: ${int.format(r.graph.nodes)} nodes, ${int.format(r.graph.groups)} groups, ${int.format(r.graph.edges)} edges; scene: ${int.format(r.scene.boxes)} boxes, ${int.format(r.scene.edges)} edges (${int.format(r.scene.labels)} labels placed), ${int.format(r.scene.width)} × ${int.format(r.scene.height)} cells`,
  );
  console.log(
    `  output chars: scene JSON ${int.format(r.chars.json)}, ASCII ${int.format(r.chars.ascii)}, SVG ${int.format(r.chars.svg)}, Mermaid ${int.format(r.chars.mermaid)}`,
  );
  console.log(
    table([
      ["step", "median ms", "× baseline", "target", "result"],
      ["baseline: JSON.stringify(scene)", ms(base), "1.0×", "", ""],
      ["toGraph(topology)", ms(r.toGraph.medianMs), ratio(r.toGraph), "", ""],
      ["layout(graph)", ms(r.layout.medianMs), ratio(r.layout), "", ""],
      ["renderAscii(scene)", ms(r.ascii.medianMs), ratio(r.ascii), "", ""],
      ["renderSvg(scene)", ms(r.svg.medianMs), ratio(r.svg), "", ""],
      [
        "layout + renderAscii + renderSvg",
        ms(r.layoutAsciiSvg.medianMs),
        ratio(r.layoutAsciiSvg),
        `< ${DIAGRAM_TARGETS.layoutAsciiSvgMs} ms`,
        verdict(r.pass.layoutAsciiSvg),
      ],
      [
        "renderMermaid(graph)",
        ms(r.mermaid.medianMs),
        ratio(r.mermaid),
        `< ${DIAGRAM_TARGETS.mermaidMs} ms`,
        verdict(r.pass.mermaid),
      ],
    ]),
  );
}

/**
 * Benchmark of the diagram pipeline on a 100 VPC × 15 interface endpoint × 3 AZ
 * organisation with one workload per VPC (using 3 endpoints) and every 10th VPC providing
 * an endpoint service behind an NLB that other VPCs consume: toGraph, layout, renderAscii,
 * renderSvg and renderMermaid at detail "azs" (one ENI node per endpoint and AZ) and
 * "vpcs". The in-run baseline is JSON.stringify of the same scene. Then the scaling run
 * (runDiagramScaleBench). Prints a report and returns the figures; never throws on a
 * missed target.
 */
export function runDiagramBench(
  shape: DiagramShape = {
    vpcs: 100,
    endpointsPerVpc: 15,
    azs: 3,
    workloadUses: 3,
    providerEvery: 10,
  },
): DiagramBenchResult {
  const loadStart = loadavg()[0] ?? 0;
  const topology = parseTopology(generateOrganisation(shape));
  const input = inputCounts(topology);
  const details = DIAGRAM_DETAILS.map((detail) => benchDetail(topology, detail));

  const title = `${int.format(shape.vpcs)} VPCs × ${shape.endpointsPerVpc} interface endpoints × ${shape.azs} AZs`;
  console.log(`diagram benchmark — ${title} (median of ${RUNS} runs after ${WARM_UPS} warm-ups)`);
  console.log(
    `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (wall-clock times: load inflates them)`,
  );
  console.log(
    `  each VPC: 1 workload using ${shape.workloadUses} endpoints; every ${shape.providerEvery}th VPC: NLB + endpoint service, consumed by the others (1 endpoint each); baseline: JSON.stringify(scene)`,
  );
  console.log(
    table([
      ["input", "accounts", "VPCs", "endpoints", "ENIs", "endpoint services"],
      [
        "",
        int.format(input.accounts),
        int.format(input.vpcs),
        int.format(input.endpoints),
        int.format(input.enis),
        int.format(input.services),
      ],
    ]),
  );
  for (const r of details) {
    console.log();
    printDetail(r);
  }
  console.log();
  const scale = runDiagramScaleBench();
  return { shape, input, details, scale };
}
