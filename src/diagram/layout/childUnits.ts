import type { ChildBox } from "./arrangeChildren.js";
import type { Constraint } from "./orderByRank.js";
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

/** Rows of bars under a band at most: more load balancers are drawn as boxes of their own. */
export const MAX_BAR_ROWS = 4;

/**
 * Where the bars (children drawn across AZ columns) go under the band of columns: each from
 * its first column's left to its last column's right (stretched, or wider when its text
 * is), in the first of at most MAX_BAR_ROWS rows where it overlaps no other bar (bars over
 * different AZs share a row); null when they do not fit in MAX_BAR_ROWS rows. Each row
 * holds at most one bar per column, so the work is bounded by the bars × MAX_BAR_ROWS ×
 * columns.
 */
function barRows(
  children: readonly ChildBox[],
  band: Unit,
  bars: readonly number[],
): { i: number; x: number; width: number; row: number }[] | null {
  const left = new Map<number, number>();
  band.members.forEach((m, k) => left.set(m, band.at[k]?.x ?? 0));
  const rows: { x0: number; x1: number }[][] = [];
  const placed: { i: number; x: number; width: number; row: number }[] = [];
  for (const i of bars) {
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = 0;
    for (const c of children[i]?.across ?? []) {
      const x = left.get(c);
      if (x === undefined) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + (children[c]?.width ?? 0));
    }
    if (x0 === Number.POSITIVE_INFINITY) x0 = 0;
    const width = Math.max(x1 - x0, children[i]?.width ?? 0);
    const free = (row: readonly { x0: number; x1: number }[]) =>
      row.every((r) => x0 + width + GUTTER_X <= r.x0 || r.x1 + GUTTER_X <= x0);
    let row = rows.findIndex(free);
    if (row < 0) {
      if (rows.length === MAX_BAR_ROWS) return null;
      row = rows.push([]) - 1;
    }
    rows[row]?.push({ x0, x1: x0 + width });
    placed.push({ i, x: x0, width, row });
  }
  return placed;
}

/** Put the bars under the band (barRows); false, the band unchanged, when they do not fit. */
function placeBars(
  children: readonly ChildBox[],
  band: Unit,
  bars: readonly number[],
  widths: number[],
): boolean {
  const placed = barRows(children, band, bars);
  if (!placed) return false;
  const rowHeight: number[] = [];
  for (const p of placed)
    rowHeight[p.row] = Math.max(rowHeight[p.row] ?? 0, children[p.i]?.height ?? 0);
  const rowTop: number[] = [];
  let y = band.height;
  rowHeight.forEach((h, r) => {
    rowTop[r] = y + GUTTER_Y;
    y += GUTTER_Y + h;
  });
  for (const p of placed) {
    widths[p.i] = p.width;
    band.members.push(p.i);
    band.at.push({ x: p.x, y: rowTop[p.row] ?? 0 });
    band.width = Math.max(band.width, p.x + p.width);
  }
  band.height = y;
  return true;
}

/** Units, which unit holds each child, and the children's sizes once banded. */
export interface ChildUnits {
  units: Unit[];
  unitOf: number[];
  /** the band of AZ columns, when there is one */
  band: number | null;
  /** whether load balancer bars are in the band */
  bars: boolean;
  /** every child's height after AZ columns are made equal */
  heights: number[];
  /** every child's width after bars are stretched across their columns */
  widths: number[];
}

/**
 * Group children into units: each child its own, but AZ columns (and, with `bars`, the
 * children drawn across them) one band. Bars that do not fit in MAX_BAR_ROWS rows leave
 * the load balancers units of their own.
 */
function buildUnits(children: readonly ChildBox[], bars: boolean): ChildUnits {
  const heights = children.map((c) => c.height);
  const widths = children.map((c) => c.width);
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
  for (const m of band.members) heights[m] = band.height;
  if (barred.length > 0) {
    if (!placeBars(children, band, barred, widths)) return buildUnits(children, false);
    for (const i of barred) unitOf[i] = bandIndex;
  }
  const banded = bandIndex < 0 ? null : bandIndex;
  return { units, unitOf, band: banded, bars: barred.length > 0, heights, widths };
}

/** The children's constraints between the units holding them. */
function constraintsOfUnits(
  constraints: readonly Constraint[],
  unitOf: readonly number[],
): Constraint[] {
  const out: Constraint[] = [];
  for (const [a, b] of constraints) {
    const ua = unitOf[a];
    const ub = unitOf[b];
    if (ua !== undefined && ub !== undefined && ua !== ub) out.push([ua, ub]);
  }
  return out;
}

/** Whether unit `start` is reachable from itself along the constraints (linear). */
function reachesItself(start: number, count: number, constraints: readonly Constraint[]): boolean {
  const next: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of constraints) next[a]?.push(b);
  const seen = new Uint8Array(count);
  const stack = [start];
  for (let u = stack.pop(); u !== undefined; u = stack.pop()) {
    for (const v of next[u] ?? []) {
      if (v === start) return true;
      if (seen[v] === 1) continue;
      seen[v] = 1;
      stack.push(v);
    }
  }
  return false;
}

/** Whether the units' band comes both before and after another unit. */
function bandLoops(built: ChildUnits, constraints: readonly Constraint[]): boolean {
  return built.band !== null && reachesItself(built.band, built.units.length, constraints);
}

/**
 * The units of a group's children and their constraints. A load balancer fed from the
 * AZs it spans (consumers and provider in one VPC) would put the band both before and
 * after its endpoint service: then, unless the band loops without its bars too, the load
 * balancers are units of their own.
 */
export function childUnits(
  children: readonly ChildBox[],
  constraints: readonly Constraint[],
): ChildUnits & { unitConstraints: Constraint[] } {
  const built = buildUnits(children, true);
  const unitConstraints = constraintsOfUnits(constraints, built.unitOf);
  if (built.bars && bandLoops(built, unitConstraints)) {
    const plain = buildUnits(children, false);
    const plainConstraints = constraintsOfUnits(constraints, plain.unitOf);
    if (!bandLoops(plain, plainConstraints)) return { ...plain, unitConstraints: plainConstraints };
  }
  return { ...built, unitConstraints };
}
