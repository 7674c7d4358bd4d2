import { displayWidth } from "../../core/displayWidth.js";
import { approachDirection, directionStep } from "../layout/approachDirection.js";
import {
  CELL_HEIGHT,
  CELL_WIDTH,
  type Scene,
  type SceneBox,
  type SceneEdge,
} from "../layout/scene.js";
import { boxClass } from "./boxClass.js";
import { fitFontSize } from "./fitFontSize.js";
import { sceneIdPrefix } from "./sceneIdPrefix.js";
import { svgNumber as n } from "./svgNumber.js";
import {
  ADDED_COLOUR,
  FINDING_COLOUR,
  FONT_SIZE,
  LABEL_FONT_SIZE,
  PRIVATELINK_COLOUR,
  REMOVED_COLOUR,
  type SvgTheme,
  svgTheme,
} from "./svgTheme.js";
import { xmlChars, xmlText } from "./xmlText.js";

export interface RenderSvgOptions {
  /** "light" (default): white background; "dark": #0F1419 background, light text */
  theme?: "light" | "dark";
}

/** Baseline of a text row, in pixels below the top of its cell row (12px font). */
const BASELINE = 13;

/**
 * Draw a Scene as a standalone SVG 1.1 document. Grid cells become CELL_WIDTH × CELL_HEIGHT
 * pixels; box borders and edges run through the middle of their cells, so the picture
 * matches renderAscii's. Boxes are rounded rects in AWS group / service-category colours,
 * each text line a <text>; edges are paths with arrowhead markers; edge labels sit on a
 * background rect. Every box rect and its <text> lines carry data-box="<box id>", every
 * label rect and text data-label="<edge id>". A box with error findings gets a badge at
 * its top-right corner: a red circle with a white "!" and a <title> naming each finding's
 * rule and message (a tooltip). Text is cut to the cells renderAscii would
 * show (a box line to width - 3 cells, a label to the scene's right edge); a line that
 * might still overflow in a wide font gets a smaller inline font size. Added items are
 * green and thicker, removed ones red, dashed and faded. All user text is XML-escaped.
 */
