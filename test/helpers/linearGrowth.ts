import { expect } from "vitest";

/** CPU time (ms) `work` takes: unlike wall time, not stretched by other processes. */
function cpuTime(work: () => unknown): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The fastest of `runs` runs of `fn`, in ms of wall time. */
export function fastest(fn: () => unknown, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Assert that work grows linearly: `large` (10 times the input of `small`) takes at most
 * 15 times the CPU time (a quadratic step would take about 100 times as much). Each is the
 * least of `runs` runs, taken in turns. Returns both timings (ms).
 */
export function expectLinearGrowth(
  small: () => unknown,
  large: () => unknown,
  runs = 3,
): { small: number; large: number } {
  small(); // warm up (JIT, lazily compiled regular expressions)
  const timings = { small: Number.POSITIVE_INFINITY, large: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    timings.small = Math.min(timings.small, cpuTime(small));
    timings.large = Math.min(timings.large, cpuTime(large));
  }
  expect(
    timings.large / Math.max(timings.small, 1),
    `10× the input took ${timings.large.toFixed(1)} ms of CPU against ${timings.small.toFixed(1)} ms`,
  ).toBeLessThanOrEqual(15);
  return timings;
}
