/**
 * The terminals of one search end — where a route may begin (leaving a cell in direction
 * `dir`) or end (entering it in direction `dir`), and what that costs on top of the route —
 * as parallel typed arrays. A search end of a big box has hundreds of terminals and a
 * large diagram runs tens of thousands of searches: one list per end, refilled for every
 * search (see SearchBuffers), instead of an object per terminal.
 */
export class TerminalList {
  size = 0;
  x = new Int32Array(64);
  y = new Int32Array(64);
  dir = new Uint8Array(64);
  cost = new Int32Array(64);

  /** Empty the list (its memory is kept). */
  clear(): this {
    this.size = 0;
    return this;
  }

  push(x: number, y: number, dir: number, cost: number): void {
    if (this.size === this.x.length) this.grow();
    const i = this.size++;
    this.x[i] = x;
    this.y[i] = y;
    this.dir[i] = dir;
    this.cost[i] = cost;
  }

  private grow(): void {
    const size = this.x.length * 2;
    const x = new Int32Array(size);
    const y = new Int32Array(size);
    const dir = new Uint8Array(size);
    const cost = new Int32Array(size);
    x.set(this.x);
    y.set(this.y);
    dir.set(this.dir);
    cost.set(this.cost);
    this.x = x;
    this.y = y;
    this.dir = dir;
    this.cost = cost;
  }
}

/**
 * A cell (x, y) as one number, for sets of cells (arrowheads): x and y may be −1 (the ring
 * of a box at the canvas edge) and stay below 2^22 (a canvas is far smaller).
 */
export const cellKey = (x: number, y: number): number => (y + 1) * 8_388_608 + (x + 1);
