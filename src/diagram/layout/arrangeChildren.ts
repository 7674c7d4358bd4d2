import { childUnits, GUTTER_X, GUTTER_Y, type Unit } from "./childUnits.js";
import { type Constraint, orderByRank } from "./orderByRank.js";
import type { ScenePoint } from "./scene.js";

/** Gutters between top-level items (room for edges to fan out between accounts). */
const TOP_GUTTER_X = 3;
const TOP_GUTTER_Y = 3;
/** A row of children wraps before it gets wider than this (a single child may be wider). */
const MAX_ROW_WIDTH = 120;
/** Top-level rows of one rank wrap later: accounts side by side are the point of the picture. */
const MAX_TOP_ROW_WIDTH = 240;
/** The width ÷ height, in pixels, that a group of many children wraps toward by default. */
export const DEFAULT_ASPECT = 16 / 9;
/** Groups of at least this many units (boxes, AZ bands) wrap toward the aspect. */
const ASPECT_FROM_UNITS = 8;
/** Rows stacked narrower than the aspect ÷ this are a tower, re-flowed into a grid. */
const TOWER_FACTOR = 3;
/**
 * A top level of at least this many boxes (the accounts of a large organisation) is laid
 * out as tiles: every box of a column as wide as the column's widest, every box of a row as
 * tall as the row, rows centred by whole columns (tileColumns). The boxes then line up, so
 * the grid an edge between two accounts is routed on has a few cuts per column and row
 * instead of four per box (the top level of 2,000 VPCs: 2,806 cells instead of 86,416), and
 * the gaps between them are straight corridors.
 */
export const TILES_FROM = 16;
/**
 * Cells more between tiles: lined up, the gaps are the corridors every edge across the
 * organisation takes, and the top level's gutter of 3 cells has room for one track. With 4
 * more, the bench organisation's edges share 20 % fewer unit steps than untiled at 500 VPCs
 * (about half as many as in gutters of 3); 10 more gain nothing.
 */
const TILE_GUTTER = 4;
/** Pixels of one cell across and down (the SVG's cell; a terminal's is about as tall). */
const CELL_PX = { x: 8, y: 18 };

/**
 * The row width (cells) at which `units` laid out in rows make a block of about `aspect`
 * (width ÷ height in pixels): the square root of their area, gutters included, stretched
 * to the ratio. Rows never wrap narrower than `least`; fewer than `fromUnits` units (a
 * handful of boxes is read, not scanned) keep `least`.
 */
function aspectWidth(
  units: readonly Unit[],
  gapX: number,
  gapY: number,
  aspect: number,
  least: number,
  fromUnits = ASPECT_FROM_UNITS,
): number {
  if (units.length < fromUnits) return least;
  let area = 0;
  let widest = 0;
  for (const u of units) {
    area += (u.width + gapX) * CELL_PX.x * (u.height + gapY) * CELL_PX.y;
    widest = Math.max(widest, u.width);
  }
  const width = Math.floor(Math.sqrt(area * aspect) / CELL_PX.x);
  return Math.max(least, widest, width);
}

/**
 * Tiles in columns: a row of n tiles is centred by whole columns (it starts at column
 * ⌊(most − n) / 2⌋), each column is as wide as its widest tile, and every tile is stretched
 * to its column (its unit's width set). Returns each column's x, and after the last the
 * total width plus one gap.
 */
function tileColumns(
  rows: readonly (readonly number[])[],
  units: readonly Unit[],
  ownWidths: readonly number[],
  most: number,
  gapX: number,
): number[] {
  const columnWidths = new Array<number>(most).fill(0);
  for (const row of rows) {
    const first = Math.floor((most - row.length) / 2);
    row.forEach((u, i) => {
      const c = first + i;
      columnWidths[c] = Math.max(columnWidths[c] ?? 0, ownWidths[u] ?? 0);
    });
  }
  const columnX = [0];
  for (let c = 0; c < most; c++) columnX.push((columnX[c] ?? 0) + (columnWidths[c] ?? 0) + gapX);
  for (const row of rows) {
    const first = Math.floor((most - row.length) / 2);
    row.forEach((u, i) => {
      const unit = units[u];
      if (unit) unit.width = columnWidths[first + i] ?? unit.width;
    });
  }
  return columnX;
}

