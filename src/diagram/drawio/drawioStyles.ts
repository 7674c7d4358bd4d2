import { CELL_HEIGHT, NODE_ICON_ROWS, type SceneBox, type SceneEdge } from "../layout/scene.js";
import { boxClass, nodeCategory } from "../svg/boxClass.js";
import {
  ADDED_COLOUR,
  CHANGED_COLOUR,
  FINDING_COLOUR,
  LABEL_FONT_SIZE,
  PRIVATELINK_COLOUR,
  REMOVED_COLOUR,
} from "../svg/svgTheme.js";

/**
 * draw.io (mxGraph) styles of the Scene's boxes and edges: groups as draw.io's AWS 2019+
 * ("aws4") group shapes with their group icons, nodes as boxes in the AWS service category
 * colours with an aws4 resource icon, edges in the SVG's line styles. Every value here is
 * a constant of linkplan's (never user text), so a style string needs no escaping beyond
 * XML's.
 */

/** The colours of one theme (the SVG's palettes). */
export interface DrawioPalette {
  background: string;
  text: string;
  edge: string;
  nodeFill: string;
  /** group labels in their group's colour (light) or the text colour (dark) */
  groupLabels: boolean;
}

export const DRAWIO_LIGHT: Readonly<DrawioPalette> = {
  background: "#FFFFFF",
  text: "#232F3E",
  edge: "#545B64",
  nodeFill: "#FFFFFF",
  groupLabels: true,
};

export const DRAWIO_DARK: Readonly<DrawioPalette> = {
  background: "#0F1419",
  text: "#E6EAF0",
  edge: "#A7B1BD",
  nodeFill: "#1A222D",
  groupLabels: false,
};

/** `key=value;` pairs in order (draw.io's style syntax). */
function style(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([key, value]) => `${key}=${value};`)
    .join("");
}

interface GroupLook {
  /** the aws4 group icon (none: a plain rectangle, as draw.io's AZ and generic groups) */
  icon: string | null;
  stroke: string;
  label: string;
  fill: string;
  dashed: boolean;
}

const GROUPS: Readonly<Record<string, GroupLook>> = {
  account: {
    icon: "group_account",
    stroke: "#CD2264",
    label: "#CD2264",
    fill: "none",
    dashed: false,
  },
  region: { icon: "group_region", stroke: "#00A4A6", label: "#147EBA", fill: "none", dashed: true },
  vpc: { icon: "group_vpc2", stroke: "#8C4FFF", label: "#8C4FFF", fill: "none", dashed: false },
  az: { icon: null, stroke: "#147EBA", label: "#147EBA", fill: "none", dashed: true },
  "subnet-private": {
    icon: "group_security_group",
    stroke: "#00A4A6",
    label: "#147EBA",
    fill: "#E6F6F7",
    dashed: false,
  },
  "subnet-public": {
    icon: "group_security_group",
    stroke: "#7AA116",
    label: "#248814",
    fill: "#F2F6E8",
    dashed: false,
  },
  external: { icon: null, stroke: "#5A6C86", label: "#5A6C86", fill: "none", dashed: true },
};

/** Dark subnet fills (the SVG's). */
const DARK_SUBNET_FILL: Readonly<Record<string, string>> = {
  "subnet-private": "#0E2A2D",
  "subnet-public": "#1D2612",
};

/** The group's look: its kind, a subnet's tier read as renderSvg reads it. */
function groupKey(box: SceneBox): string {
  if (box.kind !== "subnet") return box.kind;
  return boxClass(box).includes("lp-g-subnet-public") ? "subnet-public" : "subnet-private";
}

/** AWS service category colours (the SVG's node strokes; the icons' fills). */
const CATEGORY_COLOUR: Readonly<Record<string, string>> = {
  networking: "#8C4FFF",
  compute: "#ED7100",
  storage: "#7AA116",
  security: "#DD344C",
  dns: "#8C4FFF",
  generic: "#5A6C86",
};

/** draw.io's aws4 icon of a node kind: a resource icon shape or a service tile (resIcon). */
interface Icon {
  shape: string;
  tile: boolean;
  colour?: string;
}

