import { describe, expect, it } from "vitest";
import { type FormatsSizeResult, pooledRounds } from "../bench/diagramFormatsBench.js";
import type { CpuTiming } from "../bench/measure.js";

/** A timing of these wall runs, each run's CPU time 10 ms more. */
const timing = (runsMs: number[]): CpuTiming => ({
  medianMs: Number.NaN,
  runsMs,
  medianCpuMs: Number.NaN,
  cpuMs: runsMs.map((r) => r + 10),
});

const round = (wall: number[], refusedMs: number): FormatsSizeResult => ({
  vpcs: 500,
  runs: wall.length,
  warmUps: 1,
  graph: { nodes: 10, edges: 2 },
  baseline: timing(wall.map((w) => w / 10)),
  baselineBytes: 100,
  formats: {
    svg: { drawn: true, timing: timing(wall), bytes: 2048 },
    ascii: { drawn: true, timing: timing(wall.map((w) => 2 * w)), bytes: 4096 },
    mermaid: { drawn: true, timing: timing(wall.map((w) => w / 2)), bytes: 512 },
    png: { drawn: false, pixels: 9e7, scale: 0.25, refusedMs },
  },
});

describe("the diagram formats benchmark pools each size's rounds", () => {
  it("takes the medians over every round's runs, not the median of the rounds' medians", () => {
    // rounds' own medians: 100, 300, 310 (median 300); all six runs: 100, 100, 300, 300, 310, 900
    const pooled = pooledRounds([
      round([100, 100], 40),
      round([300, 300], 50),
      round([310, 900], 70),
    ]);
    expect(pooled.runs).toBe(6);
    const svg = pooled.formats.svg;
    expect(svg.drawn && svg.timing.medianMs).toBe(300);
    expect(svg.drawn && svg.timing.medianCpuMs).toBe(310);
    expect(svg.drawn && svg.timing.runsMs).toEqual([100, 100, 300, 300, 310, 900]);
    const ascii = pooled.formats.ascii;
    expect(ascii.drawn && ascii.timing.medianMs).toBe(600);
    expect(pooled.baseline.medianMs).toBe(30);
    expect(pooled.formats.png).toEqual({ drawn: false, pixels: 9e7, scale: 0.25, refusedMs: 50 });
  });

  it("refuses a format drawn in one round and refused in another", () => {
    const drawnPng = round([100], 1);
    drawnPng.formats.png = { drawn: true, timing: timing([5]), bytes: 10, scale: 0.5 };
    expect(() => pooledRounds([drawnPng, round([100], 1)])).toThrow(/drawn in one round/);
    expect(() => pooledRounds([round([100], 1), drawnPng])).toThrow(/drawn in one round/);
  });
});
