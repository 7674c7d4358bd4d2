import type { SceneBox, SceneEdge } from "./scene.js";

/** Shared steps looked at (each costs a pass over the groups): enough to find the corridors. */
const MAX_SHARED_STEPS = 256;

const SAME_FROM = 1;
const SAME_TO = 2;
const MIXED = 4;

/** Two edges drawn alike (same kind and comparison status) may run together as one line. */
export function sameStyle(a: SceneEdge, b: SceneEdge): boolean {
  return a.kind === b.kind && a.status === b.status;
}

/**
 * The groups ("" for the top level) holding a corridor where two unrelated edges (neither
 * from the same box nor into the same box, or drawn differently: another kind or comparison
 * status) run along the same unit segment: each shared
 * step is charged to the smallest group around it, the one whose padding or gutters make
 * the corridor. Linear in the edges' length, plus the groups for each of at most
 * MAX_SHARED_STEPS shared steps (`sharedSteps` counts them up to that).
 */
export function crowdedGroups(
  edges: readonly SceneEdge[],
  boxes: readonly SceneBox[],
): { groups: Set<string>; sharedSteps: number } {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const e of edges) {
    for (const p of e.points) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
    }
  }
  const span = maxX - minX + 1;
  // a step from (x, y) right or down, keyed by its first cell and its axis: the first edge
  // on it, and whether all edges on it so far leave its source (SAME_FROM), enter its
  // target (SAME_TO) — a set of pairwise related edges does one or the other — or some
  // were unrelated already (MIXED)
  const first = new Map<number, number>();
  const state = new Map<number, number>();
  const shared: { x: number; y: number }[] = [];
  edges.forEach((edge, index) => {
    for (let i = 1; i < edge.points.length && shared.length < MAX_SHARED_STEPS; i++) {
      const a = edge.points[i - 1];
      const b = edge.points[i];
      if (!a || !b) continue;
      const down = a.x === b.x ? 1 : 0;
      const x0 = Math.min(a.x, b.x);
      const y0 = Math.min(a.y, b.y);
      const steps = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
      for (let s = 0; s < steps; s++) {
        const x = down ? x0 : x0 + s;
        const y = down ? y0 + s : y0;
        const key = ((y - minY) * span + (x - minX)) * 2 + down;
        const owner = edges[first.get(key) ?? -1];
        if (!owner) {
          first.set(key, index);
          state.set(key, SAME_FROM | SAME_TO);
          continue;
        }
        if (owner === edge) continue;
        const was = state.get(key) ?? 0;
        if (was & MIXED) continue;
        const sameFrom = was & SAME_FROM && owner.from === edge.from ? SAME_FROM : 0;
        const sameTo = was & SAME_TO && owner.to === edge.to ? SAME_TO : 0;
        const alike = sameStyle(owner, edge);
        if (alike && (sameFrom | sameTo) !== 0) {
          state.set(key, sameFrom | sameTo);
          continue;
        }
        state.set(key, MIXED);
        shared.push({ x, y });
        if (shared.length >= MAX_SHARED_STEPS) break;
      }
    }
  });
  const crowded = new Set<string>();
  for (const p of shared) {
    let inner: SceneBox | null = null;
    for (const b of boxes) {
      if (b.role !== "group") continue;
      if (p.x < b.x || p.y < b.y || p.x >= b.x + b.width || p.y >= b.y + b.height) continue;
      if (!inner || b.depth > inner.depth) inner = b;
    }
    crowded.add(inner ? inner.id : "");
  }
  return { groups: crowded, sharedSteps: shared.length };
}
