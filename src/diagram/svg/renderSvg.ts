import type { Scene } from "../layout/scene.js";
import { type BoxStyle, drawBox, fontSizeStyle, hasFindings } from "./drawBox.js";
import { drawEdge, drawLabel } from "./drawEdge.js";
import { drawLegend } from "./drawLegend.js";
import { IconSymbols } from "./iconSymbols.js";
import { sceneIdPrefix } from "./sceneIdPrefix.js";
import {
  diagramTitle,
  SUBTITLE_FONT_SIZE,
  type SvgFrame,
  svgFrame,
  TITLE_FONT_SIZE,
} from "./svgFrame.js";
import { svgNumber as n } from "./svgNumber.js";
import {
  ADDED_COLOUR,
  CHANGED_COLOUR,
  FINDING_COLOUR,
  PRIVATELINK_COLOUR,
  REMOVED_COLOUR,
  type SvgTheme,
  svgTheme,
} from "./svgTheme.js";
import { xmlText } from "./xmlText.js";

export interface RenderSvgOptions {
  /** "light" (default): white background; "dark": #0F1419 background, light text */
  theme?: "light" | "dark";
}

/**
 * Draw a Scene as a standalone SVG 1.1 document in the grammar of AWS architecture
 * diagrams: a title block (the topology's name; its total monthly cost and price catalog
 * when the scene was priced), an AWS Cloud group around the scene, and a legend of the
 * line styles and marks the diagram uses (see svgFrame for where each goes).
 *
 * Grid cells become CELL_WIDTH × CELL_HEIGHT pixels; box borders and edges run through the
 * middle of their cells, so the picture matches renderAscii's. Groups are rectangles in
 * the AWS group colours, nodes rounded rects in the service-category colours. A scene
 * laid out with `icons` (layout's option) gets the AWS Architecture Icons: each group's
 * icon in its top-left corner with its header beside it, each node's icon above its text,
 * centred; each icon is defined once per document as a <symbol> and drawn with <use> (no
 * external references). Without icons, text starts at each box's top-left, as in ASCII.
 *
 * Edges are paths with arrowhead markers; edge labels sit on a background rect. Every box
 * rect and its <text> lines carry data-box="<box id>", every label rect and text
 * data-label="<edge id>". A box with error findings gets a badge at its top-right corner:
 * a red circle with a white "!" and a <title> naming each finding's rule and message (a
 * tooltip). Text is cut to the cells renderAscii would show (a box line to width - 3 cells,
 * a label to the scene's right edge); a line that might still overflow in a wide font gets
 * a smaller inline font size. Added items are green and thicker, removed ones red, dashed
 * and faded, changed ones amber and thicker, each with a "+" / "−" / "~" badge on its
 * top-left corner. All user text is XML-escaped.
 */
export function renderSvg(scene: Scene, options: RenderSvgOptions = {}): string {
  const themeName = options.theme === "dark" ? "dark" : "light";
  const theme = svgTheme(themeName);
  const id = sceneIdPrefix(scene, themeName);
  const frame = svgFrame(scene);
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  const icons = new IconSymbols(id);
  const style: BoxStyle = {
    theme: themeName,
    icons: scene.icons === true,
    use: (icon, x, y, size) => icons.use(icon, x, y, size),
  };
  // the badges' style only where there are badges (and so one in the legend)
  const css = [
    theme.css(id),
    ...(scene.boxes.some(hasFindings) ? [findingCss(id, theme)] : []),
    ...([...scene.boxes, ...scene.edges].some((item) => item.status !== "unchanged")
      ? [markCss(id, theme)]
      : []),
  ].join("\n");

  const body: string[] = [drawTitle(frame)];
  if (frame.cloud) body.push(drawCloud(frame, themeName, icons));
  body.push(`<g class="lp-scene" transform="translate(${n(frame.scene.x)},${n(frame.scene.y)})">`);
  for (const box of scene.boxes) body.push(drawBox(box, style));
  for (const edge of scene.edges) {
    const path = drawEdge(edge, boxes, id);
    if (path) body.push(path);
  }
  for (const edge of scene.edges) {
    const label = drawLabel(edge, scene.width);
    if (label) body.push(label);
  }
  body.push("</g>");
  const legend = drawLegend(frame.legend.layout, frame.legend.x, frame.legend.y, id);
  if (legend) body.push(legend);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" id="${id}"` +
      ` class="lp-${themeName}${style.icons ? " lp-icons" : ""}"` +
      ` viewBox="0 0 ${n(frame.width)} ${n(frame.height)}" width="${n(frame.width)}"` +
      ` height="${n(frame.height)}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${xmlText(diagramTitle(scene))}</title>`,
    `<desc id="${id}-desc">${xmlText(summary(scene))}</desc>`,
    ...icons.notice(),
    "<defs>",
    `<style>\n${css}\n</style>`,
    marker(`${id}-arrow`, theme.edge),
    marker(`${id}-arrow-privatelink`, PRIVATELINK_COLOUR),
    marker(`${id}-arrow-added`, ADDED_COLOUR),
    marker(`${id}-arrow-removed`, REMOVED_COLOUR),
    ...icons.symbols(),
    "</defs>",
    `<rect class="lp-bg" x="0" y="0" width="${n(frame.width)}" height="${n(frame.height)}"/>`,
    ...body,
    "</svg>",
  ];
  return `${out.join("\n")}\n`;
}

