import type { LayoutWork } from "./layoutWork.js";
import { CellFlag, type Mark, pushMark } from "./levelMarks.js";
import { type Rect, rectsIntersect } from "./rect.js";
import type { ScenePoint } from "./scene.js";

/** Side of a bucket, in cells. */
const BUCKET = 64;

/**
 * The segments of the edges routed so far (EdgeH / EdgeV marks, inside `canvas`), in
 * square buckets of BUCKET cells, so a search finds the ones in its window by looking at
 * the buckets the window covers instead of at every segment. A segment is filed under every
 * bucket it covers; a query stamps what it has seen, so each comes back once.
 */
export class SegmentIndex {
  private readonly marks: Mark[] = [];
  private readonly trunks: string[] = [];
  /** segments taken out again (an edge routed anew): skipped by `within` */
  private readonly removed = new Set<number>();
  private readonly buckets = new Map<number, number[]>();
  private seen = new Uint32Array(64);
  private query = 0;
  private readonly columns: number;

  constructor(
    private readonly canvas: Rect,
    private readonly work: LayoutWork | null = null,
  ) {
    this.columns = Math.max(1, Math.ceil(canvas.width / BUCKET));
  }

  get size(): number {
    return this.marks.length;
  }

  private bucketRange(r: Rect): { c0: number; c1: number; r0: number; r1: number } {
    const { x, y } = this.canvas;
    return {
      c0: Math.max(0, Math.floor((r.x - x) / BUCKET)),
      c1: Math.min(this.columns - 1, Math.floor((r.x + r.width - 1 - x) / BUCKET)),
      r0: Math.max(0, Math.floor((r.y - y) / BUCKET)),
      r1: Math.floor((r.y + r.height - 1 - y) / BUCKET),
    };
  }

  /** File a segment of an edge of `trunk` (see edgeTrunk); its number, for `remove`. */
  add(mark: Mark, trunk: string): number {
    const i = this.marks.length;
    this.marks.push(mark);
    this.trunks.push(trunk);
    const { c0, c1, r0, r1 } = this.bucketRange(mark);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const key = r * this.columns + c;
        const list = this.buckets.get(key);
        if (list) list.push(i);
        else this.buckets.set(key, [i]);
        if (this.work) this.work.segmentIndex += 1;
      }
    }
    return i;
  }

  /**
   * File an edge's route (the polyline through `points`) as EdgeH / EdgeV segments, so
   * later searches avoid running along it; the numbers of its segments, for `remove`.
   */
  addRoute(points: readonly ScenePoint[], trunk: string): number[] {
    const marks: Mark[] = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (!a || !b) continue;
      const rect = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x) + 1,
        height: Math.abs(a.y - b.y) + 1,
      };
      pushMark(marks, this.canvas, rect, a.y === b.y ? CellFlag.EdgeH : CellFlag.EdgeV);
    }
    return marks.map((m) => this.add(m, trunk));
  }

  /** Take out the segment `add` numbered `i` (its bucket entries stay, skipped). */
  remove(i: number): void {
    this.removed.add(i);
  }

  /**
   * The segments sharing at least one cell with `window`, in the order they were added;
   * null as soon as there are more than `most`. Segments of edges of `trunk` come back
   * flagged Related instead (an edge may join its trunk; see edgeTrunk).
   */
  within(
    window: Rect,
    most = Number.POSITIVE_INFINITY,
    trunk: string | null = null,
  ): Mark[] | null {
    if (this.marks.length === 0 || window.width <= 0 || window.height <= 0) return [];
    if (this.seen.length < this.marks.length) {
      this.seen = new Uint32Array(Math.max(this.marks.length, 2 * this.seen.length));
      this.query = 0;
    }
    const stamp = ++this.query;
    const found: number[] = [];
    const { c0, c1, r0, r1 } = this.bucketRange(window);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = this.buckets.get(r * this.columns + c);
        if (this.work) this.work.segmentIndex += 1 + (list?.length ?? 0);
        for (const i of list ?? []) {
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          if (this.removed.size > 0 && this.removed.has(i)) continue;
          const m = this.marks[i];
          if (m && rectsIntersect(m, window)) {
            if (found.length >= most) return null;
            found.push(i);
          }
        }
      }
    }
    found.sort((a, b) => a - b);
    const out: Mark[] = [];
    for (const i of found) {
      const m = this.marks[i];
      if (!m) continue;
      const related = trunk !== null && this.trunks[i] === trunk;
      out.push(
        related ? { x: m.x, y: m.y, width: m.width, height: m.height, flag: CellFlag.Related } : m,
      );
    }
    return out;
  }
}
