import type { ChildBox } from "./arrangeChildren.js";
import type { ScenePoint } from "./scene.js";

/** Cells between sibling boxes side by side, and between rows of boxes (inside groups). */
export const GUTTER_X = 3;
export const GUTTER_Y = 3;

/** Children placed as one block: a single child, or the band of a VPC's AZ columns. */
export interface Unit {
  members: number[];
  /** member offsets inside the unit */
  at: ScenePoint[];
  width: number;
  height: number;
}

/**
 * Put the bars (children drawn across AZ columns) under the band of columns, one row each,
 * from their first column's left to their last column's right (their widths stretched, or
 * the band widened for a bar wider than its columns).
 */
function placeBars(
  children: readonly ChildBox[],
  band: Unit,
  bars: readonly number[],
  widths: number[],
): void {
  const left = new Map<number, number>();
  band.members.forEach((m, k) => left.set(m, band.at[k]?.x ?? 0));
  for (const i of bars) {
    const across = children[i]?.across ?? [];
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = 0;
    for (const c of across) {
      const x = left.get(c);
      if (x === undefined) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + (children[c]?.width ?? 0));
    }
    if (x0 === Number.POSITIVE_INFINITY) x0 = 0;
    const width = Math.max(x1 - x0, children[i]?.width ?? 0);
    widths[i] = width;
    band.members.push(i);
    band.at.push({ x: x0, y: band.height + GUTTER_Y });
    band.width = Math.max(band.width, x0 + width);
    band.height += GUTTER_Y + (children[i]?.height ?? 0);
  }
}

/**
 * Group children into units: each child its own, but AZ columns (and, with `bars`, the
 * children drawn across them) one band.
 */
export function buildUnits(
  children: readonly ChildBox[],
  heights: number[],
  widths: number[],
  bars = true,
): { units: Unit[]; unitOf: number[]; band: number | null } {
  const units: Unit[] = [];
  const unitOf: number[] = [];
  const band: Unit = { members: [], at: [], width: 0, height: 0 };
  let bandIndex = -1;
  const barred: number[] = [];
  const hasColumns = children.some((child) => child.azColumn);
  children.forEach((child, i) => {
    if (bars && hasColumns && child.across) {
      // placed under the columns once they are all known (placeBars)
      barred.push(i);
      unitOf.push(-1);
      return;
    }
    if (child.azColumn) {
      if (bandIndex < 0) {
        bandIndex = units.length;
        units.push(band);
      }
      unitOf.push(bandIndex);
      const gap = band.members.length === 0 ? 0 : GUTTER_X;
      band.at.push({ x: band.width + gap, y: 0 });
      band.width += gap + child.width;
      band.height = Math.max(band.height, child.height);
      band.members.push(i);
    } else {
      unitOf.push(units.length);
      units.push({ members: [i], at: [{ x: 0, y: 0 }], width: child.width, height: child.height });
    }
  });
  const columnsHeight = band.height;
  for (const m of band.members) heights[m] = columnsHeight;
  if (barred.length > 0) {
    placeBars(children, band, barred, widths);
    for (const i of barred) unitOf[i] = bandIndex;
  }
  return { units, unitOf, band: bandIndex < 0 ? null : bandIndex };
}
