/**
 * The diagram formats benchmark's results put together: a size's children (one per format)
 * into a round, and a size's rounds into one result whose medians are over every run.
 */
import {
  BENCH_FORMATS,
  type BenchFormat,
  type FormatsFormatResult,
  type FormatsSizeResult,
} from "./formatsResult.js";
import { type CpuTiming, median } from "./measure.js";
import type { FormatCell } from "./pngCell.js";

/** The runs of several timings as one (medians over all of them). */
function pooledTiming(timings: readonly CpuTiming[]): CpuTiming {
  const runsMs = timings.flatMap((t) => t.runsMs);
  const cpuMs = timings.flatMap((t) => t.cpuMs);
  return { medianMs: median(runsMs), runsMs, medianCpuMs: median(cpuMs), cpuMs };
}

/**
 * One round of one size: each format's cell from its own child, the children's baselines
 * pooled. Refuses children of different sizes, and a format missing or twice.
 */
export function sizeRound(children: readonly FormatsFormatResult[]): FormatsSizeResult {
  const [first] = children;
  if (!first) throw new Error("no formats to put together");
  const other = children.find((c) => c.vpcs !== first.vpcs);
  if (other) throw new Error(`children of ${first.vpcs} and ${other.vpcs} VPCs in one round`);
  const formats = {} as Record<BenchFormat, FormatCell>;
  for (const f of BENCH_FORMATS) {
    const mine = children.filter((c) => c.format === f);
    const [child] = mine;
    if (!child || mine.length > 1) {
      throw new Error(`${mine.length} ${f} children for ${first.vpcs} VPCs (one expected)`);
    }
    formats[f] = child.cell;
  }
  const { format: _format, cell: _cell, ...size } = first;
  return { ...size, baseline: pooledTiming(children.map((c) => c.baseline)), formats };
}

/** One format's cells from every round as one: their runs pooled (a refusal: its median time). */
function pooledCell(cells: readonly FormatCell[]): FormatCell {
  const [first] = cells;
  if (!first) throw new Error("no rounds to pool");
  if (cells.some((c) => c.drawn !== first.drawn)) {
    throw new Error("a format drawn in one round and refused in another");
  }
  if (!first.drawn) {
    const refused = cells.flatMap((c) => (c.drawn ? [] : [c.refusedMs]));
    return { ...first, refusedMs: median(refused) };
  }
  const drawn = cells.flatMap((c) => (c.drawn ? [c.timing] : []));
  return { ...first, timing: pooledTiming(drawn) };
}

/**
 * One size's results from every round as one: the runs of each format (and of the baseline)
 * pooled, so its medians are over `runs` × rounds runs spread across the benchmark.
 */
export function pooledRounds(rounds: readonly FormatsSizeResult[]): FormatsSizeResult {
  const [first] = rounds;
  if (!first) throw new Error("no rounds to pool");
  const formats = {} as Record<BenchFormat, FormatCell>;
  for (const f of BENCH_FORMATS) formats[f] = pooledCell(rounds.map((r) => r.formats[f]));
  return {
    ...first,
    runs: rounds.reduce((n, r) => n + r.runs, 0),
    baseline: pooledTiming(rounds.map((r) => r.baseline)),
    formats,
  };
}
