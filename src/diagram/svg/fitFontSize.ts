import { forEachCluster } from "../../core/displayWidth.js";

/**
 * Advance widths of printable ASCII (U+0020…U+007E) in thousandths of an em, from DejaVu
 * Sans: the widest font the stylesheet's stack (system-ui, Segoe UI, Helvetica, Arial,
 * sans-serif) resolves to on common systems, so estimates err on the wide side.
 */
const ASCII_EM: readonly number[] = [
  318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
  637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 705, 687, 699, 771, 632,
  576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 598, 732, 685, 989, 686,
  611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550, 635, 616, 345, 635, 634, 278, 278, 580,
  278, 975, 634, 612, 635, 635, 398, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];

/** Generous estimate of a grapheme cluster's advance, in thousandths of an em. */
function clusterEm(cluster: string, cells: number): number {
  const code = cluster.codePointAt(0) ?? 0;
  if (cluster.length === 1 && code >= 0x20 && code <= 0x7e) return ASCII_EM[code - 0x20] ?? 1000;
  if (cluster === "·") return 318;
  if (cells === 0) return 0;
  if (cells >= 2) return 650 * cells; // CJK is 1em, colour emoji up to ~1.3em
  return code <= 0x24f ? 800 : 1000; // Latin-1 / Latin Extended letters, then anything
}

/**
 * The font size (px) at which `text` fits in `available` pixels: `base` when the generous
 * width estimate fits (nearly always — a grid cell is 8px and an average glyph at 12px is
 * about 6.5px), else proportionally smaller, never below `min`. Rounded down to 0.1px.
 */
export function fitFontSize(text: string, available: number, base: number, min = 6): number {
  let em = 0;
  forEachCluster(text, (cluster, cells) => {
    em += clusterEm(cluster, cells);
    return true;
  });
  const width = (em * base) / 1000;
  if (width <= available || width <= 0) return base;
  return Math.max(min, Math.floor(((base * available) / width) * 10) / 10);
}
