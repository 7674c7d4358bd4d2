import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { PNG_SCALE } from "../src/diagram/png/renderPng.js";
import { runBenchChild } from "./benchChild.js";
import { FORMATS_SHAPE } from "./benchFormat.js";
import type { DiagramShape } from "./diagramBench.js";
import {
  BENCH_FORMATS,
  type BenchFormat,
  type FormatsFormatResult,
  type FormatsSizeResult,
} from "./formatsResult.js";
import { int, ms, table, verdict, WARM_UPS } from "./measure.js";
import type { DrawnCell, FormatCell } from "./pngCell.js";
import { pooledRounds, sizeRound } from "./pooledRounds.js";

/** Targets from issue 15. */
export const DIAGRAM_FORMATS_TARGETS = {
  /** drawTopology(format svg) of 100 VPCs, median wall ms */
  svg100Ms: 300,
  /** most growth of the median CPU time per 5× VPCs, each format */
  growthPer5x: 6,
} as const;

/**
 * How many rounds: in each, every format of every size is drawn in a child process of its
 * own, a format's sizes one after the other (SVG at 100, 500, 2,000 VPCs, then ASCII …). A
 * change in the machine's load during the benchmark then falls on every size alike instead
 * of on whichever size was running, and the growth compares like with like.
 */
export const FORMATS_ROUNDS = 3;

/**
 * The sizes drawn, and how often in each round (FORMATS_ROUNDS): the big ones take seconds
 * a run, so fewer runs. A child process starts cold, so the small sizes get more warm-ups
 * (one 2,000-VPC run compiles everything its next one needs). Each baseline run is the mean
 * of `baselineRepeat` calls (one call at 100 VPCs is ~2 ms).
 */
export const FORMATS_SIZES = [
  {
    vpcs: 100,
    runs: 3,
    warmUps: 2 * WARM_UPS,
    baselineRepeat: 10,
    uncapped: { runs: 2, warmUps: 1 },
  },
  { vpcs: 500, runs: 2, warmUps: WARM_UPS, baselineRepeat: 2, uncapped: { runs: 1, warmUps: 0 } },
  { vpcs: 2_000, runs: 2, warmUps: 1, baselineRepeat: 1, uncapped: { runs: 1, warmUps: 0 } },
] as const;

const LABEL: Record<BenchFormat, string> = {
  svg: "SVG",
  ascii: "ASCII",
  mermaid: "Mermaid",
  png: "PNG",
  "png-uncapped": "PNG, no cap",
};

export interface FormatGrowth {
  /** CPU time ratio per 5× VPCs for each step between sizes (null: a size not drawn) */
  perStep: (number | null)[];
  worst: number | null;
  /** the same of the wall time */
  wallPerStep: (number | null)[];
  /** null: not measurable (a size not drawn) */
  pass: boolean | null;
}

export interface DiagramFormatsResult {
  shape: Omit<DiagramShape, "vpcs">;
  sizes: FormatsSizeResult[];
  growth: Record<BenchFormat, FormatGrowth>;
  pass: { svg100: boolean; growth: Record<BenchFormat, boolean | null> };
}

const kb = (bytes: number): string =>
  (bytes / 1024).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** 265,146,368 → "265.1M" */
const mega = (n: number): string => `${(n / 1e6).toFixed(1)}M`;

/** A ratio for `factor`× more input, normalised to 5×: ratio^(ln 5 / ln factor). */
export const per5x = (ratio: number, factor: number): number =>
  ratio ** (Math.log(5) / Math.log(factor));

const CHILD = fileURLToPath(new URL("./diagramFormatsChild.ts", import.meta.url));

/**
 * benchFormat in a child process of its own (diagramFormatsChild.ts, with --expose-gc): each
 * size and format starts on a fresh heap, as a `linkplan diagram` run does, so a big size
 * is not charged for the garbage of the small ones, nor flattered by the heap the formats
 * before it grew (Mermaid at 500 VPCs drawn after SVG and ASCII took 104 ms of CPU, ~125 on
 * a fresh heap, while at 2,000 VPCs it gained nothing: its growth read 5.85× instead of 5.0×).
 */
async function benchFormatInChild(vpcs: number, format: BenchFormat): Promise<FormatsFormatResult> {
  return (await runBenchChild<FormatsFormatResult>(CHILD, [String(vpcs), format], ["--expose-gc"]))
    .result;
}