/** The title block: the diagram's name, and its total and catalog when priced. */
function drawTitle(frame: SvgFrame): string {
  const room = frame.width - 2 * frame.title.x;
  const { title, subtitle } = frame;
  const lines = [
    `<text class="lp-title" x="${n(title.x)}" y="${n(title.y)}"` +
      `${fontSizeStyle(title.text, room, TITLE_FONT_SIZE)}>${xmlText(title.text)}</text>`,
  ];
  if (subtitle) {
    lines.push(
      `<text class="lp-subtitle" x="${n(subtitle.x)}" y="${n(subtitle.y)}"` +
        `${fontSizeStyle(subtitle.text, room, SUBTITLE_FONT_SIZE)}>${xmlText(subtitle.text)}</text>`,
    );
  }
  return `<g class="lp-title-block">\n${lines.join("\n")}\n</g>`;
}

/** The AWS Cloud group around the scene: its logo in the corner, "AWS Cloud" beside it. */
function drawCloud(frame: SvgFrame, theme: "light" | "dark", icons: IconSymbols): string {
  const cloud = frame.cloud;
  if (!cloud) return "";
  const size = 24;
  return [
    `<g class="lp-cloud">`,
    `<rect x="${n(cloud.x)}" y="${n(cloud.y)}" width="${n(cloud.width)}" height="${n(cloud.height)}"/>`,
    icons.use(theme === "dark" ? "aws-cloud-dark" : "aws-cloud", cloud.x, cloud.y, size),
    `<text x="${n(cloud.x + size + 8)}" y="${n(cloud.y + size / 2 + 4)}">AWS Cloud</text>`,
    "</g>",
  ].join("\n");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One sentence: what the diagram holds (and its total when priced). */
function summary(scene: Scene): string {
  const groups = scene.boxes.filter((box) => box.role === "group").length;
  const nodes = scene.boxes.length - groups;
  const changed = [...scene.boxes, ...scene.edges];
  const added = changed.filter((item) => item.status === "added").length;
  const removed = changed.filter((item) => item.status === "removed").length;
  const modified = changed.filter((item) => item.status === "changed").length;
  const diff =
    added + removed + modified > 0
      ? ` (${added} added, ${removed} removed${modified > 0 ? `, ${modified} changed` : ""})`
      : "";
  const marked = scene.boxes.filter(hasFindings).length;
  const findings = marked > 0 ? `; ${marked} marked with error findings` : "";
  const total = scene.pricing
    ? ` Total ${scene.pricing.total} (catalog ${scene.pricing.catalog}).`
    : "";
  return (
    `Network diagram with ${plural(groups, "group")}, ${plural(nodes, "node")} and ` +
    `${plural(scene.edges.length, "edge")}${diff}${findings}.${total}`
  );
}

function marker(markerId: string, colour: string): string {
  return (
    `<marker id="${markerId}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9"` +
    ` markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`
  );
}

/** The style of the comparison marks and changed boxes (only in diagrams that have one). */
function markCss(root: string, theme: SvgTheme): string {
  const r = `#${root}`;
  return [
    `${r} .lp-box.lp-changed>rect{stroke:${CHANGED_COLOUR};stroke-width:2.5}`,
    `${r} .lp-mark>circle{stroke:${theme.background};stroke-width:1.5}`,
    `${r} .lp-mark-added>circle{fill:${ADDED_COLOUR}}`,
    `${r} .lp-mark-removed>circle{fill:${REMOVED_COLOUR}}`,
    `${r} .lp-mark-changed>circle{fill:${CHANGED_COLOUR}}`,
    `${r} .lp-mark>text{fill:#FFFFFF;font-size:12px;font-weight:700;text-anchor:middle}`,
  ].join("\n");
}

/** The badge's style (only in diagrams that have one). */
function findingCss(root: string, theme: SvgTheme): string {
  const r = `#${root}`;
  return [
    `${r} .lp-finding>circle{fill:${FINDING_COLOUR};stroke:${theme.background};stroke-width:1.5}`,
    `${r} .lp-finding>text{fill:#FFFFFF;font-size:11px;font-weight:700;text-anchor:middle}`,
  ].join("\n");
}
