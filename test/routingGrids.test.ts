import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompressedGrid,
  compressedGrid,
  flagsAt,
  refinedGrid,
  sortedCuts,
} from "../src/diagram/layout/compressedGrid.js";
import type { Mark } from "../src/diagram/layout/levelMarks.js";
import { type Rect, rectsIntersect } from "../src/diagram/layout/rect.js";
import { SegmentIndex } from "../src/diagram/layout/segmentIndex.js";
import { windowGrid } from "../src/diagram/layout/windowGrid.js";

const CANVAS: Rect = { x: 0, y: 0, width: 300, height: 500 };

const rectArb = (within: Rect) =>
  fc
    .record({
      x: fc.integer({ min: within.x, max: within.x + within.width - 1 }),
      y: fc.integer({ min: within.y, max: within.y + within.height - 1 }),
      w: fc.integer({ min: 1, max: 200 }),
      h: fc.integer({ min: 1, max: 200 }),
    })
    .map(({ x, y, w, h }) => ({
      x,
      y,
      width: Math.min(w, within.x + within.width - x),
      height: Math.min(h, within.y + within.height - y),
    }));

const markArb = (within: Rect) =>
  fc.tuple(rectArb(within), fc.constantFrom(1, 2, 4, 8, 16)).map(([r, flag]) => ({ ...r, flag }));

describe("SegmentIndex", () => {
  it("finds exactly the segments a filter over all of them finds, in the same order", () => {
    fc.assert(
      fc.property(
        fc.array(markArb(CANVAS), { maxLength: 60 }),
        fc.array(rectArb(CANVAS), { minLength: 1, maxLength: 5 }),
        (marks, windows) => {
          const index = new SegmentIndex(CANVAS);
          for (const m of marks) index.add(m, "");
          for (const w of windows) {
            const expected = marks.filter((m) => rectsIntersect(m, w));
            expect(index.within(w)).toEqual(expected);
            // with a cap: the same list, or null when there are more
            const most = 3;
            expect(index.within(w, most)).toEqual(expected.length > most ? null : expected);
          }
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

/** Every cell of a grid as [x, y, flags], row by row. */
function cells(grid: CompressedGrid): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let j = 0; j < grid.rows; j++) {
    for (let i = 0; i < grid.cols; i++) {
      out.push([grid.xs[i] ?? 0, grid.ys[j] ?? 0, flagsAt(grid, i, j)]);
    }
  }
  return out;
}

describe("windowGrid", () => {
  it("is the refined grid's cells inside the window, on its cuts", () => {
    const window: Rect = { x: 0, y: 0, width: 120, height: 200 };
    fc.assert(
      fc.property(
        fc.array(markArb(window), { maxLength: 40 }),
        rectArb({ x: 2, y: 2, width: 100, height: 180 }),
        fc.integer({ min: 0, max: 10 }),
        (marks: Mark[], spanRect, margin) => {
          const span = {
            ...spanRect,
            width: Math.min(spanRect.width, 20),
            height: Math.min(spanRect.height, 20),
          };
          const base = compressedGrid(window, marks);
          if (!base) throw new Error("no grid");
          const pinsX = [span.x, span.x + span.width - 2];
          const pinsY = [span.y + 1];
          const whole = refinedGrid(base, [], pinsX, pinsY);
          const part = windowGrid(base, pinsX, pinsY, span, margin);
          if (!whole) throw new Error("no grid");
          if (!part) return; // the window is the whole grid
          const x0 = part.xs[0] ?? 0;
          const y0 = part.ys[0] ?? 0;
          const x1 = part.xs[part.cols] ?? 0;
          const y1 = part.ys[part.rows] ?? 0;
          const inside = cells(whole).filter(([x, y]) => x >= x0 && x < x1 && y >= y0 && y < y1);
          expect(cells(part)).toEqual(inside);
          // the window starts and ends on cuts of the whole grid
          expect(whole.xs).toContain(x0);
          expect(whole.xs).toContain(x1);
          expect(whole.ys).toContain(y0);
          expect(whole.ys).toContain(y1);
          expect(x0 <= span.x && y0 <= span.y).toBe(true);
          expect(x1 > span.x + span.width - 1 && y1 > span.y + span.height - 1).toBe(true);
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe("sortedCuts", () => {
  it("gives the distinct values within lo … hi in order, by bitmap (small range) or by sorting (large)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 200 }),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5_000 })),
        fc.array(fc.integer({ min: -300, max: 5_300 }), { maxLength: 60 }),
        (lo, span, raw) => {
          const hi = lo + span;
          const expected = [...new Set(raw.filter((v) => v >= lo && v <= hi))].sort(
            (a, b) => a - b,
          );
          expect([...sortedCuts(raw, lo, hi)]).toEqual(expected);
        },
      ),
    );
  });

  it("examples: a small range and a large one", () => {
    expect([...sortedCuts([5, 3, 9, 3, 12, -1], 0, 10)]).toEqual([3, 5, 9]);
    expect([...sortedCuts([4_000, 7, 7, 2], 0, 100_000)]).toEqual([2, 7, 4_000]);
  });
});
