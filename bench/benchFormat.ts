import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { eachItem } from "../src/diagram/graph/diagramGraph.js";
import type { DiagramShape } from "./diagramBench.js";
import type { BenchFormat, FormatsFormatResult } from "./formatsResult.js";
import { generateOrganisation } from "./generateOrganisation.js";
import { measureCpu } from "./measure.js";
import { type FormatCell, pngCell, uncappedPngCell } from "./pngCell.js";

type Library = typeof import("../src/index.js");

/** Each VPC as in diagramBench's default organisation; the VPC count is FORMATS_SIZES'. */
export const FORMATS_SHAPE: Omit<DiagramShape, "vpcs"> = {
  endpointsPerVpc: 15,
  azs: 3,
  workloadUses: 3,
  providerEvery: 10,
};

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * One size drawn in one format, as `linkplan diagram --format …` draws it on a fresh heap:
 * the baseline (JSON.stringify of the graph) and the format, each one's warm-ups and runs
 * after `settle` (a full collection in the benchmark's child process). A PNG needs the SVG's
 * size: that SVG is drawn first, untimed. The uncapped PNG has runs of its own (`uncapped`).
 */
export async function benchFormat(
  lib: Library,
  size: {
    vpcs: number;
    runs: number;
    warmUps: number;
    baselineRepeat: number;
    /** runs and warm-ups of "png-uncapped" (seconds to a minute a run) */
    uncapped: { runs: number; warmUps: number };
  },
  format: BenchFormat,
  settle: () => void,
): Promise<FormatsFormatResult> {
  const { parseTopology, toGraph, drawTopology } = lib;
  const { vpcs, runs, warmUps } = size;
  const topology = parseTopology(generateOrganisation({ vpcs, ...FORMATS_SHAPE }));
  const graph = toGraph(topology, { detail: "vpcs" });
  let json = "";
  const baseline = await measureCpu(
    () => {
      json = JSON.stringify(graph);
    },
    runs,
    warmUps,
    size.baselineRepeat,
    settle,
  );
  const text = (f: "svg" | "ascii" | "mermaid"): string =>
    drawTopology(topology, { format: f, detail: "vpcs", limits: NO_DIAGRAM_LIMITS });
  let cell: FormatCell;
  if (format === "png") {
    cell = await pngCell(lib, topology, text("svg"), runs, warmUps, settle);
  } else if (format === "png-uncapped") {
    cell = await uncappedPngCell(lib, topology, size.uncapped.runs, size.uncapped.warmUps, settle);
  } else {
    let out = "";
    const timing = await measureCpu(
      () => {
        out = text(format);
      },
      runs,
      warmUps,
      1,
      settle,
    );
    cell = { drawn: true, timing, bytes: utf8(out) };
  }
  let nodes = 0;
  eachItem(graph.items, () => {
    nodes++;
  });
  return {
    vpcs,
    runs,
    warmUps,
    graph: { nodes, edges: graph.edges.length },
    baseline,
    baselineBytes: utf8(json),
    format,
    cell,
  };
}
