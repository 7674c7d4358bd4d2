/**
 * One seed for every fuzz property of a run: random unless FUZZ_SEED is set, and printed
 * by fast-check in every failure ("seed: …, path: …") so a failure replays with
 * `FUZZ_SEED=<seed> npx vitest run <file>`.
 */
export const FUZZ_SEED =
  process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== ""
    ? Number(process.env.FUZZ_SEED)
    : Math.floor(Math.random() * 0x7fff_ffff);

/** fast-check parameters: this many runs, the run's seed, the counterexample in failures. */
export function fuzzRuns(numRuns: number) {
  return { numRuns, seed: FUZZ_SEED, verbose: 1 } as const;
}
