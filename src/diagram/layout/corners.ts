import type { ScenePoint } from "./scene.js";

/** Drop repeated points and points in the middle of a straight run. */
export function corners(points: readonly ScenePoint[]): ScenePoint[] {
  const out: ScenePoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
    } else {
      out.push(p);
    }
  }
  return out;
}
