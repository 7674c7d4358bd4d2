import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FC_SEED } from "./helpers/fcSeed.js";

/** The message of the error `f` throws. */
async function messageOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a failure");
}

describe("fast-check seeds (test/setup/fastCheckSeed.ts)", () => {
  it("every fc.assert runs with the file's seed (FC_SEED when set)", () => {
    expect(fc.readConfigureGlobal().seed).toBe(FC_SEED);
    if (process.env.FC_SEED) expect(FC_SEED).toBe(Number(process.env.FC_SEED));
  });

  it("a failing property prints its seed and the command that replays it", async () => {
    const replay = `Replay: FC_SEED=${FC_SEED} npx vitest run test/fcSeed.test.ts`;
    const sync = await messageOf(() => fc.assert(fc.property(fc.nat(), (n) => n < 10)));
    expect(sync).toContain(`{ seed: ${FC_SEED}, path: "`);
    expect(sync).toContain("Counterexample: [10]");
    expect(sync).toContain(replay);
    const async = await messageOf(() => fc.assert(fc.asyncProperty(fc.nat(), async (n) => n < 10)));
    expect(async).toContain(`{ seed: ${FC_SEED}, path: "`);
    expect(async).toContain(replay);
  });
});
