import { LinkplanError } from "../../core/linkplanError.js";
import { checkDiagramLimit, DIAGRAM_LIMITS, pngSizeRemedy, scaledSize } from "../diagramLimits.js";
import type { Scene } from "../layout/scene.js";
import { renderSvg } from "../svg/renderSvg.js";
import { svgFrame } from "../svg/svgFrame.js";
import { type PngFontSubset, subsetCovers } from "./fontSubset.js";

/** The family the SVG's `sans-serif` (and any family not loaded) resolves to in PNG. */
export const PNG_FONT_FAMILY = "DejaVu Sans";

/** PNG pixels per SVG pixel: the default (crisp on a high-density screen) and the range. */
export const PNG_SCALE = { default: 2, min: 0.25, max: 4 } as const;

export interface RenderPngOptions {
  /** "light" (default) or "dark": the SVG's theme */
  theme?: "light" | "dark";
  /** PNG pixels per SVG pixel, PNG_SCALE.min to PNG_SCALE.max (default 2) */
  scale?: number;
  /**
   * TrueType/OpenType font files, the only fonts used (no system fonts, so the picture is
   * the same on every machine); one of them should be the family PNG_FONT_FAMILY. The CLI
   * and the API pass linkplan's bundled DejaVu Sans.
   */
  fontFiles: readonly string[];
  /**
   * subsets of `fontFiles` (same fonts, fewer glyphs) used instead when every character of
   * the picture is in their ranges: the same pixels, text read ~3× faster (the CLI and
   * the API pass linkplan's bundled subsets, see FONT_SUBSET_RANGES)
   */
  fontSubset?: PngFontSubset | undefined;
  /** most pixels, width × height (default DIAGRAM_LIMITS.maxPngPixels) */
  maxPixels?: number;
}

/**
 * Width and height in pixels of a Scene's PNG at `scale`: the SVG's size × scale, rounded
 * to the nearest pixel as resvg rounds it (at least one).
 */
export function pngSize(scene: Scene, scale: number): { width: number; height: number } {
  const frame = svgFrame(scene);
  return scaledSize(frame.width, frame.height, scale);
}

/**
 * The options renderPng gives resvg (the part of its ResvgRenderOptions it sets, spelled
 * out here: the library's declarations do not depend on resvg's, which need Node's).
 */
interface ResvgOptions {
  fitTo: { mode: "zoom"; value: number };
  font: {
    loadSystemFonts: false;
    fontFiles: string[];
    defaultFontFamily: string;
    sansSerifFamily: string;
  };
  logLevel: "off";
}

/**
 * resvg's options for a PNG at `scale` set in `fontFiles` only: no system fonts, every
 * family (the SVG's `sans-serif` included) resolving to PNG_FONT_FAMILY, no log.
 */
export function resvgOptions(fontFiles: readonly string[], scale: number): ResvgOptions {
  return {
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles],
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
    logLevel: "off",
  };
}

/** The scale asked for, checked: a number in PNG_SCALE's range. */
export function checkedScale(scale: number | undefined): number {
  const value = scale ?? PNG_SCALE.default;
  if (Number.isFinite(value) && value >= PNG_SCALE.min && value <= PNG_SCALE.max) return value;
  throw new LinkplanError("invalid_option", "invalid PNG scale", [
    { path: "scale", message: `must be ${PNG_SCALE.min} to ${PNG_SCALE.max}, got ${value}` },
  ]);
}

/**
 * Draw a Scene as a PNG: renderSvg's picture rasterized by resvg (@resvg/resvg-js, a native
 * module, loaded on the first call), at `scale` pixels per SVG pixel, its text set in the
 * given font files only (their subset when it covers the whole picture). The same Scene,
 * theme, scale and fonts give the same bytes.
 *
 * @throws LinkplanError("diagram_too_large") when width × height is over `maxPixels`
 *   (checked before anything is drawn)
 * @throws LinkplanError("invalid_option") for a scale out of range or no font files
 */
export async function renderPng(scene: Scene, options: RenderPngOptions): Promise<Uint8Array> {
  const scale = checkedScale(options.scale);
  if (options.fontFiles.length === 0) {
    throw new LinkplanError("invalid_option", "a PNG needs at least one font file (fontFiles)");
  }
  const frame = svgFrame(scene);
  const { width, height } = scaledSize(frame.width, frame.height, scale);
  const limit = options.maxPixels ?? DIAGRAM_LIMITS.maxPngPixels;
  checkDiagramLimit(
    width * height,
    limit,
    `pixels (${width} × ${height} at scale ${scale})`,
    "maxPngPixels",
    () => pngSizeRemedy(frame.width, frame.height, limit, PNG_SCALE.min),
  );
  const svg = renderSvg(scene, { theme: options.theme ?? "light" });
  const subset = options.fontSubset;
  // resvg reads a font file again for every glyph it sets (73,000 times for a 100-VPC
  // diagram), so the smaller file, when it has every glyph, takes a third of the time
  const fontFiles =
    subset && subset.files.length > 0 && subsetCovers(svg, subset.ranges)
      ? subset.files
      : options.fontFiles;
  // loaded here, not at the top: importing linkplan must not load a native module
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, resvgOptions(fontFiles, scale));
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
