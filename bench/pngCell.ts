import { diagramFonts } from "../src/api/diagramFontFiles.js";
import {
  DIAGRAM_LIMITS,
  fittingScale,
  NO_DIAGRAM_LIMITS,
  scaledSize,
} from "../src/diagram/diagramLimits.js";
import { PNG_SCALE } from "../src/diagram/png/renderPng.js";
import type { Topology } from "../src/index.js";
import { type CpuTiming, measureCpu } from "./measure.js";

/** A format drawn at one size: median time, output bytes (and the PNG's scale). */
export interface DrawnCell {
  drawn: true;
  timing: CpuTiming;
  bytes: number;
  scale?: number;
}
/** A PNG over maxPngPixels even at the least scale: not drawn; how long drawTopologyPng took to refuse. */
export interface OverCell {
  drawn: false;
  pixels: number;
  scale: number;
  refusedMs: number;
}
export type FormatCell = DrawnCell | OverCell;

/** The SVG's width and height in px (its root element's attributes: the PNG's size at scale 1). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg [^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!root) throw new Error("no width and height on the SVG's root element");
  return { width: Number(root[1]), height: Number(root[2]) };
}

/**
 * A diagram's PNG cell in the formats benchmark: drawTopologyPng (detail "vpcs") timed at
 * the default scale, else at the largest scale that fits (at most 1, at least
 * PNG_SCALE.min), within the default maxPngPixels (the other limits off); over it even at
 * PNG_SCALE.min, one timed call that is refused. `svg` is the same
 * diagram's SVG (drawTopology, format svg), whose size gives the PNG's; `lib` is the
 * library timed (the shipped build, see shippedBuild.ts).
 */
export async function pngCell(
  lib: Pick<typeof import("../src/index.js"), "drawTopologyPng" | "LinkplanError">,
  topology: Topology,
  svg: string,
  runs: number,
  warmUps: number,
  settle?: () => void,
): Promise<FormatCell> {
  const { width, height } = svgSize(svg);
  const pixels = (scale: number): number => {
    const size = scaledSize(width, height, scale);
    return size.width * size.height;
  };
  const limits = { ...NO_DIAGRAM_LIMITS, maxPngPixels: DIAGRAM_LIMITS.maxPngPixels };
  // the fonts as the CLI and the API pass them
  const fonts = diagramFonts();
  // the default scale, else the largest that fits (as the error's remedy says), at least the least
  const fits = Math.min(1, fittingScale(width, height, limits.maxPngPixels));
  const scale = [PNG_SCALE.default, fits].find(
    (s) => s >= PNG_SCALE.min && pixels(s) <= limits.maxPngPixels,
  );
  if (scale === undefined) {
    const start = performance.now();
    const refused = await lib
      .drawTopologyPng(topology, {
        ...fonts,
        scale: PNG_SCALE.min,
        limits,
      })
      .then(
        () => false,
        (error: unknown) => {
          if (error instanceof lib.LinkplanError && error.code === "diagram_too_large") return true;
          throw error;
        },
      );
    if (!refused) throw new Error("drawTopologyPng drew a PNG over maxPngPixels");
    return {
      drawn: false,
      pixels: pixels(PNG_SCALE.min),
      scale: PNG_SCALE.min,
      refusedMs: performance.now() - start,
    };
  }
  let bytes = 0;
  const timing = await measureCpu(
    async () => {
      bytes = (await lib.drawTopologyPng(topology, { ...fonts, scale, limits })).byteLength;
    },
    runs,
    warmUps,
    1,
    settle,
  );
  return { drawn: true, timing, bytes, scale };
}

/**
 * A diagram's PNG cell drawn at PNG_SCALE.min with no size limit at all (maxPngPixels
 * lifted, for the benchmark only): every size drawn at one scale, so PNG's time has a growth
 * figure. A 2,000-VPC diagram is ~350 M px and ~4 GB of memory at that scale.
 */
export async function uncappedPngCell(
  lib: Pick<typeof import("../src/index.js"), "drawTopologyPng">,
  topology: Topology,
  runs: number,
  warmUps: number,
  settle?: () => void,
): Promise<FormatCell> {
  const request = { ...diagramFonts(), scale: PNG_SCALE.min, limits: NO_DIAGRAM_LIMITS };
  let bytes = 0;
  const timing = await measureCpu(
    async () => {
      bytes = (await lib.drawTopologyPng(topology, request)).byteLength;
    },
    runs,
    warmUps,
    1,
    settle,
  );
  return { drawn: true, timing, bytes, scale: request.scale };
}
