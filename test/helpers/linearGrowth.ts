import { expect } from "vitest";

/** The shortest of `runs` timings of `work` (ms): the least disturbed by other processes. */
function fastest(work: () => unknown, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Assert that work grows linearly: `large` (10 times the input of `small`) takes at most
 * 15 times as long, each the fastest of `runs` runs measured in this test (a quadratic
 * step would take about 100 times as long). Returns both timings, for messages.
 */
export function expectLinearGrowth(
  small: () => unknown,
  large: () => unknown,
  runs = 3,
): { small: number; large: number } {
  small(); // warm up (JIT, lazy regexps)
  const timings = { small: fastest(small, runs), large: fastest(large, runs) };
  expect(
    timings.large / Math.max(timings.small, 0.5),
    `10× the input took ${timings.large.toFixed(1)} ms against ${timings.small.toFixed(1)} ms`,
  ).toBeLessThanOrEqual(15);
  return timings;
}
