import { charWidth, displayWidth } from "../../core/displayWidth.js";
import { INVISIBLE_CHARS } from "./invisibleChars.js";

/** Longest label, in terminal cells, before it is cut with "…". */
export const MAX_LABEL_CELLS = 40;

/**
 * Make user text safe to place in a diagram cell row: control characters and line breaks
 * become spaces, runs of spaces collapse, zero-width joiners and variation selectors go,
 * and text longer than `maxCells` terminal cells is cut and ends with "…".
 */
export function cleanLabel(text: string, maxCells = MAX_LABEL_CELLS): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/[\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]|[\uFE00-\uFE0F]/g, "")
    .replace(INVISIBLE_CHARS, "")
    .replace(/\s+/g, " ")
    .trim();
  if (displayWidth(flat) <= maxCells) return flat;
  let out = "";
  let width = 0;
  for (const ch of flat) {
    const w = charWidth(ch);
    if (width + w > maxCells - 1) break;
    out += ch;
    width += w;
  }
  return `${out.trimEnd()}…`;
}
