import { relative } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";

/** The seed the environment asks for (FC_SEED, or FUZZ_SEED as it was once called). */
function seedFromEnv(): number | undefined {
  for (const name of ["FC_SEED", "FUZZ_SEED"]) {
    const value = process.env[name];
    if (value === undefined || value.trim() === "") continue;
    const seed = Number(value);
    if (!Number.isSafeInteger(seed)) throw new Error(`${name}=${value} is not a whole number`);
    return seed;
  }
  return undefined;
}

/**
 * The seed of every fast-check property of a test file: FC_SEED when set, else random
 * (test/setup/fastCheckSeed.ts gives it to fc.configureGlobal for each file).
 */
export const FC_SEED: number = seedFromEnv() ?? Math.floor(Math.random() * 0x7fff_ffff);

/** The command that runs the current test file again with this seed. */
export function replayCommand(): string {
  const path = expect.getState().testPath;
  const file = path ? relative(process.cwd(), path) : "<test file>";
  return `FC_SEED=${FC_SEED} npx vitest run ${file}`;
}

/**
 * fast-check's reporter: its own failure message (seed, path, counterexample) followed by
 * the command that replays the failure; the property's error is kept as the cause.
 */
export function reportWithReplay(out: fc.RunDetails<unknown>): void {
  if (!out.failed) return;
  const message = fc.defaultReportMessage(out) ?? `property failed (seed ${out.seed})`;
  throw new Error(`${message}\n\nReplay: ${replayCommand()}`, { cause: out.errorInstance });
}

/** Give every fc.assert of this file the seed and the replaying reporter. */
export function useFcSeed(): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FC_SEED, reporter: reportWithReplay });
}

/** fast-check parameters of the fuzz tests: this many runs, every failing value reported. */
export function fuzzRuns(numRuns: number) {
  return { numRuns, verbose: 1 } as const;
}
