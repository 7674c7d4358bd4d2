import type { ScenePoint } from "./scene.js";

export type Direction = "up" | "down" | "left" | "right";

export interface CellRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The direction to travel from `point`, a cell just outside `box`'s border, to enter the
 * box; null when the point is not beside one of its sides (e.g. diagonal to a corner).
 */
export function approachDirection(point: ScenePoint, box: CellRect): Direction | null {
  const right = box.x + box.width - 1;
  const bottom = box.y + box.height - 1;
  if (point.x >= box.x && point.x <= right) {
    if (point.y < box.y) return "down";
    if (point.y > bottom) return "up";
  }
  if (point.y >= box.y && point.y <= bottom) {
    if (point.x < box.x) return "right";
    if (point.x > right) return "left";
  }
  return null;
}

/** Unit step of a direction, in cells. */
export function directionStep(direction: Direction): ScenePoint {
  switch (direction) {
    case "up":
      return { x: 0, y: -1 };
    case "down":
      return { x: 0, y: 1 };
    case "left":
      return { x: -1, y: 0 };
    case "right":
      return { x: 1, y: 0 };
  }
}

/** The direction of travel from `a` to `b` along their longer axis; null when equal. */
export function directionBetween(a: ScenePoint, b: ScenePoint): Direction | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return null;
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? "right" : "left";
  return dy > 0 ? "down" : "up";
}
