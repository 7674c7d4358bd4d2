import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GALLERY } from "../scripts/galleryImages.js";
import { diagramFontFiles } from "../src/api/diagramFontFiles.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { drawTopologyPng } from "../src/diagram/png/drawTopologyPng.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { browserRequired, findChromium, useBrowserPage } from "./helpers/browser.js";
import { type DecodedPng, decodePng } from "./helpers/decodePng.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";

/**
 * The SVG as a browser draws it and the PNG as resvg draws it are the same picture: every
 * example's SVG (light; three of them dark too) is rendered by headless Chromium and compared, pixel by
 * pixel with a tolerance for anti-aliasing and glyph hinting, with its PNG; the gallery's
 * SVGs with the committed PNGs of docs/gallery/ (its golden pictures).
 */

const skip = findChromium() === null && !browserRequired;

/** A pixel differs when a channel differs by more than this (of 255), over white. */
const PIXEL_TOLERANCE = 48;
/** At most this share of the pixels may differ (measured: 0.08–0.16 %, glyph edges). */
const MAX_PIXELS_DIFFERENT = 0.01;
/** An 8 × 8 block differs when a channel's mean differs by more than this. */
const BLOCK_TOLERANCE = 24;
/** At most this share of the blocks may differ (measured: none): shapes and text agree. */
const MAX_BLOCKS_DIFFERENT = 0.002;

interface Difference {
  pixels: number;
  blocks: number;
}

/** How much two pictures of one size differ, each composited over white. */
function difference(a: DecodedPng, b: DecodedPng): Difference {
  expect({ width: b.width, height: b.height }).toEqual({ width: a.width, height: a.height });
  const { width, height } = a;
  const blockCols = Math.ceil(width / 8);
  const sums = new Float64Array(blockCols * Math.ceil(height / 8) * 3);
  let pixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const block = (Math.floor(y / 8) * blockCols + Math.floor(x / 8)) * 3;
      const alphaA = (a.rgba[i + 3] ?? 0) / 255;
      const alphaB = (b.rgba[i + 3] ?? 0) / 255;
      let most = 0;
      for (let c = 0; c < 3; c++) {
        const va = (a.rgba[i + c] ?? 0) * alphaA + 255 * (1 - alphaA);
        const vb = (b.rgba[i + c] ?? 0) * alphaB + 255 * (1 - alphaB);
        most = Math.max(most, Math.abs(va - vb));
        sums[block + c] = (sums[block + c] ?? 0) + va - vb;
      }
      if (most > PIXEL_TOLERANCE) pixels++;
    }
  }
  let blocks = 0;
  for (let k = 0; k < sums.length; k += 3) {
    const most = Math.max(...[0, 1, 2].map((c) => Math.abs(sums[k + c] ?? 0) / 64));
    if (most > BLOCK_TOLERANCE) blocks++;
  }
  return { pixels: pixels / (width * height), blocks: blocks / (sums.length / 3) };
}

describe.skipIf(skip)("SVG in Chromium = PNG from resvg", () => {
  const page = useBrowserPage();
  const fontFiles = diagramFontFiles();

  /** The SVG drawn by Chromium at its own size, as an RGBA PNG (a canvas's). */
  async function inChromium(svg: string): Promise<DecodedPng> {
    const url = await page().evaluate(async (text) => {
      const img = new Image();
      img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      canvas.getContext("2d")?.drawImage(img, 0, 0);
      return canvas.toDataURL("image/png");
    }, svg);
    return decodePng(Buffer.from(url.replace(/^data:image\/png;base64,/, ""), "base64"));
  }

  it.each(EXAMPLE_NAMES)(
    "%s, light and dark",
    async (name) => {
      const topology = exampleTopology(name);
      for (const theme of ["light", "dark"] as const) {
        const svg = drawTopology(topology, { format: "svg", theme });
        const png = decodePng(await drawTopologyPng(topology, { fontFiles, scale: 1, theme }));
        const d = difference(await inChromium(svg), png);
        expect(d.pixels, `${name} ${theme}: pixels`).toBeLessThan(MAX_PIXELS_DIFFERENT);
        expect(d.blocks, `${name} ${theme}: blocks`).toBeLessThan(MAX_BLOCKS_DIFFERENT);
      }
    },
    60_000,
  );

  it.each(GALLERY)(
    "the gallery's $example against docs/gallery",
    async (entry) => {
      const topology = exampleTopology(entry.example);
      const request = { detail: entry.detail, estimate: estimate(topology, bundledCatalog()) };
      const svg = drawTopology(topology, { ...request, format: "svg" });
      const golden = decodePng(readFileSync(`docs/gallery/${entry.example}.png`));
      const d = difference(await inChromium(svg), golden);
      expect(d.pixels).toBeLessThan(MAX_PIXELS_DIFFERENT);
      expect(d.blocks).toBeLessThan(MAX_BLOCKS_DIFFERENT);
    },
    60_000,
  );

  it("tells different pictures apart (the light PNG against the dark SVG)", async () => {
    const topology = exampleTopology("prod");
    const dark = await inChromium(drawTopology(topology, { format: "svg", theme: "dark" }));
    const light = decodePng(await drawTopologyPng(topology, { fontFiles, scale: 1 }));
    const d = difference(dark, light);
    expect(d.pixels).toBeGreaterThan(0.5);
    expect(d.blocks).toBeGreaterThan(0.5);
  }, 60_000);
});
