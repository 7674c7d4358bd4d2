/**
 * A binary min-heap of (key, value) pairs of numbers on growable typed arrays: the priority
 * queue of the A* edge router and of the rank ordering. Equal keys pop in an order fixed by
 * the sequence of pushes, so results are deterministic.
 */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Drop every entry (keeps the storage). */
  clear(): void {
    this.count = 0;
  }

  push(key: number, value: number): void {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.count * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.count * 2);
      values.set(this.values);
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent] ?? 0;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      values[i] = values[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Remove and return the value with the smallest key; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const keys = this.keys;
    const values = this.values;
    const top = values[0] ?? -1;
    const last = --this.count;
    const key = keys[last] ?? 0;
    const value = values[last] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (keys[right] ?? 0) < (keys[child] ?? 0)) child = right;
      const childKey = keys[child] ?? 0;
      if (childKey >= key) break;
      keys[i] = childKey;
      values[i] = values[child] ?? 0;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }
}
