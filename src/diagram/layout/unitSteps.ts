import type { ScenePoint } from "./scene.js";

/**
 * Visit every unit step of the polyline through `points` (each segment horizontal or
 * vertical): the cell it starts from — its left or top cell — and whether it runs down
 * (1) or right (0). Stops, answering false, as soon as `visit` answers false.
 */
export function forEachUnitStep(
  points: readonly ScenePoint[],
  visit: (x: number, y: number, down: 0 | 1) => boolean | undefined,
): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const down = a.x === b.x ? 1 : 0;
    const x0 = Math.min(a.x, b.x);
    const y0 = Math.min(a.y, b.y);
    const steps = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    for (let s = 0; s < steps; s++) {
      if (visit(down ? x0 : x0 + s, down ? y0 + s : y0, down) === false) return false;
    }
  }
  return true;
}