const ICONS: Readonly<Record<string, Icon>> = {
  workload: { shape: "compute", tile: true },
  service: { shape: "compute", tile: true },
  "interface-endpoint": { shape: "endpoints", tile: false },
  "gateway-endpoint": { shape: "endpoints", tile: false },
  "gwlb-endpoint": { shape: "endpoints", tile: false },
  "endpoint-service": { shape: "vpc_privatelink", tile: true },
  "load-balancer": { shape: "network_load_balancer", tile: false },
  "nat-gateway": { shape: "nat_gateway", tile: false },
  "transit-gateway": { shape: "transit_gateway", tile: true },
  "tgw-attachment": { shape: "transit_gateway_attachment", tile: false },
  "route-table": { shape: "route_table", tile: false },
  "hosted-zone": { shape: "hosted_zone", tile: false },
  saas: { shape: "marketplace", tile: true },
};

/** An AWS service node's icon by its name (S3, DynamoDB), else the storage category's. */
function awsServiceIcon(box: SceneBox): Icon {
  const name = box.lines[0] ?? "";
  if (/dynamodb/i.test(name)) return { shape: "dynamodb", tile: true, colour: "#C925D1" };
  if (/\bs3\b/i.test(name)) return { shape: "s3", tile: true };
  return { shape: "storage", tile: true };
}

/** Side of a node's icon, px, and its margin from the node's left border. */
export const ICON_SIZE = 24;
export const ICON_MARGIN = 8;

/** The style of a group box. */
export function groupStyle(box: SceneBox, palette: DrawioPalette): string {
  const key = groupKey(box);
  const look = GROUPS[key] ?? (GROUPS.external as GroupLook);
  const fill = palette === DRAWIO_DARK ? (DARK_SUBNET_FILL[key] ?? look.fill) : look.fill;
  const common = {
    fillColor: fill,
    strokeColor: look.stroke,
    fontColor: palette.groupLabels ? look.label : palette.text,
    fontSize: 12,
    verticalAlign: "top",
    align: "left",
    dashed: look.dashed ? 1 : 0,
    container: 1,
    collapsible: 0,
    recursiveResize: 0,
    pointerEvents: 0,
  };
  const shape: Record<string, string | number> = look.icon
    ? {
        shape: "mxgraph.aws4.group",
        grIcon: `mxgraph.aws4.${look.icon}`,
        ...(key.startsWith("subnet") ? { grStroke: 0 } : {}),
        outlineConnect: 0,
        spacingLeft: 30,
      }
    : { rounded: 0, spacingLeft: 8, spacingTop: 2 };
  return style({ ...shape, ...common, ...statusLook(box.status, true) });
}

/**
 * Where a node's icon starts below the top of its rectangle in an icon layout, px: the
 * SVG's (one cell row down from the grid row of the border, one pixel more).
 */
export const NODE_ICON_TOP = CELL_HEIGHT / 2 + 1;
/** Where its text starts below the top of its rectangle: under the icon rows, px. */
const NODE_TEXT_TOP = CELL_HEIGHT * (NODE_ICON_ROWS + 0.5);

/**
 * The style of a node box (its icon is a child cell: nodeIconStyle): in an icon layout its
 * text centred under the icon, as the SVG draws AWS resources; else beside the icon.
 */
export function nodeStyle(box: SceneBox, palette: DrawioPalette, icons = false): string {
  const text: Record<string, string | number> = icons
    ? { align: "center", verticalAlign: "top", spacingTop: NODE_TEXT_TOP, spacingLeft: 4 }
    : { align: "left", verticalAlign: "middle", spacingLeft: ICON_MARGIN + ICON_SIZE + 2 };
  return style({
    rounded: 1,
    arcSize: 12,
    absoluteArcSize: 1,
    fillColor: palette.nodeFill,
    strokeColor: CATEGORY_COLOUR[nodeCategory(box.kind)] ?? palette.edge,
    strokeWidth: 1.5,
    fontColor: palette.text,
    fontSize: 11,
    ...text,
    spacingRight: 4,
    ...statusLook(box.status, false),
  });
}

