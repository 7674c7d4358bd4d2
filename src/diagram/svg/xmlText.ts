import { forEachCluster, isSimpleText } from "../../core/displayWidth.js";
import { INVISIBLE_CHARS } from "../text/invisibleChars.js";

/**
 * The characters of `text` that may appear in XML 1.0: tab, line breaks and other
 * whitespace controls become spaces; characters XML 1.0 forbids (C0 controls, lone
 * surrogates, U+FFFE/U+FFFF), C1 controls, bidi controls and zero-width characters are
 * dropped. With `maxCells`, the result is cut to that many terminal cells (as renderAscii
 * clips), between grapheme clusters. Not yet escaped.
 */
export function xmlChars(text: string, maxCells = Number.POSITIVE_INFINITY): string {
  // nearly every label: legal as it is, a cell per code unit
  if (isSimpleText(text))
    return text.length <= maxCells ? text : text.slice(0, Math.max(0, maxCells));
  const legal = text
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, " ")
    .replace(/[^\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(INVISIBLE_CHARS, "");
  if (maxCells === Number.POSITIVE_INFINITY) return legal;
  // the clusters are consecutive pieces of `legal`: keep those that fit, as one slice
  let end = 0;
  let cells = 0;
  forEachCluster(legal, (cluster, width) => {
    cells += width;
    if (cells > maxCells) return false;
    end += cluster.length;
    return true;
  });
  return end === legal.length ? legal : legal.slice(0, end);
}

/** `xmlChars(text, maxCells)` with & < > " ' escaped: safe as text and attribute value. */
export function xmlText(text: string, maxCells = Number.POSITIVE_INFINITY): string {
  return xmlChars(text, maxCells).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? "");
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
