/** What the diagram formats benchmark measures of one size: the shapes its children report. */
import type { CpuTiming } from "./measure.js";
import type { FormatCell } from "./pngCell.js";

/**
 * The formats drawn: "png" as a user gets it (within maxPngPixels), "png-uncapped" at
 * PNG_SCALE.min with maxPngPixels lifted, so every size is drawn and PNG has a growth figure.
 */
export const BENCH_FORMATS = ["svg", "ascii", "mermaid", "png", "png-uncapped"] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

/** One size in every format (one round of it, or every round pooled). */
export interface FormatsSizeResult {
  vpcs: number;
  /**
   * runs of each format but "png-uncapped", whose cell's timing counts its own (the
   * baseline: as many in every child of the size)
   */
  runs: number;
  warmUps: number;
  graph: { nodes: number; edges: number };
  /** the in-run baseline: JSON.stringify(graph) of this size, and its bytes */
  baseline: CpuTiming;
  baselineBytes: number;
  formats: Record<BenchFormat, FormatCell>;
}

/** One format of one size, as a child process measures it (see benchFormat). */
export interface FormatsFormatResult extends Omit<FormatsSizeResult, "formats"> {
  format: BenchFormat;
  cell: FormatCell;
}