export interface ChildBox {
  width: number;
  height: number;
  /** an AZ group of a VPC: drawn as one of a band of equal-height columns */
  azColumn: boolean;
  /**
   * a node drawn across AZ columns (these children's indices): a bar under the band, from
   * the first of them to the last; null for every other child
   */
  across?: readonly number[] | null;
}

export interface Arrangement {
  /** top-left of every child, relative to the content area's top-left */
  offsets: ScenePoint[];
  /** every child's height after AZ columns are made equal */
  heights: number[];
  /** every child's width after bars across AZ columns are stretched to them */
  widths: number[];
  width: number;
  height: number;
}

/** Split units (in order) into rows no wider than `maxWidth`, each holding at least one. */
function wrapRows(
  units: readonly Unit[],
  order: readonly number[],
  maxWidth: number,
  gap: number,
): number[][] {
  const rows: number[][] = [];
  let row: number[] = [];
  let width = 0;
  for (const u of order) {
    const w = units[u]?.width ?? 0;
    if (row.length > 0 && width + gap + w > maxWidth) {
      rows.push(row);
      row = [];
      width = 0;
    }
    width += (row.length > 0 ? gap : 0) + w;
    row.push(u);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/**
 * Split units into segments that start on a new row: each set of units linked by edges
 * (e.g. endpoint service → NLB → service) is one segment in rank order, and the unlinked
 * units share one segment. Segments keep the order of their first unit, so a group with
 * two chains draws them as two rows instead of interleaving them.
 */
function chainSegments(
  count: number,
  constraints: readonly Constraint[],
  order: readonly number[],
): number[][] {
  const root = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] ?? r;
    root[i] = r;
    return r;
  };
  const linked = new Uint8Array(count);
  for (const [a, b] of constraints) {
    root[find(a)] = find(b);
    linked[a] = 1;
    linked[b] = 1;
  }
  const segments = new Map<number, { members: number[]; first: number }>();
  for (const u of order) {
    const key = linked[u] === 1 ? find(u) : -1;
    const segment = segments.get(key);
    if (segment) {
      segment.members.push(u);
      segment.first = Math.min(segment.first, u);
    } else {
      segments.set(key, { members: [u], first: u });
    }
  }
  return [...segments.values()].sort((a, b) => a.first - b.first).map((s) => s.members);
}

/**
 * Arrange a group's children (or the top-level items when `topLevel`). AZ columns form one
 * band, side by side with equal height and top. Inside groups, units are ordered by edge
 * rank (sources before targets, else input order) and flow left → right in rows that wrap
 * at MAX_ROW_WIDTH (MAX_TOP_ROW_WIDTH at top level), or wider for eight units or more, so
 * that the block keeps about `aspect` (width ÷ height in pixels): a hundred VPCs make a grid,
 * not a column. At top level, each rank gets its own rows, ranks top to bottom so an edge's
 * source sits above its target, and every row is centred on the widest one. Rows that stack
 * into a tower (narrower than aspect ÷ TOWER_FACTOR) are re-flowed in rank order through
 * rows of the aspect's width. Rows are top-aligned. `extraGutter` cells more between units
 * make room for edges in a crowded group.
 */
