import type { PlacedBox } from "./positionBoxes.js";
import type { Rect } from "./rect.js";

/**
 * A group's title on its header row: the text and one cell each side of it (a route
 * beside the text would touch it), from just inside the border.
 */
export function titleRect(b: PlacedBox): Rect {
  const end = b.x + (b.headerFrom ?? 2) + b.headerWidth;
  return { x: b.x + 1, y: b.y + 1, width: Math.max(0, end - b.x), height: 1 };
}
