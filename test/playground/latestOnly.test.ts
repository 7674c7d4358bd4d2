import { describe, expect, it } from "vitest";
import { type Clock, LatestOnly } from "../../playground/src/latestOnly.js";

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 1_000;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      next += 1;
      timers.push({ at: now + ms, run, id: next });
      return next;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.run();
  };
  return { clock, advance };
}

describe("LatestOnly: debounced requests where the last response wins", () => {
  it("runs a change after a quiet spell at once, and debounces a burst to its last input", () => {
    const { clock, advance } = fakeClock();
    const runs: string[] = [];
    const latest = new LatestOnly<string>(async (input) => void runs.push(input), 300, clock);
    latest.schedule("a");
    expect(runs).toEqual(["a"]);
    advance(50);
    latest.schedule("ab");
    advance(100);
    latest.schedule("abc");
    advance(299);
    expect(runs).toEqual(["a"]);
    advance(1);
    expect(runs).toEqual(["a", "abc"]);
    advance(1_000);
    latest.schedule("abcd");
    expect(runs).toEqual(["a", "abc", "abcd"]);
  });

  it("aborts the run in flight when a newer one starts: only the last may show its answer", async () => {
    const { clock, advance } = fakeClock();
    const shown: string[] = [];
    const resolvers: (() => void)[] = [];
    const signals: AbortSignal[] = [];
    const latest = new LatestOnly<string>(
      async (input, signal) => {
        signals.push(signal);
        await new Promise<void>((resolve) => resolvers.push(resolve));
        if (!signal.aborted) shown.push(input);
      },
      300,
      clock,
    );
    latest.schedule("first");
    advance(10);
    latest.schedule("second");
    advance(300);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    // the first answer arrives last: it is dropped
    resolvers[1]?.();
    resolvers[0]?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(["second"]);
  });

  it("runNow skips the wait; cancel forgets the pending input and aborts", () => {
    const { clock, advance } = fakeClock();
    const runs: string[] = [];
    const signals: AbortSignal[] = [];
    const latest = new LatestOnly<string>(
      async (input, signal) => {
        runs.push(input);
        signals.push(signal);
      },
      300,
      clock,
    );
    latest.schedule("x");
    latest.schedule("y");
    latest.runNow("z");
    expect(runs).toEqual(["x", "z"]);
    latest.schedule("w");
    latest.cancel();
    advance(1_000);
    expect(runs).toEqual(["x", "z"]);
    expect(signals.at(-1)?.aborted).toBe(true);
  });
});
