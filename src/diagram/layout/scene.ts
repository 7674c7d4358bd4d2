import type {
  DiagramPricing,
  DiagramStatus,
  EdgeKind,
  GroupKind,
  ItemFinding,
  NodeKind,
} from "../graph/diagramGraph.js";

/**
 * Scene: a laid-out diagram on a character grid (integer cells). Both rasterizers read
 * only the Scene: renderAscii draws one character per cell, renderSvg scales cells to
 * pixels (CELL_WIDTH × CELL_HEIGHT), so the terminal picture and the SVG match.
 *
 * A box covers cells x … x+width-1, y … y+height-1; its border is its outermost ring of
 * cells; its text lines start at (x+2, y+1). A child box lies strictly inside its parent's
 * border.
 */
export interface SceneBox {
  id: string;
  role: "group" | "node";
  kind: GroupKind | NodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** text lines drawn inside the box, top-left, already truncated to fit */
  lines: string[];
  /** id of the enclosing group box, null at top level */
  parent: string | null;
  depth: number;
  status: DiagramStatus;
  /**
   * error findings about what the box draws (absent when none): renderers mark the box,
   * and sizing left two cells after its first line for the mark (" !")
   */
  findings?: ItemFinding[];
  /** where what the box draws is written in Terraform, "address (file:line)"; absent when not imported */
  terraform?: string;
}

export interface ScenePoint {
  x: number;
  y: number;
}

export interface SceneEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label: string | null;
  /**
   * Orthogonal polyline in cells: consecutive points share x or y. The first point is the
   * cell just outside the source box's border, the last the cell just outside the target's
   * border (where the arrowhead is drawn).
   */
  points: ScenePoint[];
  /** where the label starts (left end), when there is one and room for it */
  labelAt: ScenePoint | null;
  status: DiagramStatus;
}

export interface Scene {
  title: string;
  /** the diagram's total and catalog (only when laid out from a priced graph) */
  pricing?: DiagramPricing;
  /**
   * laid out with room for icons (layout's `icons` option): each node has NODE_ICON_ROWS
   * rows above its text, each group header GROUP_ICON_CELLS cells before its text
   */
  icons?: boolean;
  width: number;
  height: number;
  /** parents before children */
  boxes: SceneBox[];
  edges: SceneEdge[];
}

/** SVG pixels per grid cell. */
export const CELL_WIDTH = 8;
export const CELL_HEIGHT = 18;

/** Rows above a node's text that an icon layout keeps for the node's icon. */
export const NODE_ICON_ROWS = 2;
/** Cells of text width a node gets at least in an icon layout (room for its icon). */
export const NODE_ICON_CELLS = 6;
/** Cells before a group's header text that an icon layout keeps for the group icon. */
export const GROUP_ICON_CELLS = 3;
