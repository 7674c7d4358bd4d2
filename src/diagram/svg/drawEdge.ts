import { displayWidth } from "../../core/displayWidth.js";
import { approachDirection, directionStep } from "../layout/approachDirection.js";
import { CELL_HEIGHT, CELL_WIDTH, type SceneBox, type SceneEdge } from "../layout/scene.js";
import { BASELINE, cx, cy, fontSizeStyle } from "./drawBox.js";
import { svgNumber as n } from "./svgNumber.js";
import { LABEL_FONT_SIZE } from "./svgTheme.js";
import { xmlChars, xmlText } from "./xmlText.js";

/**
 * The edge's polyline through cell centres, stretched one cell at each end so it starts
 * on the source box's border and its arrowhead touches the target's.
 */
export function drawEdge(
  edge: SceneEdge,
  boxes: ReadonlyMap<string, SceneBox>,
  id: string,
): string | null {
  const points = edge.points.map((p) => ({ x: cx(p.x), y: cy(p.y) }));
  const first = edge.points[0];
  const last = edge.points[edge.points.length - 1];
  if (!first || !last) return null;
  const source = boxes.get(edge.from);
  const target = boxes.get(edge.to);
  const toSource = source ? approachDirection(first, source) : null;
  const toTarget = target ? approachDirection(last, target) : null;
  if (toSource) {
    const s = directionStep(toSource);
    points.unshift({ x: cx(first.x + s.x), y: cy(first.y + s.y) });
  }
  if (toTarget) {
    const s = directionStep(toTarget);
    points.push({ x: cx(last.x + s.x), y: cy(last.y + s.y) });
  }
  if (points.length < 2) return null;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${n(p.x)},${n(p.y)}`).join(" ");
  const kind = /^[a-z-]+$/.test(edge.kind) ? edge.kind : "other";
  const status = edge.status === "unchanged" ? "" : ` lp-${edge.status}`;
  const arrow =
    edge.status === "added" || edge.status === "removed"
      ? `-${edge.status}`
      : kind === "privatelink"
        ? "-privatelink"
        : "";
  return (
    `<path class="lp-edge lp-e-${kind}${status}" data-edge="${xmlText(edge.id)}" d="${d}"` +
    ` marker-end="url(#${id}-arrow${arrow})"/>`
  );
}

/** The edge's label on a background rect, cut at the scene's right edge. */
export function drawLabel(edge: SceneEdge, sceneWidth: number): string | null {
  if (!edge.label || !edge.labelAt) return null;
  const shown = xmlChars(edge.label, sceneWidth - edge.labelAt.x);
  if (shown.trim() === "") return null;
  const key = xmlText(edge.id);
  const cells = displayWidth(shown);
  const x = edge.labelAt.x * CELL_WIDTH;
  const y = edge.labelAt.y * CELL_HEIGHT;
  return (
    `<g class="lp-edge-label">` +
    `<rect class="lp-label-bg" data-label="${key}" x="${n(x - 2)}" y="${n(y + 2)}"` +
    ` width="${n(cells * CELL_WIDTH + 4)}" height="${n(CELL_HEIGHT - 4)}" rx="3" ry="3"/>` +
    `<text class="lp-label" data-label="${key}" x="${n(x)}" y="${n(y + BASELINE)}"` +
    `${fontSizeStyle(shown, cells * CELL_WIDTH, LABEL_FONT_SIZE)}>${xmlText(shown)}</text>` +
    "</g>"
  );
}
