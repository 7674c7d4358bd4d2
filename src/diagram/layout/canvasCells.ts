import type { SceneBox, ScenePoint } from "./scene.js";

/**
 * Bits of the canvas-wide cell grid (canvas width × height, row-major) that edge routing
 * and label placement share: which cells earlier edges run through, and which labels and
 * box drawings (node boxes, group borders and header rows) cover.
 */
const CanvasCell = {
  EdgeHorizontal: 1,
  EdgeVertical: 2,
  Label: 4,
  Box: 8,
} as const;

function orRow(cells: Uint8Array, width: number, y: number, x0: number, x1: number, bit: number) {
  const height = cells.length / width;
  if (y < 0 || y >= height) return;
  const from = Math.max(0, x0);
  const to = Math.min(width - 1, x1);
  for (let x = from; x <= to; x++) cells[y * width + x] = (cells[y * width + x] ?? 0) | bit;
}

function orColumn(
  cells: Uint8Array,
  width: number,
  x: number,
  y0: number,
  y1: number,
  bit: number,
) {
  const height = cells.length / width;
  if (x < 0 || x >= width) return;
  const to = Math.min(height - 1, y1) * width + x;
  for (let i = Math.max(0, y0) * width + x; i <= to; i += width) cells[i] = (cells[i] ?? 0) | bit;
}

/** Mark what the boxes draw: a node's whole area, a group's border and header row. */
export function markBoxes(cells: Uint8Array, width: number, boxes: readonly SceneBox[]): void {
  for (const b of boxes) {
    const right = b.x + b.width - 1;
    const bottom = b.y + b.height - 1;
    if (b.role === "node") {
      for (let y = b.y; y <= bottom; y++) orRow(cells, width, y, b.x, right, CanvasCell.Box);
      continue;
    }
    orRow(cells, width, b.y, b.x, right, CanvasCell.Box);
    orRow(cells, width, b.y + 1, b.x, right, CanvasCell.Box);
    orRow(cells, width, bottom, b.x, right, CanvasCell.Box);
    for (let y = b.y + 2; y < bottom; y++) {
      orRow(cells, width, y, b.x, b.x, CanvasCell.Box);
      orRow(cells, width, y, right, right, CanvasCell.Box);
    }
  }
}

/** Mark the cells of an orthogonal polyline, by the direction each segment runs. */
export function markPath(cells: Uint8Array, width: number, points: readonly ScenePoint[]): void {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    if (a.y === b.y) {
      orRow(cells, width, a.y, Math.min(a.x, b.x), Math.max(a.x, b.x), CanvasCell.EdgeHorizontal);
    } else {
      orColumn(cells, width, a.x, Math.min(a.y, b.y), Math.max(a.y, b.y), CanvasCell.EdgeVertical);
    }
  }
  const only = points.length === 1 ? points[0] : undefined;
  if (only) orRow(cells, width, only.y, only.x, only.x, CanvasCell.EdgeVertical);
}

/** Mark the cells of a label of `cellWidth` cells starting at `at`. */
export function markLabel(cells: Uint8Array, width: number, at: ScenePoint, cellWidth: number) {
  orRow(cells, width, at.y, at.x, at.x + cellWidth - 1, CanvasCell.Label);
}
