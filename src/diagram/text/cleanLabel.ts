import { displayWidth, forEachCluster, isSimpleText } from "../../core/displayWidth.js";
import { INVISIBLE_CHARS } from "./invisibleChars.js";
import { truncateMiddle } from "./truncateMiddle.js";

/** Longest label, in terminal cells, before it is cut with "…". */
export const MAX_LABEL_CELLS = 40;

/** What the space rules change in simple text: a no-break space, a run of spaces, an end space. */
const UNEVEN_SPACES = /\u00A0| {2}|^ | $/;

/** Tag characters: invisible, they only belong in an emoji flag (🏴 + tags of "gbeng"). */
const TAGS = /[\u{E0000}-\u{E007F}]/gu;
const TAG = /[\u{E0000}-\u{E007F}]/u;
/** A cluster longer than this (UTF-16 units) is a base under a pile of marks; the longest emoji is 19. */
const MAX_CLUSTER_UNITS = 32;

/**
 * The clusters of `text` worth drawing: a cluster with no width (a mark, variation selector
 * or joiner with nothing to attach to) goes; tag characters outside an emoji flag go (they
 * can carry hidden text); a cluster piled with marks keeps only its base.
 */
function tidyClusters(text: string): string {
  let out = "";
  forEachCluster(text, (cluster, width) => {
    if (width === 0) return true;
    let kept = cluster;
    if (kept.length > MAX_CLUSTER_UNITS) kept = String.fromCodePoint(kept.codePointAt(0) ?? 32);
    if (TAG.test(kept) && !(width === 2 && /^\u{1F3F4}/u.test(kept))) kept = kept.replace(TAGS, "");
    out += kept;
    return true;
  });
  return out;
}

/**
 * Make user text safe to place in a diagram cell row: control characters and line breaks
 * become spaces, runs of spaces collapse, bidi controls and zero-width characters go (the
 * joiner inside an emoji sequence stays: see INVISIBLE_CHARS), marks with nothing to
 * attach to go, and text longer than `maxCells` terminal cells keeps its start and its end
 * around "…" (see truncateMiddle), cut between grapheme clusters.
 */
export function cleanLabel(text: string, maxCells = MAX_LABEL_CELLS): string {
  // nearly every label: simple text (no controls, invisibles or joining characters) whose
  // spaces are single and inside, so nothing below would change it
  if (isSimpleText(text) && !UNEVEN_SPACES.test(text))
    return text.length <= maxCells ? text : truncateMiddle(text, maxCells);
  let flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
    .replace(INVISIBLE_CHARS, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!isSimpleText(flat)) flat = tidyClusters(flat).trim();
  return displayWidth(flat) <= maxCells ? flat : truncateMiddle(flat, maxCells);
}
