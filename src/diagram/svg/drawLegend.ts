import { displayWidth } from "../../core/displayWidth.js";
import type { Scene } from "../layout/scene.js";
import { svgNumber as n } from "./svgNumber.js";
import { LABEL_FONT_SIZE } from "./svgTheme.js";

/**
 * One entry of a diagram's legend: a line style (a short arrow drawn with the edges'
 * classes), a box mark (a small box with a status class) or the findings badge.
 */
export type LegendEntry =
  | { type: "line"; classes: string; arrow: string; label: string }
  | { type: "box"; status: string; mark: string; label: string }
  | { type: "badge"; label: string };

/** What each edge kind's line means, in the order the legend lists them. */
const EDGE_MEANINGS: readonly { kind: string; style: string; label: string }[] = [
  { kind: "uses", style: "", label: "uses" },
  { kind: "targets", style: "", label: "forwards to targets" },
  { kind: "attachment", style: "", label: "transit gateway attachment" },
  { kind: "privatelink", style: "privatelink", label: "PrivateLink" },
  { kind: "alias", style: "alias", label: "DNS alias record" },
  { kind: "route", style: "route", label: "route to gateway endpoint" },
];

/** Status marks (a comparison's): the badge of a box with that status, and what it means. */
const STATUS_MEANINGS: Readonly<Record<string, { mark: string; label: string }>> = {
  added: { mark: "+", label: "added" },
  removed: { mark: "\u2212", label: "removed" },
  changed: { mark: "~", label: "changed (AZs, type or cost)" },
};

/**
 * The legend of a scene: one line entry per line style its edges use (edge kinds drawn
 * alike share an entry, "uses / forwards to targets"), one per status present on a box or
 * edge (added, removed, …), and the findings badge when a box has one. Empty when the
 * scene has nothing to explain.
 */
export function legendEntries(scene: Scene): LegendEntry[] {
  const kinds = new Set<string>(scene.edges.map((e) => e.kind));
  const byStyle = new Map<string, string[]>();
  for (const meaning of EDGE_MEANINGS) {
    if (!kinds.has(meaning.kind)) continue;
    const labels = byStyle.get(meaning.style) ?? [];
    labels.push(meaning.label);
    byStyle.set(meaning.style, labels);
  }
  const entries: LegendEntry[] = [...byStyle].map(([style, labels]) => ({
    type: "line",
    classes: style === "" ? "lp-edge" : `lp-edge lp-e-${style}`,
    arrow: style === "privatelink" ? "-privatelink" : "",
    label: labels.join(" / "),
  }));
  const statuses = new Set<string>([...scene.boxes, ...scene.edges].map((item) => item.status));
  for (const [status, { mark, label }] of Object.entries(STATUS_MEANINGS)) {
    if (statuses.has(status)) entries.push({ type: "box", status, mark, label });
  }
  if (scene.boxes.some((b) => b.findings !== undefined && b.findings.length > 0)) {
    entries.push({ type: "badge", label: "error finding (its tooltip names the rule)" });
  }
  return entries;
}

/** Width of an entry's sample (line, box or badge) and the gap before its text, px. */
const SAMPLE = 30;
const SAMPLE_GAP = 6;
/** Gap between entries of a row and height of a row, px. */
const ENTRY_GAP = 22;
export const LEGEND_ROW = 22;
/** The heading in front of the first row. */
const HEADING = "Legend";

/** A generous width estimate of constant legend text at the label font size, px. */
function textWidth(text: string): number {
  return Math.ceil(displayWidth(text) * LABEL_FONT_SIZE * 0.62);
}

function entryWidth(entry: LegendEntry): number {
  return SAMPLE + SAMPLE_GAP + textWidth(entry.label);
}

/** Where a legend's entries go in rows no wider than `width` (at least one per row). */
export interface LegendLayout {
  placed: { entry: LegendEntry; x: number; row: number }[];
  rows: number;
  /** the widest row, px */
  width: number;
}

export function layoutLegend(entries: readonly LegendEntry[], width: number): LegendLayout {
  const placed: LegendLayout["placed"] = [];
  const start = textWidth(HEADING) + ENTRY_GAP;
  let x = start;
  let row = 0;
  let widest = 0;
  for (const entry of entries) {
    const w = entryWidth(entry);
    if (x > start && x + w > width) {
      row++;
      x = start;
    }
    placed.push({ entry, x, row });
    x += w;
    widest = Math.max(widest, x);
    x += ENTRY_GAP;
  }
  return { placed, rows: entries.length === 0 ? 0 : row + 1, width: widest };
}

/** The natural width of a legend on one row, px (0 when empty). */
export function legendWidth(entries: readonly LegendEntry[]): number {
  return layoutLegend(entries, Number.POSITIVE_INFINITY).width;
}

function sample(entry: LegendEntry, x: number, mid: number, id: string): string {
  if (entry.type === "line") {
    return (
      `<path class="${entry.classes}" d="M${n(x)},${n(mid)} L${n(x + SAMPLE - 2)},${n(mid)}"` +
      ` marker-end="url(#${id}-arrow${entry.arrow})"/>`
    );
  }
  if (entry.type === "box") {
    // a small box in the status's colours, its badge on the top-left corner as on boxes
    return (
      `<g class="lp-box lp-node lp-${entry.status}"><rect x="${n(x + 8)}" y="${n(mid - 5)}"` +
      ` width="${SAMPLE - 10}" height="12" rx="3" ry="3"/></g>` +
      `<g class="lp-mark lp-mark-${entry.status}"><circle cx="${n(x + 8)}" cy="${n(mid - 5)}"` +
      ` r="7"/><text x="${n(x + 8)}" y="${n(mid - 1)}">${entry.mark}</text></g>`
    );
  }
  return (
    `<g class="lp-finding"><circle cx="${n(x + SAMPLE / 2)}" cy="${n(mid)}" r="7"/>` +
    `<text x="${n(x + SAMPLE / 2)}" y="${n(mid + 4)}">!</text></g>`
  );
}

/** The legend, its first row's top at (x, y): heading, then each entry's sample and text. */
export function drawLegend(layout: LegendLayout, x: number, y: number, id: string): string {
  if (layout.placed.length === 0) return "";
  const out = [
    `<g class="lp-legend">`,
    `<text class="lp-legend-heading" x="${n(x)}" y="${n(y + 15)}">${HEADING}</text>`,
  ];
  for (const { entry, x: ex, row } of layout.placed) {
    const top = y + row * LEGEND_ROW;
    out.push(
      sample(entry, x + ex, top + 11, id),
      `<text class="lp-legend-text" x="${n(x + ex + SAMPLE + SAMPLE_GAP)}" y="${n(top + 15)}">` +
        `${entry.label}</text>`,
    );
  }
  out.push("</g>");
  return out.join("\n");
}
