import { type CompressedGrid, intervalOf } from "./compressedGrid.js";
import type { LayoutNode } from "./layoutTree.js";
import { CellFlag } from "./levelMarks.js";
import type { ScenePoint } from "./scene.js";

/** No edge has run through the cell yet / edges of more than one trunk have. */
const NONE = -1;
const MIXED = -2;

/**
 * The edges routed so far across a large level, on that level's own grid: which cells they
 * run through (EdgeH / EdgeV) and for which trunk (see edgeTrunk). A large level's searches
 * do not cut their grid at every earlier edge (that grows with the edges and is what keeps
 * small levels exact); they read these flags instead, cell by cell of the grid as it is, so
 * a later edge pays for running along an earlier one of another trunk (RouteCost.overlapCell)
 * and takes a free column or row of the grid when there is one — where two routes in one
 * column of the grid would be drawn on one line. Joining its own trunk stays free.
 */
export class LevelOverlay {
  readonly flags: Uint8Array;
  readonly trunks: Int32Array;

  constructor(private readonly grid: CompressedGrid) {
    this.flags = new Uint8Array(grid.cols * grid.rows);
    this.trunks = new Int32Array(grid.cols * grid.rows).fill(NONE);
  }

  /**
   * Mark a route found on this level (every cell of a grid cut from this level's, in
   * order) as run through by trunk number `trunk`.
   */
  mark(route: readonly ScenePoint[], trunk: number): void {
    const { xs, ys, cols } = this.grid;
    for (let k = 0; k < route.length; k++) {
      const p = route[k];
      if (!p) continue;
      const cell = intervalOf(ys, p.y) * cols + intervalOf(xs, p.x);
      const next = route[k + 1];
      const prev = route[k - 1];
      let flag = 0;
      if (next) flag |= next.y === p.y ? CellFlag.EdgeH : CellFlag.EdgeV;
      if (prev) flag |= prev.y === p.y ? CellFlag.EdgeH : CellFlag.EdgeV;
      this.flags[cell] = (this.flags[cell] ?? 0) | flag;
      const was = this.trunks[cell] ?? NONE;
      this.trunks[cell] = was === NONE || was === trunk ? trunk : MIXED;
    }
  }
}

/** What findRoute reads of an overlay: its flags, and the trunk of the edge searched. */
export interface OverlayView {
  flags: Uint8Array;
  trunks: Int32Array;
  trunk: number;
}

/** The overlay of `level` (a new one for a level met the first time), kept in `overlays`. */
export function levelOverlay(
  overlays: Map<LayoutNode, LevelOverlay>,
  level: LayoutNode,
  grid: CompressedGrid,
): LevelOverlay {
  let overlay = overlays.get(level);
  if (!overlay) {
    overlay = new LevelOverlay(grid);
    overlays.set(level, overlay);
  }
  return overlay;
}

/** The number of `trunk` (see edgeTrunk) in `numbers`, given in the order trunks are met. */
export function trunkNumber(numbers: Map<string, number>, trunk: string): number {
  let n = numbers.get(trunk);
  if (n === undefined) {
    n = numbers.size;
    numbers.set(trunk, n);
  }
  return n;
}
