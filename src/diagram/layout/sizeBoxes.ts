import { displayWidth } from "../../core/displayWidth.js";
import { internalError } from "../../core/linkplanError.js";
import type { DiagramGroup, DiagramNode } from "../graph/diagramGraph.js";
import { cleanLabel } from "../text/cleanLabel.js";
import { arrangeChildren, type ChildBox, DEFAULT_ASPECT } from "./arrangeChildren.js";
import type { LayoutNode } from "./layoutTree.js";
import type { Constraint } from "./orderByRank.js";
import { GROUP_ICON_CELLS, NODE_ICON_CELLS, NODE_ICON_ROWS, type ScenePoint } from "./scene.js";

/**
 * Where a group's children start: border + padding on the left; border, header and two
 * padding rows above (the first a corridor where edges can run under the header and turn
 * down into a child, the second the cells just outside the children's top borders).
 */
const CONTENT_X = 2;
const CONTENT_Y = 4;
/**
 * More cells each side of a group holding a bar across its AZ columns: the bar closes the
 * way down, so every edge from above it passes between the bar's ends and the group's
 * border; one cell there made unrelated edges share it (4 of 450 random scenes with two
 * more, against 14).
 */
const BAR_SIDE_EXTRA = 2;
/** More cells of padding and gutter in a group layout found crowded (see crowdedGroups). */
const ROOMY_CELLS = 2;
const NONE: ReadonlyMap<string, number> = new Map();
/** Rows under a group's children: padding + border. */
const CONTENT_BOTTOM = 2;
/** A group grows to show at most this much of its header; longer headers are cut. */
const MAX_HEADER_CELLS = 60;
const MIN_GROUP_WIDTH = 8;
const HEADER_SEPARATOR = " · ";
/** Cells after a marked box's first line for its finding mark: a space and "!". */
export const FINDING_MARK_CELLS = 2;

/** A box's size and text, and where its children go relative to its top-left. */
export interface Frame {
  width: number;
  height: number;
  lines: string[];
  /** cells of a group's header text (0 for nodes), and its icon's in icon layouts */
  headerWidth: number;
  /** where the header starts, cells right of the box's x (absent: 2; see PlacedBox) */
  headerFrom?: number;
  /** one per child, in the hierarchy's child order */
  offsets: ScenePoint[];
}

/**
 * cleanLabel and displayWidth, remembered per distinct text for one layout: labels repeat
 * a lot (the same services in every VPC) and measuring them is the costly part of sizing.
 */
class TextMeasure {
  private readonly cleaned = new Map<string, string>();
  private readonly widths = new Map<string, number>();

  clean(text: string): string {
    let out = this.cleaned.get(text);
    if (out === undefined) {
      out = cleanLabel(text);
      this.cleaned.set(text, out);
    }
    return out;
  }

  width(text: string): number {
    let out = this.widths.get(text);
    if (out === undefined) {
      out = displayWidth(text);
      this.widths.set(text, out);
    }
    return out;
  }
}

/** The AZ columns (child indices) a child is drawn across, or null. */
function acrossOf(item: LayoutNode["data"], azIndex: ReadonlyMap<string, number>): number[] | null {
  if (item.type !== "node" || item.across === undefined) return null;
  const columns = item.across
    .map((id) => azIndex.get(id))
    .filter((i): i is number => i !== undefined);
  return columns.length > 0 ? columns : null;
}

/** A node's text: label, detail, cost (absent ones skipped), each cleaned. */
function nodeLines(node: DiagramNode, measure: TextMeasure): string[] {
  const lines = [measure.clean(node.label)];
  if (node.detail !== null) lines.push(measure.clean(node.detail));
  if (node.cost !== null) lines.push(measure.clean(node.cost));
  return lines;
}

/** A group's header: label · detail · cost, each part cleaned, empty ones skipped. */
function groupHeader(group: DiagramGroup, measure: TextMeasure): string {
  const parts: string[] = [];
  for (const part of [group.label, group.detail, group.cost]) {
    const text = part === null ? "" : measure.clean(part);
    if (text !== "") parts.push(text);
  }
  return parts.join(HEADER_SEPARATOR);
}

