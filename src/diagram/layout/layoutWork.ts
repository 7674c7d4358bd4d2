/**
 * Counters of the work one `layout` call does, for tests and benchmarks that check it
 * grows no faster than the diagram (pass one in LayoutOptions.work; layout only adds to it).
 */
export interface LayoutWork {
  /** boxes sized and placed */
  boxes: number;
  /** cut positions sorted or merged into compressed grids */
  cuts: number;
  /** cells of the compressed grids built */
  gridCells: number;
  /** A* searches run */
  searches: number;
  /** A* states expanded */
  expansions: number;
  /** bucket entries of the routed-segment index written or read */
  segmentIndex: number;
}

/** A LayoutWork with every counter at zero. */
export function layoutWork(): LayoutWork {
  return { boxes: 0, cuts: 0, gridCells: 0, searches: 0, expansions: 0, segmentIndex: 0 };
}

/** The sum of the counters: one figure for "how much work". */
export function totalWork(work: LayoutWork): number {
  return (
    work.boxes + work.cuts + work.gridCells + work.searches + work.expansions + work.segmentIndex
  );
}
