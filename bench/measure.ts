/** How benchmarks time and print: medians of RUNS runs after WARM_UPS warm-ups, aligned tables. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export const WARM_UPS = 2;
export const RUNS = 7;

export interface Timing {
  medianMs: number;
  runsMs: number[];
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return hi;
  return ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/**
 * Median wall time of `fn` over RUNS runs after WARM_UPS warm-up runs. With `repeat`, each
 * run calls `fn` that many times back to back and counts the mean: a run of a few
 * milliseconds is otherwise at the mercy of timer and scheduler jitter.
 */
export function measure(fn: () => unknown, repeat = 1): Timing {
  for (let i = 0; i < WARM_UPS * repeat; i++) fn();
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    for (let r = 0; r < repeat; r++) fn();
    runsMs.push((performance.now() - start) / repeat);
  }
  return { medianMs: median(runsMs), runsMs };
}

export const int = new Intl.NumberFormat("en-US");
export const ms = (value: number): string => value.toFixed(1);
export const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned. */
export function table(rows: readonly (readonly string[])[], indent = "  "): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join("   ")
          .trimEnd(),
    )
    .join("\n");
}

export interface CpuTiming extends Timing {
  /** median CPU ms of this process (all its threads) per run: steadier than wall time on a shared machine */
  medianCpuMs: number;
  cpuMs: number[];
}

/** A full garbage collection (global.gc, exposed for this process when it is not). */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as unknown;
  return typeof gc === "function" ? () => gc() : () => {};
}

/**
 * measure() for a sync or async `fn` (each run awaited), over `runs` runs after `warmUps`
 * warm-ups, taking each run's wall time and this process's CPU time: waiting for a core
 * counts in wall time only, so on a machine shared with other work the CPU time is the
 * steadier figure. With `repeat`, each run calls `fn` that many times and counts the mean.
 * `settle` runs once, untimed, before the warm-ups (e.g. a full collection, so that the runs
 * are not charged for collecting what was timed before them; the warm-ups then grow the heap
 * again, as a collection before every run would make each run do).
 */
export async function measureCpu(
  fn: () => unknown,
  runs = RUNS,
  warmUps = WARM_UPS,
  repeat = 1,
  settle: () => void = () => {},
): Promise<CpuTiming> {
  settle();
  for (let i = 0; i < warmUps * repeat; i++) await fn();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let r = 0; r < repeat; r++) await fn();
    const used = process.cpuUsage(startCpu);
    runsMs.push((performance.now() - start) / repeat);
    cpuMs.push((used.user + used.system) / 1000 / repeat);
  }
  return { medianMs: median(runsMs), runsMs, medianCpuMs: median(cpuMs), cpuMs };
}
