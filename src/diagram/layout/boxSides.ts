import type { Rect } from "./rect.js";

export type Side = "top" | "bottom" | "left" | "right";

export const SIDES: readonly Side[] = ["top", "bottom", "left", "right"];
/** Direction of travel (see Dir) out of a box through a side, and into it. */
export const OUTWARD: Readonly<Record<Side, number>> = { right: 0, left: 1, bottom: 2, top: 3 };
export const INWARD: Readonly<Record<Side, number>> = { right: 1, left: 0, bottom: 3, top: 2 };

/** The side of `r` facing `other` (bottom when `other` is below, …). */
export function facingSide(r: Rect, other: Rect): Side {
  if (other.y >= r.y + r.height) return "bottom";
  if (other.y + other.height <= r.y) return "top";
  if (other.x >= r.x + r.width) return "right";
  if (other.x + other.width <= r.x) return "left";
  return "bottom";
}

/** The side of `r` whose outside neighbour (x, y) is, or null. */
export function ringSide(r: Rect, x: number, y: number): Side | null {
  if (x >= r.x && x < r.x + r.width) {
    if (y === r.y - 1) return "top";
    if (y === r.y + r.height) return "bottom";
  }
  if (y >= r.y && y < r.y + r.height) {
    if (x === r.x - 1) return "left";
    if (x === r.x + r.width) return "right";
  }
  return null;
}

export const horizontal = (side: Side): boolean => side === "top" || side === "bottom";
export const centre = (start: number, length: number): number =>
  start + Math.floor((length - 1) / 2);
export const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