export function arrangeChildren(
  children: readonly ChildBox[],
  constraints: readonly Constraint[],
  topLevel: boolean,
  aspect: number = DEFAULT_ASPECT,
  extraGutter = 0,
): Arrangement {
  const { units, heights, widths, unitConstraints } = childUnits(children, constraints);
  const { order, rank } = orderByRank(units.length, unitConstraints);
  const tiled =
    topLevel && units.length >= TILES_FROM && units.every((u) => u.members.length === 1);
  // tiles wrap into rows as if all as wide as the widest; each column then takes the width
  // of its widest tile
  const ownWidths = tiled ? units.map((u) => u.width) : [];
  if (tiled) {
    let widest = 0;
    for (const u of units) widest = Math.max(widest, u.width);
    for (const u of units) u.width = widest;
  }
  const tileGutter = tiled ? TILE_GUTTER : 0;
  const gapX = (topLevel ? TOP_GUTTER_X : GUTTER_X) + extraGutter + tileGutter;
  const gapY = (topLevel ? TOP_GUTTER_Y : GUTTER_Y) + extraGutter + tileGutter;
  let rows: number[][];
  if (topLevel) {
    // the units of each rank, in order
    const byRank = new Map<number, number[]>();
    for (const u of order) {
      const r = rank[u] ?? 0;
      const list = byRank.get(r);
      if (list) list.push(u);
      else byRank.set(r, [u]);
    }
    rows = [...byRank.keys()]
      .sort((a, b) => a - b)
      .flatMap((r) => {
        const rankUnits = byRank.get(r) ?? [];
        const members = rankUnits.flatMap((u) => units[u] ?? []);
        const max = aspectWidth(members, gapX, gapY, aspect, MAX_TOP_ROW_WIDTH);
        return wrapRows(units, rankUnits, max, gapX);
      });
  } else {
    rows = chainSegments(units.length, unitConstraints, order).flatMap((segment) => {
      const members = segment.flatMap((u) => units[u] ?? []);
      return wrapRows(
        units,
        segment,
        aspectWidth(members, gapX, gapY, aspect, MAX_ROW_WIDTH),
        gapX,
      );
    });
  }
  const rowWidth = (row: readonly number[]): number =>
    row.reduce((sum, u, i) => sum + (i > 0 ? gapX : 0) + (units[u]?.width ?? 0), 0);
  const rowHeight = (row: readonly number[]): number =>
    row.reduce((max, u) => Math.max(max, units[u]?.height ?? 0), 0);
  const blockAspect = (candidate: readonly (readonly number[])[]): number => {
    let w = 0;
    let h = 0;
    candidate.forEach((row, r) => {
      w = Math.max(w, rowWidth(row));
      h += (r > 0 ? gapY : 0) + rowHeight(row);
    });
    return (w * CELL_PX.x) / Math.max(1, h * CELL_PX.y);
  };
  // rows by rank (or chain) can stack into a tower — every account its own rank in an
  // organisation where each offers and consumes services: then all units flow in rank
  // order through rows of the aspect's width instead
  if (rows.length > 2 && blockAspect(rows) < aspect / TOWER_FACTOR) {
    const all = order.flatMap((u) => units[u] ?? []);
    const flowed = wrapRows(units, order, aspectWidth(all, gapX, gapY, aspect, 0, 0), gapX);
    if (blockAspect(flowed) > blockAspect(rows)) rows = flowed;
  }
  let width = 0;
  let most = 0;
  for (const row of rows) {
    width = Math.max(width, rowWidth(row));
    most = Math.max(most, row.length);
  }
  const columnX = tiled ? tileColumns(rows, units, ownWidths, most, gapX) : [];
  if (tiled) {
    width = (columnX[most] ?? gapX) - gapX;
    for (const row of rows) {
      const height = rowHeight(row);
      for (const u of row) {
        const unit = units[u];
        if (!unit) continue;
        unit.height = height;
        for (const m of unit.members) {
          heights[m] = height;
          widths[m] = unit.width;
        }
      }
    }
  }
  const offsets: ScenePoint[] = children.map(() => ({ x: 0, y: 0 }));
  let y = 0;
  rows.forEach((row, r) => {
    let x = tiled
      ? (columnX[Math.floor((most - row.length) / 2)] ?? 0)
      : topLevel
        ? Math.floor((width - rowWidth(row)) / 2)
        : 0;
    if (r > 0) y += gapY;
    for (const u of row) {
      const unit = units[u];
      if (!unit) continue;
      unit.members.forEach((m, i) => {
        const at = unit.at[i] ?? { x: 0, y: 0 };
        offsets[m] = { x: x + at.x, y: y + at.y };
      });
      x += unit.width + gapX;
    }
    y += rowHeight(row);
  });
  return { offsets, heights, widths, width, height: y };
}
