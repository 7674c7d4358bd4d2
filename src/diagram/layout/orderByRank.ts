import { MinHeap } from "./minHeap.js";

/** "item `0` should come before item `1`" (indices into a list of siblings). */
export type Constraint = readonly [before: number, after: number];

export interface RankOrder {
  /** a permutation of 0 … count-1 */
  order: number[];
  /** longest-path layer of each item (0 for items nothing points at) */
  rank: number[];
}

/**
 * Order `count` items so that every constraint's `before` comes ahead of its `after`,
 * keeping the input order wherever the constraints leave a choice (Kahn's algorithm taking
 * the lowest ready index). Cycles are broken by taking the lowest remaining index even
 * though something still points at it; the constraints it breaks are ignored for ranks.
 * rank[i] is the length of the longest chain of kept constraints ending at i.
 */
export function orderByRank(count: number, constraints: readonly Constraint[]): RankOrder {
  if (constraints.length === 0) {
    return {
      order: Array.from({ length: count }, (_, i) => i),
      rank: new Array<number>(count).fill(0),
    };
  }
  const successors: number[][] = Array.from({ length: count }, () => []);
  const indegree = new Int32Array(count);
  for (const [before, after] of constraints) {
    if (before === after || before < 0 || after < 0 || before >= count || after >= count) continue;
    successors[before]?.push(after);
    indegree[after] = (indegree[after] ?? 0) + 1;
  }
  const ready = new MinHeap();
  for (let i = 0; i < count; i++) if (indegree[i] === 0) ready.push(i, i);
  const done = new Uint8Array(count);
  const order: number[] = [];
  let scan = 0;
  while (order.length < count) {
    let next = ready.pop();
    if (next >= 0 && done[next] === 1) continue;
    if (next < 0) {
      // a cycle: take the lowest index not yet placed
      while (done[scan] === 1) scan++;
      next = scan;
    }
    done[next] = 1;
    order.push(next);
    for (const after of successors[next] ?? []) {
      if (done[after] === 1) continue;
      const left = (indegree[after] ?? 0) - 1;
      indegree[after] = left;
      if (left === 0) ready.push(after, after);
    }
  }
  const position = new Int32Array(count);
  order.forEach((item, i) => {
    position[item] = i;
  });
  const rank: number[] = new Array<number>(count).fill(0);
  for (const item of order) {
    const from = rank[item] ?? 0;
    for (const after of successors[item] ?? []) {
      if ((position[after] ?? 0) > (position[item] ?? 0) && (rank[after] ?? 0) < from + 1) {
        rank[after] = from + 1;
      }
    }
  }
  return { order, rank };
}
