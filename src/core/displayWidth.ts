import { eastAsianWidth } from "get-east-asian-width";
import { splitGraphemes } from "./splitGraphemes.js";

/**
 * Text whose every UTF-16 unit is a grapheme cluster of its own, one cell wide: printable
 * ASCII, Latin-1 and Latin Extended letters (not the soft hyphen), general punctuation (·
 * … — ‼, not the zero-width and bidi controls around it) and arrows. None of these joins a
 * neighbour into a cluster or is drawn wide, so such text needs no segmentation: its width
 * is its length. Nearly every label takes this path.
 */
const SIMPLE =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF]*$/;

/**
 * Characters that can join a neighbour into one grapheme cluster (UAX #29): extenders
 * (combining marks, variation selectors, tags, emoji skin tones), spacing marks, the
 * zero-width joiner, regional indicators (flags), Hangul jamo, prepended marks and CR.
 * Text without any is one cluster per code point and needs no segmenter (which costs a
 * microsecond or more per cluster). Over-inclusive on purpose: a false alarm only costs time.
 */
const JOINERS =
  /\u200D|[\p{Grapheme_Extend}\p{Mc}\r\u0E33\u0EB3\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/u;

/** Characters drawn with no width of their own: marks, format and control characters. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cs}\p{Default_Ignorable_Code_Point}]$/u;
/** A visible character (the base of a cluster that may begin with prepended marks). */
const VISIBLE = /[^\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;
/** Marks and halfwidth forms drawn beside their base rather than on it. */
const SPACING = /[\p{Mc}\uFF00-\uFFEF]/u;
/** What every emoji cluster holds: a pictograph, a flag letter or a keycap mark. */
const MAYBE_EMOJI =
  /\u20E3|[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Presentation}]/u;
/** Emoji drawn as a picture by default (🚀 ✅ ⚡ 🟢; not © or ↔, which need U+FE0F). */
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
/** A fully-qualified emoji (👩‍💻 🏳️‍🌈 🇬🇧 1️⃣ 👍🏽 ❤️ 🏴 with tags). */
// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag needs an ES2024 target (Node 20 has the flag)
const RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
/** A text-default pictograph made an emoji by U+FE0F, or a keycap (1⃣ with or without it). */
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}\uFE0F|^[\d#*]\uFE0F?\u20E3/u;
/** Two pictographs joined by a zero-width joiner (a sequence not in the RGI list still joins). */
const JOINED_PICTOGRAPHS = /\p{Extended_Pictographic}.*\u200D.*\p{Extended_Pictographic}/u;

/**
 * Longest emoji sequence, in UTF-16 units (the longest RGI sequences, families with skin
 * tones, are 19): a longer cluster (a base under a pile of marks) is measured by its base,
 * without the emoji patterns, whose backtracking would grow with the square of its length.
 */
const MAX_EMOJI_UNITS = 64;

/** Whether `text` is all one-cell, one-unit clusters (see SIMPLE): then width = length. */
export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}

/** Cells of a cluster that is one code point: 0 for marks and controls, 2 for wide and emoji. */
function codePointWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (eastAsianWidth(code) === 2 || EMOJI_PRESENTATION.test(ch)) return 2;
  return 1;
}

/**
 * Terminal cells one grapheme cluster takes: 2 for an emoji (a picture by default, made one
 * by U+FE0F, a ZWJ sequence, a flag, a keycap, with skin tones) and for East Asian Wide or
 * Fullwidth characters (CJK, kana, Hangul syllables and L+V jamo); 0 when it has no visible
 * character (a mark or selector with nothing to attach to); else the width of its base —
 * combining marks, variation selectors and other extenders take the cell of their base,
 * while spacing marks and halfwidth forms add one (so a cluster can be 3 or more).
 */
export function clusterWidth(cluster: string): number {
  const first = cluster.codePointAt(0) ?? 0;
  if (cluster.length === 1 || (cluster.length === 2 && first > 0xffff)) {
    return codePointWidth(cluster);
  }
  const at = cluster.search(VISIBLE);
  if (at < 0) return 0;
  if (
    cluster.length <= MAX_EMOJI_UNITS &&
    MAYBE_EMOJI.test(cluster) &&
    (EMOJI_PRESENTATION.test(cluster) ||
      EMOJI_SEQUENCE.test(cluster) ||
      RGI_EMOJI.test(cluster) ||
      JOINED_PICTOGRAPHS.test(cluster))
  ) {
    return 2;
  }
  const base = cluster.codePointAt(at) ?? 0;
  let width = eastAsianWidth(base);
  // spacing marks (the vowel sign of कि) and halfwidth forms (the ﾟ of ﾊﾟ) take cells of
  // their own after the base
  const rest = cluster.slice(at + (base > 0xffff ? 2 : 1));
  if (SPACING.test(rest)) {
    for (const ch of rest) if (SPACING.test(ch)) width += eastAsianWidth(ch.codePointAt(0) ?? 0);
  }
  return width;
}

/** A text's grapheme clusters, their widths and the total. */
interface Segmented {
  clusters: string[];
  widths: number[];
  width: number;
}

/**
 * Clusters and widths of text that is not simple: one cluster per code point when it has
 * no joiners, else as the segmenter splits it (see splitGraphemes). Linear in the text's
 * length; not remembered (the core keeps no state between calls).
 */
function segment(text: string): Segmented {
  const clusters: string[] = [];
  const widths: number[] = [];
  let width = 0;
  const add = (cluster: string, w: number) => {
    clusters.push(cluster);
    widths.push(w);
    width += w;
  };
  if (JOINERS.test(text)) {
    splitGraphemes(text, (cluster) => add(cluster, clusterWidth(cluster)));
  } else {
    for (const ch of text) add(ch, codePointWidth(ch));
  }
  return { clusters, widths, width };
}

/**
 * Call `visit` with each grapheme cluster of `text` and its width in cells, left to right,
 * until it returns false.
 */
export function forEachCluster(
  text: string,
  visit: (cluster: string, width: number) => boolean | undefined,
): void {
  if (SIMPLE.test(text)) {
    for (let i = 0; i < text.length; i++) {
      if (visit(text.charAt(i), 1) === false) return;
    }
    return;
  }
  const { clusters, widths } = segment(text);
  for (let i = 0; i < clusters.length; i++) {
    if (visit(clusters[i] ?? "", widths[i] ?? 0) === false) return;
  }
}

/** The grapheme clusters of `text` (what a reader sees as characters), in order. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split("");
  return [...segment(text).clusters];
}

/**
 * Terminal cells a string takes: the sum of its grapheme clusters' widths (see
 * clusterWidth), so "👩‍💻" is 2, "東京" 4, "é" written as e + U+0301 is 1.
 */
export function displayWidth(text: string): number {
  return SIMPLE.test(text) ? text.length : segment(text).width;
}
