/**
 * `npx tsx scripts/subsetFonts.ts`: writes assets/fonts/*-Subset.ttf, the subsets of the
 * bundled DejaVu Sans that PNG diagrams are set in when their text allows (see
 * src/diagram/png/fontSubset.ts): every glyph of FONT_SUBSET_RANGES the font has, with
 * what HarfBuzz's subsetter keeps of the layout tables for them (GPOS kerning and the
 * ligatures; the legacy `kern` table goes, which a shaper does not read when GPOS kerns),
 * its hinting dropped (resvg draws outlines unhinted, so the pixels do not change), and
 * the licence's name records kept beside the copyright. Made by `subset-font` (HarfBuzz,
 * a devDependency); test/fontSubset.test.ts fails when a committed file differs from what
 * this script writes. The names stay "DejaVu Sans": the Bitstream Vera and Arev licences
 * (assets/fonts/LICENSE-DejaVu.txt) allow modified fonts whose names do not contain
 * "Bitstream", "Vera", "Arev" or "Tavmjong Bah".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";
import { BUNDLED_FONTS } from "../src/api/diagramFontFiles.js";
import { packagePath } from "../src/api/packageRoot.js";
import { FONT_SUBSET_RANGES } from "../src/diagram/png/fontSubset.js";

/** Every character of FONT_SUBSET_RANGES, in order. */
function subsetText(): string {
  let text = "";
  for (const [first, last] of FONT_SUBSET_RANGES) {
    for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  }
  return text;
}

/** The subset of a font file's bytes (the same bytes for the same input and subsetter). */
export async function fontSubsetBytes(full: Uint8Array): Promise<Uint8Array> {
  // subset-font 2.9's noHinting, which @types/subset-font 2.3 does not list yet
  const options: Parameters<typeof subsetFont>[2] & { noHinting: boolean } = {
    targetFormat: "truetype",
    noHinting: true,
    // beside names 0–6 (copyright, family, …): the vendor and designer URLs, the licence
    // and its URL
    preserveNameIds: [8, 11, 13, 14],
  };
  const bytes = await subsetFont(Buffer.from(full), subsetText(), options);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A bundled font's path (assets/fonts/). */
const fontPath = (file: string): string => packagePath("assets", "fonts", file);

async function main(): Promise<void> {
  for (const { full, subset } of BUNDLED_FONTS) {
    const source = readFileSync(fontPath(full));
    const bytes = await fontSubsetBytes(source);
    writeFileSync(fontPath(subset), bytes);
    console.log(`${subset}: ${bytes.byteLength} bytes (${full}: ${source.byteLength})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
