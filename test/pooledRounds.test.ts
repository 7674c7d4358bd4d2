import { describe, expect, it } from "vitest";
import {
  BENCH_FORMATS,
  type FormatsFormatResult,
  type FormatsSizeResult,
} from "../bench/formatsResult.js";
import type { CpuTiming } from "../bench/measure.js";
import { pooledRounds, sizeRound } from "../bench/pooledRounds.js";

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
    "png-uncapped": {
      drawn: true,
      timing: timing(wall.map((w) => 20 * w)),
      bytes: 8192,
      scale: 0.25,
    },
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
    const uncapped = pooled.formats["png-uncapped"];
    expect(uncapped.drawn && uncapped.timing.medianMs).toBe(6000);
    expect(uncapped.drawn && uncapped.scale).toBe(0.25);
  });

  it("refuses a format drawn in one round and refused in another", () => {
    const drawnPng = round([100], 1);
    drawnPng.formats.png = { drawn: true, timing: timing([5]), bytes: 10, scale: 0.5 };
    expect(() => pooledRounds([drawnPng, round([100], 1)])).toThrow(/drawn in one round/);
    expect(() => pooledRounds([round([100], 1), drawnPng])).toThrow(/drawn in one round/);
  });
});

describe("a round of one size is put together from its formats' children", () => {
  const child = (
    format: FormatsFormatResult["format"],
    baselineMs: number,
  ): FormatsFormatResult => {
    const { formats, ...size } = round([100], 40);
    return { ...size, baseline: timing([baselineMs]), format, cell: formats[format] };
  };

  it("takes each format's cell from its own child and pools the children's baselines", () => {
    // in reverse: a cell taken by position instead of by format would be the wrong one
    const put = sizeRound(BENCH_FORMATS.map((f, i) => child(f, 10 * (i + 1))).reverse());
    expect(put.formats).toEqual(round([100], 40).formats);
    expect(put.baseline.runsMs).toEqual([50, 40, 30, 20, 10]);
    expect(put.baseline.medianMs).toBe(30);
    expect(put.runs).toBe(1);
    expect(put).not.toHaveProperty("format");
  });

  it("refuses a round missing a format or with one twice, naming it", () => {
    expect(() => sizeRound([child("svg", 1), child("ascii", 1), child("png", 1)])).toThrow(
      "0 mermaid children for 500 VPCs (one expected)",
    );
    const twice = [...BENCH_FORMATS.map((f) => child(f, 1)), child("ascii", 2)];
    expect(() => sizeRound(twice)).toThrow("2 ascii children for 500 VPCs (one expected)");
  });

  it("refuses children of different sizes in one round", () => {
    const children = BENCH_FORMATS.map((f) => child(f, 1));
    const last = children[3];
    if (last) last.vpcs = 2000;
    expect(() => sizeRound(children)).toThrow("children of 500 and 2000 VPCs in one round");
  });
});
