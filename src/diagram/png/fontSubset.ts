/** A range of Unicode code points, first and last included. */
export type CodeRange = readonly [first: number, last: number];

/**
 * Subsets of a PNG's font files (the same fonts, fewer glyphs: `files`, in the order of
 * the full ones) and the code points they cover. A picture whose every character is in
 * `ranges` is set in these instead: the same glyphs, so the same pixels, but resvg reads
 * a font file again for each glyph it draws, and a smaller file reads faster.
 */
export interface PngFontSubset {
  files: readonly string[];
  /** ascending, not overlapping */
  ranges: readonly CodeRange[];
}

/**
 * The code points of linkplan's bundled font subsets (assets/fonts/*-Subset.ttf, made by
 * scripts/subsetFonts.ts): Latin (ASCII, Latin-1, Latin Extended-A, Romanian's ș ț and
 * their capitals), general punctuation, currency and letterlike symbols, arrows and
 * mathematical operators. Left out are the few of those blocks whose picture the subset
 * would not draw as the full font does: currency and letterlike symbols DejaVu Sans has no
 * glyph for (the box drawn for a missing glyph differs between a font and its subset);
 * test/fontSubset.test.ts sets every character kept both ways. Everything linkplan writes
 * itself (· × … → − ≤ ≥) is in them; labels in other scripts are set in the full fonts.
 */
export const FONT_SUBSET_RANGES: readonly CodeRange[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x218, 0x21b],
  [0x2000, 0x206f],
  [0x20a0, 0x20b5],
  [0x20b8, 0x20ba],
  [0x20bd, 0x20bd],
  [0x2100, 0x2109],
  [0x210b, 0x2149],
  [0x214b, 0x214b],
  [0x214e, 0x214e],
  [0x2190, 0x22ff],
];

/** Tab, line feed and carriage return: white space between elements, never a glyph. */
function isSpaceControl(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Whether every character of `text` is in `ranges` (or is a tab or line break). One pass,
 * a range search only for characters past ASCII; a character outside the Basic
 * Multilingual Plane (a UTF-16 surrogate pair) is never covered.
 */
export function subsetCovers(text: string, ranges: readonly CodeRange[]): boolean {
  const ascii = ranges.some(([first, last]) => first <= 0x20 && last >= 0x7e);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (ascii && code >= 0x20 && code < 0x7f) continue;
    if (isSpaceControl(code)) continue;
    if (!inRanges(code, ranges)) return false;
  }
  return true;
}

function inRanges(code: number, ranges: readonly CodeRange[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (!range) return false;
    if (code < range[0]) hi = mid - 1;
    else if (code > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}
