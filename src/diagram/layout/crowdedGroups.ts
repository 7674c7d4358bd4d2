import { edgeTrunk } from "./edgeTrunk.js";
import type { SceneBox, SceneEdge } from "./scene.js";
import { forEachUnitStep } from "./unitSteps.js";

/** Shared steps looked at (each costs a pass over the groups): enough to find the corridors. */
const MAX_SHARED_STEPS = 256;

/** Where edges of different trunks share unit steps, and how many steps. */
export interface Crowded {
  groups: Set<string>;
  sharedSteps: number;
}

/**
 * The groups ("" for the top level) holding a corridor where two edges not of one trunk
 * (see edgeTrunk) run along the same unit segment: each shared step is charged to the
 * smallest group around it, the one whose padding or gutters make the corridor. Linear in the edges' length, plus the groups for each of at most
 * MAX_SHARED_STEPS shared steps (`sharedSteps` counts them up to that).
 */
export function crowdedGroups(edges: readonly SceneEdge[], boxes: readonly SceneBox[]): Crowded {
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
  const trunks = edges.map(edgeTrunk);
  // a step from (x, y) right or down, keyed by its first cell and its axis: the first edge
  // on it, or -1 once edges of different trunks are on it
  const first = new Map<number, number>();
  const shared: { x: number; y: number }[] = [];
  edges.forEach((edge, index) => {
    if (shared.length >= MAX_SHARED_STEPS) return;
    forEachUnitStep(edge.points, (x, y, down) => {
      const key = ((y - minY) * span + (x - minX)) * 2 + down;
      const at = first.get(key);
      if (at === undefined) {
        first.set(key, index);
        return true;
      }
      if (at === -1 || at === index || trunks[at] === trunks[index]) return true;
      first.set(key, -1);
      shared.push({ x, y });
      return shared.length < MAX_SHARED_STEPS;
    });
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
