import { CELL_HEIGHT, CELL_WIDTH, GROUP_ICON_CELLS, type SceneBox } from "../layout/scene.js";
import { boxClass } from "./boxClass.js";
import { boxIcon } from "./boxIcon.js";
import { fitFontSize } from "./fitFontSize.js";
import type { AwsIconName } from "./icons/awsIcons.js";
import { svgNumber as n } from "./svgNumber.js";
import { FONT_SIZE, LABEL_FONT_SIZE } from "./svgTheme.js";
import { xmlChars, xmlText } from "./xmlText.js";

/** Baseline of a text row, in pixels below the top of its cell row (12px font). */
export const BASELINE = 13;
/** Size of a group icon (in the group's top-left corner) and of a node icon, px. */
export const GROUP_ICON_SIZE = 24;
export const NODE_ICON_SIZE = 32;
/** Radius of the finding badge, px. */
const BADGE_RADIUS = 7;

/** Pixel centre of a cell. */
export function cx(x: number): number {
  return (x + 0.5) * CELL_WIDTH;
}
export function cy(y: number): number {
  return (y + 0.5) * CELL_HEIGHT;
}

/**
 * An inline font size for the rare line a generous width estimate says would overflow
 * (long runs of W, m or capitals); nothing for the rest.
 */
export function fontSizeStyle(text: string, available: number, base: number): string {
  const size = fitFontSize(text, available, base);
  return size < base ? ` style="font-size:${n(size)}px"` : "";
}

export function hasFindings(box: SceneBox): boolean {
  return box.findings !== undefined && box.findings.length > 0;
}

/** How boxes are drawn: with icons (`use` gives an icon's <use> element) or without. */
export interface BoxStyle {
  theme: "light" | "dark";
  /** the scene has room for icons (laid out with them) */
  icons: boolean;
  /** a <use> of the icon's symbol at (x, y), size × size; records that the icon is used */
  use(icon: AwsIconName, x: number, y: number, size: number): string;
}

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

/** The mark of each comparison status: added, removed (a minus sign), changed. */
const MARKS: Readonly<Record<SceneBox["status"], string>> = {
  added: "+",
  removed: "\u2212",
  changed: "~",
  unchanged: "",
};

/** A "+", "−" or "~" badge on the top-left corner of a box of a comparison. */
function drawMark(box: SceneBox): string {
  const x = cx(box.x);
  const y = cy(box.y);
  return (
    `<g class="lp-mark lp-mark-${box.status}"><title>${box.status}</title>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${BADGE_RADIUS}"/>` +
    `<text x="${n(x)}" y="${n(y + 4)}">${MARKS[box.status]}</text></g>`
  );
}

/** A text line of a box; `extra` adds attributes (a class, centring). */
function text(key: string, line: number, x: number, y: number, shown: string, extra = "") {
  return (
    `<text data-box="${key}" class="lp-line-${line}" x="${n(x)}" y="${n(y)}"${extra}>` +
    `${xmlText(shown)}</text>`
  );
}

/** Text lines as the plain layout has them: from (x+2, y+1), one per row. */
function plainLines(box: SceneBox, key: string): string[] {
  const out: string[] = [];
  box.lines.forEach((line, i) => {
    const shown = xmlChars(line, box.width - 3);
    if (shown.trim() === "" || i > box.height - 3) return;
    const x = (box.x + 2) * CELL_WIDTH;
    const y = (box.y + 1 + i) * CELL_HEIGHT + BASELINE;
    const size = fontSizeStyle(shown, (box.width - 3) * CELL_WIDTH, FONT_SIZE);
    out.push(text(key, i, x, y, shown, size));
  });
  return out;
}

/**
 * A group in an icon layout, as AWS draws groups: its icon in the top-left corner (none
 * for an AZ or a generic group), the header beside it, centred on the icon.
 */
function groupParts(box: SceneBox, key: string, style: BoxStyle): string[] {
  const icon = boxIcon(box, style.theme);
  const left = cx(box.x);
  const top = cy(box.y);
  const parts = icon ? [style.use(icon, left, top, GROUP_ICON_SIZE)] : [];
  const textX = icon ? left + GROUP_ICON_SIZE + 8 : (box.x + 2) * CELL_WIDTH;
  const cells = box.width - 3 - (icon ? GROUP_ICON_CELLS : 0);
  const shown = xmlChars(box.lines[0] ?? "", cells);
  if (shown.trim() !== "" && box.height >= 3) {
    const size = fontSizeStyle(shown, cells * CELL_WIDTH, FONT_SIZE);
    parts.push(text(key, 0, textX, top + GROUP_ICON_SIZE / 2 + 4, shown, size));
  }
  return parts;
}

/**
 * A node in an icon layout, as AWS draws a resource: its icon centred in the rows above
 * the text, each line centred under it (the first, its name, in bold).
 */
function nodeParts(box: SceneBox, key: string, style: BoxStyle): string[] {
  const icon = boxIcon(box, style.theme);
  const middle = cx(box.x) + (Math.max(0, box.width - 1) * CELL_WIDTH) / 2;
  const parts = icon
    ? [style.use(icon, middle - NODE_ICON_SIZE / 2, (box.y + 1) * CELL_HEIGHT + 1, NODE_ICON_SIZE)]
    : [];
  const rows = box.height - 2 - 2; // border rows and icon rows
  box.lines.forEach((line, i) => {
    const shown = xmlChars(line, box.width - 3);
    if (shown.trim() === "" || i >= rows) return;
    const y = (box.y + 3 + i) * CELL_HEIGHT + BASELINE;
    const base = i === 0 ? FONT_SIZE : LABEL_FONT_SIZE;
    // the name is bold: about a tenth wider than the regular widths fitFontSize knows
    const room = (box.width - 3) * CELL_WIDTH * (i === 0 ? 0.9 : 1);
    const size = fontSizeStyle(shown, room, base);
    const sub = i === 0 ? "" : " lp-sub";
    parts.push(
      `<text data-box="${key}" class="lp-line-${i}${sub}" x="${n(middle)}" y="${n(y)}"` +
        `${size}>${xmlText(shown)}</text>`,
    );
  });
  return parts;
}

/** One box: its rect (rounded for nodes), icon and text, with its findings badge. */
export function drawBox(box: SceneBox, style: BoxStyle): string {
  const key = xmlText(box.id);
  const radius = box.role === "group" ? (style.icons ? 0 : 4) : 6;
  const parts = [
    `<g class="${boxClass(box)}">`,
    // an imported element's Terraform address and .tf line, as the box's tooltip
    ...(box.terraform === undefined ? [] : [`<title>${xmlText(box.terraform)}</title>`]),
    `<rect data-box="${key}" x="${n(cx(box.x))}" y="${n(cy(box.y))}"` +
      ` width="${n(Math.max(0, box.width - 1) * CELL_WIDTH)}"` +
      ` height="${n(Math.max(0, box.height - 1) * CELL_HEIGHT)}" rx="${radius}" ry="${radius}"/>`,
  ];
  if (!style.icons) parts.push(...plainLines(box, key));
  else if (box.role === "group") parts.push(...groupParts(box, key, style));
  else parts.push(...nodeParts(box, key, style));
  if (hasFindings(box)) parts.push(drawBadge(box, key));
  if (box.status !== "unchanged") parts.push(drawMark(box));
  parts.push("</g>");
  return parts.join("\n");
}