/** Growth per 5× of `value` from each size to the next (null where either is missing). */
function growthOf(
  sizes: FormatsSizeResult[],
  value: (s: FormatsSizeResult) => number | null,
): (number | null)[] {
  return sizes.slice(1).map((s, i) => {
    const prev = sizes[i];
    const a = prev ? value(prev) : null;
    const b = value(s);
    if (!prev || a === null || b === null || a <= 0) return null;
    return per5x(b / a, s.vpcs / prev.vpcs);
  });
}

const times = (x: number | null | undefined): string => (x == null ? "" : `${x.toFixed(2)}×`);

/**
 * Benchmark of the four diagram formats at scale (issue 15): diagramBench's organisation
 * (15 interface endpoints × 3 AZs per VPC, workloads, endpoint services consumed across
 * accounts) at 100, 500 and 2,000 VPCs, detail "vpcs", each format drawn end to end
 * in-process by the built package (dist/, as it ships: see shippedBuild.ts) from the parsed
 * Topology without size limits (PNG: within maxPngPixels, and again uncapped at the least
 * scale for its growth), in FORMATS_ROUNDS rounds of one
 * child process per size and format (benchFormatInChild), each size's runs pooled over the
 * rounds.
 * Prints median wall and CPU ms, output KB, × an in-run baseline (JSON.stringify of the
 * same size's graph) and the growth per 5× VPCs, then PASS/FAIL against
 * DIAGRAM_FORMATS_TARGETS. Never throws on a missed target.
 */
