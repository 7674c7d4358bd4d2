import { MinHeap } from "./minHeap.js";
import { TerminalList } from "./terminalList.js";

/**
 * Scratch memory reused by every A* search of one `layout` call: per-state arrays (four
 * states per grid cell, one per direction of arrival, plus a sink), the queue and the
 * terminal lists.
 * Arrays only grow; a generation stamp marks which entries belong to the current search so
 * nothing has to be cleared between searches.
 */
export class SearchBuffers {
  cost = new Int32Array(0);
  from = new Int32Array(0);
  seen = new Uint32Array(0);
  closed = new Uint32Array(0);
  /** the cost of ending at a goal state, where goalSeen holds the current generation */
  goal = new Float64Array(0);
  goalSeen = new Uint32Array(0);
  generation = 0;
  /** states expanded by every search so far (for LayoutWork) */
  expanded = 0;
  readonly heap = new MinHeap();
  /** the terminals of the search's two ends, refilled for every search */
  readonly starts = new TerminalList();
  readonly goals = new TerminalList();

  /** Make room for `states` states and start a new search generation. */
  prepare(states: number): void {
    if (this.cost.length < states) {
      const size = Math.max(states, this.cost.length * 2);
      this.cost = new Int32Array(size);
      this.from = new Int32Array(size);
      this.seen = new Uint32Array(size);
      this.closed = new Uint32Array(size);
      this.goal = new Float64Array(size);
      this.goalSeen = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation++;
    this.heap.clear();
  }
}