export function renderSvg(scene: Scene, options: RenderSvgOptions = {}): string {
  const themeName = options.theme === "dark" ? "dark" : "light";
  const theme = svgTheme(themeName);
  const id = sceneIdPrefix(scene, themeName);
  const width = Math.max(0, scene.width) * CELL_WIDTH;
  const height = Math.max(0, scene.height) * CELL_HEIGHT;
  const title = xmlText(scene.title).trim() || "linkplan diagram";
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  // the badges' style only where there are badges (other diagrams stay as they were)
  const css = scene.boxes.some(hasFindings)
    ? `${theme.css(id)}\n${findingCss(id, theme)}`
    : theme.css(id);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" id="${id}" class="lp-${themeName}"` +
      ` viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}"` +
      ` role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${title}</title>`,
    `<desc id="${id}-desc">${xmlText(summary(scene))}</desc>`,
    "<defs>",
    `<style>\n${css}\n</style>`,
    marker(`${id}-arrow`, theme.edge),
    marker(`${id}-arrow-privatelink`, PRIVATELINK_COLOUR),
    marker(`${id}-arrow-added`, ADDED_COLOUR),
    marker(`${id}-arrow-removed`, REMOVED_COLOUR),
    "</defs>",
    `<rect class="lp-bg" x="0" y="0" width="${n(width)}" height="${n(height)}"/>`,
  ];
  for (const box of scene.boxes) out.push(drawBox(box));
  for (const edge of scene.edges) {
    const path = drawEdge(edge, boxes, id);
    if (path) out.push(path);
  }
  for (const edge of scene.edges) {
    const label = drawLabel(edge, scene.width);
    if (label) out.push(label);
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/**
 * An inline font size for the rare line a generous width estimate says would overflow
 * (long runs of W, m or capitals); nothing for the rest.
 */
function fontSizeStyle(text: string, available: number, base: number): string {
  const size = fitFontSize(text, available, base);
  return size < base ? ` style="font-size:${n(size)}px"` : "";
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One sentence: what the diagram holds. */
function summary(scene: Scene): string {
  const groups = scene.boxes.filter((box) => box.role === "group").length;
  const nodes = scene.boxes.length - groups;
  const changed = [...scene.boxes, ...scene.edges];
  const added = changed.filter((item) => item.status === "added").length;
  const removed = changed.filter((item) => item.status === "removed").length;
  const diff = added + removed > 0 ? ` (${added} added, ${removed} removed)` : "";
  const marked = scene.boxes.filter(hasFindings).length;
  const findings = marked > 0 ? `; ${marked} marked with error findings` : "";
  return (
    `Network diagram with ${plural(groups, "group")}, ${plural(nodes, "node")} and ` +
    `${plural(scene.edges.length, "edge")}${diff}${findings}.`
  );
}

function marker(markerId: string, colour: string): string {
  return (
    `<marker id="${markerId}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9"` +
    ` markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`
  );
}

/** Pixel centre of a cell. */
function cx(x: number): number {
  return (x + 0.5) * CELL_WIDTH;
}
function cy(y: number): number {
  return (y + 0.5) * CELL_HEIGHT;
}

function hasFindings(box: SceneBox): boolean {
  return box.findings !== undefined && box.findings.length > 0;
}

/** The badge's style (only in diagrams that have one). */
function findingCss(root: string, theme: SvgTheme): string {
  const r = `#${root}`;
  return [
    `${r} .lp-finding>circle{fill:${FINDING_COLOUR};stroke:${theme.background};stroke-width:1.5}`,
    `${r} .lp-finding>text{fill:#FFFFFF;font-size:11px;font-weight:700;text-anchor:middle}`,
  ].join("\n");
}

/** Radius of the finding badge, px. */
const BADGE_RADIUS = 7;

/** The red "!" badge on a box's top-right corner, its findings as the tooltip. */
function drawBadge(box: SceneBox, key: string): string {
  const x = cx(box.x) + Math.max(0, box.width - 1) * CELL_WIDTH;
  const y = cy(box.y);
  // one line per finding (a line break in a <title> shows in the tooltip)
  const tooltip = (box.findings ?? []).map((f) => xmlText(`${f.rule}: ${f.message}`)).join("\n");
  return (
    `<g class="lp-finding" data-finding="${key}"><title>${tooltip}</title>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${BADGE_RADIUS}"/>` +
    `<text x="${n(x)}" y="${n(y + 4)}">!</text></g>`
  );
}

function drawBox(box: SceneBox): string {
  const key = xmlText(box.id);
  const radius = box.role === "group" ? 4 : 6;
  const parts = [
    `<g class="${boxClass(box)}">`,
    // an imported element's Terraform address and .tf line, as the box's tooltip
    ...(box.terraform === undefined ? [] : [`<title>${xmlText(box.terraform)}</title>`]),
    `<rect data-box="${key}" x="${n(cx(box.x))}" y="${n(cy(box.y))}"` +
      ` width="${n(Math.max(0, box.width - 1) * CELL_WIDTH)}"` +
      ` height="${n(Math.max(0, box.height - 1) * CELL_HEIGHT)}" rx="${radius}" ry="${radius}"/>`,
  ];
  box.lines.forEach((line, i) => {
    const shown = xmlChars(line, box.width - 3);
    if (shown.trim() === "" || i > box.height - 3) return;
    const x = (box.x + 2) * CELL_WIDTH;
    const y = (box.y + 1 + i) * CELL_HEIGHT + BASELINE;
    const size = fontSizeStyle(shown, (box.width - 3) * CELL_WIDTH, FONT_SIZE);
    parts.push(
      `<text data-box="${key}" class="lp-line-${i}" x="${n(x)}" y="${n(y)}"${size}>` +
        `${xmlText(shown)}</text>`,
    );
  });
  if (hasFindings(box)) parts.push(drawBadge(box, key));
  parts.push("</g>");
  return parts.join("\n");
}

/**
 * The edge's polyline through cell centres, stretched one cell at each end so it starts
 * on the source box's border and its arrowhead touches the target's.
 */
function drawEdge(edge: SceneEdge, boxes: ReadonlyMap<string, SceneBox>, id: string) {
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

function drawLabel(edge: SceneEdge, sceneWidth: number): string | null {
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
