import { displayWidth } from "../../src/core/displayWidth.js";
import type { Scene, SceneBox, SceneEdge, ScenePoint } from "../../src/diagram/layout/scene.js";
import { CELL_HEIGHT, CELL_WIDTH, GROUP_ICON_CELLS } from "../../src/diagram/layout/scene.js";

/**
 * Geometry of a laid-out Scene, measured the way a reader sees it: which edges share a
 * segment, pass through a node or a group's title, run on an unrelated border, or end on
 * the same side of a box too close to another edge's arrowhead. Each function returns the
 * violations it found (empty when the property holds), named so a failure says where.
 */

const key = (p: ScenePoint) => `${p.x},${p.y}`;

/** The unit steps of an edge's polyline, each as "x,y>x',y'" in a canonical order. */
export function unitSteps(edge: SceneEdge): string[] {
  const steps: string[] = [];
  for (let i = 1; i < edge.points.length; i++) {
    const a = edge.points[i - 1];
    const b = edge.points[i];
    if (!a || !b) continue;
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    let x = a.x;
    let y = a.y;
    while (x !== b.x || y !== b.y) {
      const nx = x + dx;
      const ny = y + dy;
      const [p, q] = [`${x},${y}`, `${nx},${ny}`].sort();
      steps.push(`${p}>${q}`);
      x = nx;
      y = ny;
    }
  }
  return steps;
}

/** The cells an edge's polyline covers, in order (corners once). */
export function edgeCells(edge: SceneEdge): ScenePoint[] {
  const cells: ScenePoint[] = [];
  edge.points.forEach((b, i) => {
    const a = edge.points[i - 1];
    if (!a) {
      cells.push(b);
      return;
    }
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    let x = a.x;
    let y = a.y;
    while (x !== b.x || y !== b.y) {
      x += dx;
      y += dy;
      cells.push({ x, y });
    }
  });
  return cells;
}

/**
 * Pairs of edges that share a unit segment. With `bundles`, edges drawn alike (same kind
 * and status) into one box may: they run together as one trunk with one arrowhead (edges
 * from one box each keep a track). Every edge on a step is compared with every other.
 */
export function sharedSegments(
  scene: Scene,
  bundle: (edge: SceneEdge) => string | null = () => null,
  bundles = false,
): string[] {
  const owners = new Map<string, SceneEdge[]>();
  const out: string[] = [];
  const related = (a: SceneEdge, b: SceneEdge) =>
    a.kind === b.kind && a.status === b.status && a.to === b.to;
  for (const edge of scene.edges) {
    for (const step of new Set(unitSteps(edge))) {
      const others = owners.get(step) ?? [];
      for (const other of others) {
        if (bundles && related(other, edge)) continue;
        const b = bundle(edge);
        if (b === null || b !== bundle(other)) out.push(`${other.id} and ${edge.id} share ${step}`);
      }
      others.push(edge);
      owners.set(step, others);
    }
  }
  return out;
}

function ancestors(scene: Scene): (id: string) => Set<string> {
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  return (id) => {
    const out = new Set<string>();
    let at = byId.get(id);
    while (at) {
      out.add(at.id);
      at = at.parent === null ? undefined : byId.get(at.parent);
    }
    return out;
  };
}

const within = (b: SceneBox, p: ScenePoint) =>
  p.x >= b.x && p.x < b.x + b.width && p.y >= b.y && p.y < b.y + b.height;

/**
 * The cells of a group's title: its header row, from the border to the cell just after its
 * text (its group icon and text, then a cell an edge would touch the text from). An edge
 * one cell further on is a full cell (8 px) away from the text.
 */
function titleCells(scene: Scene, box: SceneBox): (p: ScenePoint) => boolean {
  const from = 2 + (scene.icons ? GROUP_ICON_CELLS : 0);
  const end = box.x + from + displayWidth(box.lines[0] ?? "");
  return (p) => p.y === box.y + 1 && p.x > box.x && p.x <= end;
}

/**
 * Edge cells inside a node that is not one of its ends, on the title of any group, or on
 * the border of a group that is not around one of its ends.
 */
export function edgesThroughBoxes(scene: Scene): string[] {
  const around = ancestors(scene);
  const out: string[] = [];
  for (const edge of scene.edges) {
    const related = new Set([...around(edge.from), ...around(edge.to)]);
    const cells = edgeCells(edge);
    for (const box of scene.boxes) {
      const title = box.role === "group" ? titleCells(scene, box) : null;
      for (const p of cells) {
        if (!within(box, p)) continue;
        if (title?.(p)) {
          out.push(`${edge.id} crosses the title of ${box.id} at ${key(p)}`);
          break;
        }
        if (related.has(box.id)) continue;
        const onBorder =
          p.x === box.x ||
          p.y === box.y ||
          p.x === box.x + box.width - 1 ||
          p.y === box.y + box.height - 1;
        if (box.role === "node" || onBorder) {
          out.push(`${edge.id} passes through ${box.id} at ${key(p)}`);
          break;
        }
      }
    }
  }
  return out;
}

/** The side of `box` a point just outside its border faces. */
function sideOf(box: SceneBox, p: ScenePoint): "top" | "bottom" | "left" | "right" | null {
  if (p.y === box.y - 1) return "top";
  if (p.y === box.y + box.height) return "bottom";
  if (p.x === box.x - 1) return "left";
  if (p.x === box.x + box.width) return "right";
  return null;
}

/**
 * Arrowheads on one side of a box closer than `minPx` pixels (centre to centre) without
 * being one: edges ending on the same cell join into a trunk with one arrowhead.
 */
export function crowdedArrowheads(scene: Scene, minPx = 16): string[] {
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  const heads = new Map<string, { edge: string; p: ScenePoint }[]>();
  for (const edge of scene.edges) {
    const box = byId.get(edge.to);
    const p = edge.points[edge.points.length - 1];
    if (!box || !p || edge.from === edge.to) continue;
    const side = sideOf(box, p);
    if (side === null) continue;
    const k = `${box.id} ${side}`;
    heads.set(k, [...(heads.get(k) ?? []), { edge: edge.id, p }]);
  }
  const out: string[] = [];
  for (const [k, list] of heads) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a || !b) continue;
        const px = Math.hypot((a.p.x - b.p.x) * CELL_WIDTH, (a.p.y - b.p.y) * CELL_HEIGHT);
        if (px > 0 && px < minPx) out.push(`${a.edge} and ${b.edge} end ${px} px apart on ${k}`);
      }
    }
  }
  return out;
}

/** The canvas's width ÷ height in pixels. */
export function aspectOf(scene: Scene): number {
  return (scene.width * CELL_WIDTH) / (scene.height * CELL_HEIGHT);
}
