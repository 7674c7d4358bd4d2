import { existsSync } from "node:fs";
import { LinkplanError } from "../core/linkplanError.js";
import { FONT_SUBSET_RANGES, type PngFontSubset } from "../diagram/png/fontSubset.js";
import { packagePath } from "./packageRoot.js";

/**
 * The fonts linkplan ships for PNG diagrams (assets/fonts/, with their licence), each with
 * its subset (made by scripts/subsetFonts.ts).
 */
export const BUNDLED_FONTS: readonly { full: string; subset: string }[] = [
  { full: "DejaVuSans.ttf", subset: "DejaVuSans-Subset.ttf" },
  { full: "DejaVuSans-Bold.ttf", subset: "DejaVuSans-Bold-Subset.ttf" },
];

/** The paths of bundled font files, checked. */
function bundledFonts(names: readonly string[]): string[] {
  const files = names.map((file) => packagePath("assets", "fonts", file));
  const missing = files.find((file) => !existsSync(file));
  if (missing) {
    throw new LinkplanError(
      "internal_error",
      `the font file ${missing} is missing: linkplan's files are not where it was installed`,
    );
  }
  return files;
}

/**
 * The paths of the bundled font files PNG diagrams are set in (DejaVu Sans, regular and
 * bold): the same fonts on every machine, whatever fonts it has installed. Used by the
 * command line and the API (the context's `fontFiles`).
 *
 * @throws LinkplanError("internal_error") when a file is missing (an incomplete install)
 */
export function diagramFontFiles(): string[] {
  return bundledFonts(BUNDLED_FONTS.map((font) => font.full));
}

/**
 * The bundled fonts' subsets and the characters they cover (the context's `fontSubset`):
 * a PNG whose text is all in them is set in these, the same pixels drawn ~3× faster.
 *
 * @throws LinkplanError("internal_error") when a file is missing (an incomplete install)
 */
export function diagramFontSubset(): PngFontSubset {
  return {
    files: bundledFonts(BUNDLED_FONTS.map((font) => font.subset)),
    ranges: FONT_SUBSET_RANGES,
  };
}

/**
 * The fonts of PNG diagrams as an operation's context holds them: the bundled fonts and
 * their subsets (the command line's and the API's, from this one place).
 *
 * @throws LinkplanError("internal_error") when a file is missing (an incomplete install)
 */
export function diagramFonts(): { fontFiles: string[]; fontSubset: PngFontSubset } {
  return { fontFiles: diagramFontFiles(), fontSubset: diagramFontSubset() };
}