export async function runDiagramFormatsBench(): Promise<DiagramFormatsResult> {
  const loadStart = loadavg()[0] ?? 0;
  const rounds: FormatsSizeResult[][] = FORMATS_SIZES.map(() => []);
  for (let round = 0; round < FORMATS_ROUNDS; round++) {
    const children: FormatsFormatResult[][] = FORMATS_SIZES.map(() => []);
    for (const format of BENCH_FORMATS) {
      for (const [i, size] of FORMATS_SIZES.entries()) {
        children[i]?.push(await benchFormatInChild(size.vpcs, format));
      }
    }
    children.forEach((list, i) => rounds[i]?.push(sizeRound(list)));
  }
  const sizes = rounds.map(pooledRounds);

  const shape = FORMATS_SHAPE;
  console.log(
    `diagram formats — ${shape.endpointsPerVpc} interface endpoints × ${shape.azs} AZs per VPC (diagramBench's organisation) at ${sizes.map((s) => int.format(s.vpcs)).join(", ")} VPCs, detail "vpcs": drawTopology (svg with icons, ascii, mermaid) and drawTopologyPng, in-process (the built package, dist/) from a parsed Topology, no size limits (PNG: within maxPngPixels ${int.format(DIAGRAM_LIMITS.maxPngPixels)}; "PNG, no cap": every size at scale ${PNG_SCALE.min} with maxPngPixels lifted, for PNG's growth)`,
  );
  console.log(
    `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (wall-clock times: load inflates them; CPU: this process's, all threads)`,
  );
  console.log(
    `  ${FORMATS_ROUNDS} rounds, each size and format in a child process of its own per round, a format's sizes one after the other; ${sizes.map((s) => `${int.format(s.vpcs)} VPCs: median of ${s.runs} runs (${s.runs / FORMATS_ROUNDS} a round after ${s.warmUps} warm-up${s.warmUps === 1 ? "" : "s"}), graph ${int.format(s.graph.nodes)} nodes + groups, ${int.format(s.graph.edges)} edges`).join("; ")}; ${LABEL["png-uncapped"]}: ${FORMATS_SIZES.map((s) => `${int.format(s.vpcs)} VPCs ${s.uncapped.runs} run${s.uncapped.runs === 1 ? "" : "s"} a round after ${s.uncapped.warmUps} warm-up${s.uncapped.warmUps === 1 ? "" : "s"}`).join(", ")}`,
  );
  console.log(
    "  baseline: JSON.stringify(graph) of the same size, timed in each of its children; × baseline: CPU ms ÷ the baseline's; KB = 1,024 bytes (UTF-8); growth per 5×: this size ÷ the one before — 500 ÷ 100 as is (5×), 2,000 ÷ 500 (4×) normalised to 5× as ratio^(ln 5 / ln 4)",
  );
  const rows: string[][] = [
    ["format", "VPCs", "wall ms", "CPU ms", "× baseline", "output KB", "per 5×: wall", "CPU", "KB"],
  ];
  const growth = {} as Record<BenchFormat, FormatGrowth>;
  const baselineCell = (s: FormatsSizeResult): FormatCell => ({
    drawn: true,
    timing: s.baseline,
    bytes: s.baselineBytes,
  });
  const sections: [string, BenchFormat | null, (s: FormatsSizeResult) => FormatCell][] = [
    ["baseline", null, baselineCell],
    ...BENCH_FORMATS.map((f): [string, BenchFormat, (s: FormatsSizeResult) => FormatCell] => [
      LABEL[f],
      f,
      (s) => s.formats[f],
    ]),
  ];
  for (const [label, format, cellOf] of sections) {
    const drawn = (s: FormatsSizeResult): DrawnCell | null => {
      const c = cellOf(s);
      return c.drawn ? c : null;
    };
    const wallGrowth = growthOf(sizes, (s) => drawn(s)?.timing.medianMs ?? null);
    const cpuGrowth = growthOf(sizes, (s) => drawn(s)?.timing.medianCpuMs ?? null);
    const kbGrowth = growthOf(sizes, (s) => drawn(s)?.bytes ?? null);
    sizes.forEach((s, i) => {
      const c = cellOf(s);
      const vpcs = int.format(s.vpcs);
      if (!c.drawn) {
        rows.push([label, vpcs, "—", "—", "", `over maxPngPixels (${mega(c.pixels)} px)`]);
        return;
      }
      rows.push([
        label,
        vpcs,
        ms(c.timing.medianMs),
        ms(c.timing.medianCpuMs),
        `${(c.timing.medianCpuMs / s.baseline.medianCpuMs).toFixed(1)}×`,
        `${kb(c.bytes)}${c.scale ? ` (scale ${c.scale})` : ""}`,
        times(wallGrowth[i - 1]),
        times(cpuGrowth[i - 1]),
        times(kbGrowth[i - 1]),
      ]);
    });
    if (format) {
      const known = cpuGrowth.every((g) => g !== null);
      const worst = known ? Math.max(...(cpuGrowth as number[])) : null;
      growth[format] = {
        perStep: cpuGrowth,
        worst,
        wallPerStep: wallGrowth,
        pass: worst === null ? null : worst <= DIAGRAM_FORMATS_TARGETS.growthPer5x,
      };
    }
  }
  console.log(table(rows));

  const over = sizes.flatMap((s) =>
    s.formats.png.drawn ? [] : [{ vpcs: s.vpcs, ...s.formats.png }],
  );
  if (over.length > 0) {
    console.log(
      `  PNG not drawn at ${over.map((o) => int.format(o.vpcs)).join(", ")} VPCs: ${over.map((o) => `${int.format(o.pixels)} px`).join(", ")} at scale 1, over maxPngPixels (${int.format(DIAGRAM_LIMITS.maxPngPixels)}); drawTopologyPng refused each (diagram_too_large) after ${over.map((o) => `${ms(o.refusedMs)} ms`).join(", ")} of toGraph + layout (median of one call a round)`,
    );
  }

  const svg100 = sizes.find((s) => s.vpcs === 100)?.formats.svg;
  const svg100Timing = svg100?.drawn ? svg100.timing : null;
  const pass = {
    svg100: svg100Timing !== null && svg100Timing.medianMs < DIAGRAM_FORMATS_TARGETS.svg100Ms,
    growth: Object.fromEntries(BENCH_FORMATS.map((f) => [f, growth[f].pass])) as Record<
      BenchFormat,
      boolean | null
    >,
  };
  const steps = (list: (number | null)[]): string => list.map(times).join(", ");
  console.log(
    table([
      ["check", "value", "result"],
      [
        `100 VPCs SVG < ${DIAGRAM_FORMATS_TARGETS.svg100Ms} ms (wall)`,
        svg100Timing === null
          ? "—"
          : `${ms(svg100Timing.medianMs)} ms (CPU ${ms(svg100Timing.medianCpuMs)} ms)`,
        verdict(pass.svg100),
      ],
      ...BENCH_FORMATS.map((f) => {
        const g = growth[f];
        return [
          `growth per 5× ≤ ${DIAGRAM_FORMATS_TARGETS.growthPer5x}× (CPU) — ${LABEL[f]}`,
          g.worst === null
            ? "—"
            : `${times(g.worst)} (CPU ${steps(g.perStep)}; wall ${steps(g.wallPerStep)})`,
          g.pass === null
            ? `n/a (a size over maxPngPixels: not drawn; see ${LABEL["png-uncapped"]})`
            : verdict(g.pass),
        ];
      }),
    ]),
  );
  return { shape, sizes, growth, pass };
}