/**
 * Size every box bottom-up (d3 `eachAfter`): a node fits its text lines plus border and
 * one space each side, and a marked node (error findings) its first line plus " !"; a
 * group fits its header (up to MAX_HEADER_CELLS, plus " !" when marked) and its children
 * as arranged by `arrangeChildren`, inside a padding of one cell. A VPC's AZ columns get
 * the height of the tallest, and a load balancer drawn across AZ columns their width (see
 * childUnits). The root's frame is the top-level arrangement (no border). With `icons`
 * (SVG, PNG and draw.io), a node also has NODE_ICON_ROWS rows above its text for its icon
 * and is at least NODE_ICON_CELLS wide inside, and a group's header has GROUP_ICON_CELLS
 * more cells in front of its text for the group icon.
 */
export function sizeBoxes(
  root: LayoutNode,
  constraints: ReadonlyMap<LayoutNode, readonly Constraint[]>,
  icons = false,
  aspect: number = DEFAULT_ASPECT,
  roomy: ReadonlyMap<string, number> = NONE,
): Map<LayoutNode, Frame> {
  const nodeRows = icons ? NODE_ICON_ROWS : 0;
  const nodeMinWidth = icons ? NODE_ICON_CELLS : 0;
  const headerIcon = icons ? GROUP_ICON_CELLS : 0;
  const frames = new Map<LayoutNode, Frame>();
  const measure = new TextMeasure();
  root.eachAfter((n) => {
    const d = n.data;
    if (d.type === "node") {
      const lines = nodeLines(d, measure);
      let width = 0;
      for (const line of lines) width = Math.max(width, measure.width(line));
      if (d.findings && d.findings.length > 0)
        width = Math.max(width, measure.width(lines[0] ?? "") + FINDING_MARK_CELLS);
      width = Math.max(width, nodeMinWidth) + 4;
      const height = lines.length + 2 + nodeRows;
      frames.set(n, { width, height, lines, headerWidth: 0, offsets: [] });
      return;
    }
    const kids = n.children ?? [];
    const kidFrames = kids.map((k) => {
      const frame = frames.get(k);
      if (!frame) throw internalError("layout: child sized before its parent");
      return frame;
    });
    const inVpc = d.type === "group" && d.kind === "vpc";
    const azIndex = new Map<string, number>();
    if (inVpc)
      kids.forEach((k, i) => {
        if (k.data.type === "group" && k.data.kind === "az") azIndex.set(k.data.id, i);
      });
    const boxes: ChildBox[] = kids.map((k, i) => ({
      width: kidFrames[i]?.width ?? 0,
      height: kidFrames[i]?.height ?? 0,
      azColumn: azIndex.has(k.data.id),
      across: acrossOf(k.data, azIndex),
    }));
    const extra = ROOMY_CELLS * (roomy.get(d.id) ?? 0);
    const arrangement = arrangeChildren(
      boxes,
      constraints.get(n) ?? [],
      d.type === "root",
      aspect,
      extra,
    );
    kidFrames.forEach((frame, i) => {
      frame.height = arrangement.heights[i] ?? frame.height;
      frame.width = arrangement.widths[i] ?? frame.width;
    });
    if (d.type === "root") {
      frames.set(n, {
        width: arrangement.width,
        height: arrangement.height,
        lines: [],
        headerWidth: 0,
        offsets: arrangement.offsets,
      });
      return;
    }
    const sideX = CONTENT_X + extra + (boxes.some((b) => b.across !== null) ? BAR_SIDE_EXTRA : 0);
    const header = groupHeader(d, measure);
    // a marked group keeps room for the mark after its header (the header is cut for it)
    const mark = d.findings && d.findings.length > 0 ? FINDING_MARK_CELLS : 0;
    const width = Math.max(
      arrangement.width + 2 * sideX,
      Math.min(measure.width(header), MAX_HEADER_CELLS) + 4 + mark + headerIcon,
      MIN_GROUP_WIDTH,
    );
    const room = width - 4 - mark - headerIcon;
    const line = measure.width(header) <= room ? header : cleanLabel(header, room);
    frames.set(n, {
      width,
      height: kids.length > 0 ? CONTENT_Y + arrangement.height + CONTENT_BOTTOM + extra : 3,
      lines: [line],
      // edges keep off the mark and the icon (from the padding column on) as off the header
      headerWidth: measure.width(line) + mark + (icons ? headerIcon + 1 : 0),
      ...(icons ? { headerFrom: 1 } : {}),
      offsets: arrangement.offsets.map((o) => ({ x: o.x + sideX, y: o.y + CONTENT_Y })),
    });
  });
  return frames;
}
