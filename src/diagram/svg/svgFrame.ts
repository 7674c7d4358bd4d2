import { displayWidth } from "../../core/displayWidth.js";
import { CELL_HEIGHT, CELL_WIDTH, type Scene } from "../layout/scene.js";
import { cleanLabel } from "../text/cleanLabel.js";
import { LEGEND_ROW, type LegendLayout, layoutLegend, legendEntries } from "./drawLegend.js";
import { xmlChars } from "./xmlText.js";

/** Space around everything, px. */
const PAD = 16;
/** Title and subtitle font sizes, px. */
export const TITLE_FONT_SIZE = 18;
export const SUBTITLE_FONT_SIZE = 12;
/** The AWS Cloud group: its border this far outside the scene's left and right, px. */
const CLOUD_SIDE = 8;
/** Height of the AWS Cloud group's header (icon and label) above the scene's first row. */
const CLOUD_HEADER = 32;
/** A legend wraps at the diagram's width, but never narrower than this, px. */
const MIN_LEGEND_WIDTH = 420;
/** A title never widens the canvas past this (longer ones are drawn smaller), px. */
const MAX_TITLE_WIDTH = 960;
/** The title block shows this many cells of the title at most (then "…"). */
export const MAX_TITLE_CELLS = 72;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where renderSvg puts each part of a diagram on its canvas: the title block at the top
 * (the topology's name; "Total $…/mo · catalog …" under it when priced), the AWS Cloud
 * group around the scene, the scene itself (drawn translated to `scene.x`, `scene.y`) and
 * the legend under the cloud. Pure: renderPng sizes its image from it before drawing.
 */
export interface SvgFrame {
  width: number;
  height: number;
  /** the title as shown (cut to MAX_TITLE_CELLS); the <title> element has all of it */
  title: { text: string; x: number; y: number };
  subtitle: { text: string; x: number; y: number } | null;
  /** the AWS Cloud group's rectangle; null for an empty scene */
  cloud: Box | null;
  /** the scene's origin on the canvas and its size, px */
  scene: Box;
  legend: { layout: LegendLayout; x: number; y: number };
}

/** The diagram's title: the scene's, XML-safe, or "linkplan diagram". */
export function diagramTitle(scene: Scene): string {
  return xmlChars(scene.title).trim() || "linkplan diagram";
}

/** A generous width estimate of text at `size` px in the stylesheet's fonts. */
function estimate(text: string, size: number, em = 0.62): number {
  return Math.ceil(displayWidth(text) * size * em);
}

export function svgFrame(scene: Scene): SvgFrame {
  const sceneWidth = Math.max(0, scene.width) * CELL_WIDTH;
  const sceneHeight = Math.max(0, scene.height) * CELL_HEIGHT;
  const title = cleanLabel(diagramTitle(scene), MAX_TITLE_CELLS);
  // a catalog's name is the user's (a --catalog file): cut like the title
  const subtitle = scene.pricing
    ? cleanLabel(
        xmlChars(`Total ${scene.pricing.total} · prices: catalog ${scene.pricing.catalog}`),
        2 * MAX_TITLE_CELLS,
      )
    : null;
  const titleY = PAD + 16;
  const subtitleY = titleY + 21;
  const titleBottom = (subtitle === null ? titleY : subtitleY) + 6;

  const empty = scene.boxes.length === 0 && scene.edges.length === 0;
  const cloudWidth = empty ? sceneWidth : sceneWidth + 2 * CLOUD_SIDE;
  const top = titleBottom + 12;
  // the scene's first row (a margin, never drawn on) sits under the cloud's header
  const sceneY = empty ? top : top + CLOUD_HEADER - CELL_HEIGHT;
  const sceneBox = {
    x: PAD + (empty ? 0 : CLOUD_SIDE),
    y: sceneY,
    width: sceneWidth,
    height: sceneHeight,
  };
  // the cloud's bottom border is 16px under the last row of content (a margin row above it)
  const cloud = empty
    ? null
    : { x: PAD, y: top, width: cloudWidth, height: sceneY + sceneHeight - 2 - top };
  const bodyBottom = cloud ? cloud.y + cloud.height : sceneY + sceneHeight;

  const entries = legendEntries(scene);
  const legend = layoutLegend(entries, Math.max(cloudWidth, MIN_LEGEND_WIDTH));
  const legendY = bodyBottom + 14;
  const height = legend.rows > 0 ? legendY + legend.rows * LEGEND_ROW + PAD - 4 : bodyBottom + PAD;

  const titleWidth = Math.max(
    estimate(title, TITLE_FONT_SIZE, 0.68),
    subtitle === null ? 0 : estimate(subtitle, SUBTITLE_FONT_SIZE),
  );
  const width = 2 * PAD + Math.max(cloudWidth, legend.width, Math.min(titleWidth, MAX_TITLE_WIDTH));
  return {
    width,
    height,
    title: { text: title, x: PAD, y: titleY },
    subtitle: subtitle === null ? null : { text: subtitle, x: PAD, y: subtitleY },
    cloud,
    scene: sceneBox,
    legend: { layout: legend, x: PAD, y: legendY },
  };
}