/** The style of a node's aws4 icon, or null for a kind without one. */
export function nodeIconStyle(box: SceneBox): string | null {
  const icon = box.kind === "aws-service" ? awsServiceIcon(box) : ICONS[box.kind];
  if (!icon) return null;
  const colour = icon.colour ?? CATEGORY_COLOUR[nodeCategory(box.kind)] ?? "#5A6C86";
  const shape: Record<string, string> = icon.tile
    ? {
        shape: "mxgraph.aws4.resourceIcon",
        resIcon: `mxgraph.aws4.${icon.shape}`,
        strokeColor: "#FFFFFF",
      }
    : { shape: `mxgraph.aws4.${icon.shape}`, strokeColor: "none" };
  return style({
    ...shape,
    fillColor: colour,
    outlineConnect: 0,
    aspect: "fixed",
    connectable: 0,
  });
}

/** A round badge on a box's corner: white bold text on `fill`. */
function badgeStyle(fill: string, fontSize: number): string {
  return style({
    shape: "ellipse",
    perimeter: "ellipsePerimeter",
    fillColor: fill,
    strokeColor: "#FFFFFF",
    fontColor: "#FFFFFF",
    fontStyle: 1,
    fontSize,
    align: "center",
    verticalAlign: "middle",
    connectable: 0,
  });
}

/** The red badge of a box with error findings. */
export function findingStyle(): string {
  return badgeStyle(FINDING_COLOUR, 11);
}

/** The badge of a box of a comparison: green "+", red "−" or amber "~" (the SVG's). */
export function markStyle(status: SceneBox["status"]): string {
  const fill =
    status === "added" ? ADDED_COLOUR : status === "removed" ? REMOVED_COLOUR : CHANGED_COLOUR;
  return badgeStyle(fill, 12);
}

/**
 * Added: green and thicker; removed: red, dashed and faded; changed: amber and thicker (the
 * SVG's marks).
 */
function statusLook(status: SceneBox["status"], group: boolean): Record<string, string | number> {
  if (status === "added") return { strokeColor: ADDED_COLOUR, strokeWidth: 2.5 };
  if (status === "changed") return { strokeColor: CHANGED_COLOUR, strokeWidth: 2.5 };
  if (status === "removed") {
    return {
      strokeColor: REMOVED_COLOUR,
      dashed: 1,
      dashPattern: "5 3",
      opacity: 60,
      textOpacity: 60,
      ...(group ? {} : { strokeWidth: 1.5 }),
    };
  }
  return {};
}

/** The style of an edge: line kind and status as in the SVG, exit and entry points. */
export function edgeStyle(edge: SceneEdge, palette: DrawioPalette, ends: string): string {
  const line: Record<string, string | number> = { strokeColor: palette.edge, strokeWidth: 1.5 };
  if (edge.kind === "privatelink")
    Object.assign(line, { strokeColor: PRIVATELINK_COLOUR, strokeWidth: 2 });
  if (edge.kind === "alias") Object.assign(line, { dashed: 1, dashPattern: "4 3" });
  if (edge.kind === "route") Object.assign(line, { dashed: 1, dashPattern: "2 3" });
  if (edge.status === "added") Object.assign(line, { strokeColor: ADDED_COLOUR, strokeWidth: 2.5 });
  if (edge.status === "removed") {
    Object.assign(line, {
      strokeColor: REMOVED_COLOUR,
      dashed: 1,
      dashPattern: "6 4",
      opacity: 60,
    });
  }
  return (
    style({
      edgeStyle: "none",
      rounded: 0,
      orthogonalLoop: 1,
      endArrow: "block",
      endFill: 1,
      endSize: 6,
      ...line,
      fontColor: palette.text,
      fontSize: LABEL_FONT_SIZE,
      labelBackgroundColor: palette.background,
    }) + ends
  );
}

/** The exit and entry points of an edge on its boxes' borders, as fractions of each box. */
export function endsStyle(
  exit: { x: number; y: number } | null,
  entry: { x: number; y: number } | null,
): string {
  const f = (n: number) => String(Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000);
  return (
    (exit
      ? style({ exitX: f(exit.x), exitY: f(exit.y), exitDx: 0, exitDy: 0, exitPerimeter: 0 })
      : "") +
    (entry
      ? style({ entryX: f(entry.x), entryY: f(entry.y), entryDx: 0, entryDy: 0, entryPerimeter: 0 })
      : "")
  );
}
