import { cleanLabel } from "../text/cleanLabel.js";

/**
 * Characters rewritten as Mermaid entity codes (`#name;` / `#decimal;`) inside quoted labels:
 * - `"` would end the quoted string;
 * - `#` would start an entity code of its own (user text "#35;" must stay literal);
 * - `&` `<` `>` would reach the HTML label as markup or as an HTML entity;
 * - a backtick at both ends turns a label into a Markdown string;
 * - `%` could form a `%%{init: …}%%` directive, which Mermaid finds anywhere in the text;
 * - `:` because Mermaid's entity pre-pass trims the last `;` of any line matching
 *   `style.*:\S*#.*;` (a label "style: …" would lose the end of an entity code);
 *
 * Mermaid also turns the placeholders `ﬂ°` / `ﬂ°°` / `¶ß` into `&` / `&#` / `;` in the drawn
 * SVG, after the labels are in it, so user text "ﬂ°°60¶ß" would show as "<": such pairs
 * are split with an (invisible) word joiner, U+2060.
 */
const ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
  "%": "#37;",
  ":": "#58;",
});

/** Whether escapeMermaidText changes anything: a character above, or a placeholder pair. */
const NEEDS_ESCAPE = /["#&<>`%:]|\uFB02\u00B0|\u00B6\u00DF/;

/** No-break space: what an otherwise empty label shows (Mermaid rejects `[""]`). */
const BLANK = "#160;";

/** Escape text already free of control characters for use inside a Mermaid `"…"` string. */
export function escapeMermaidText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/["#&<>`%:]/g, (ch) => ENTITIES[ch] ?? ch)
    .replace(/\uFB02\u00B0|\u00B6\u00DF/g, (pair) => `${pair[0]}\u2060${pair[1]}`);
}

/**
 * A Mermaid label from display parts: each part cleaned (one line, control characters gone,
 * at most `maxCells` terminal cells), empty parts dropped, the rest escaped and joined by
 * `separator` (e.g. `<br/>`, which Mermaid draws as a line break). Never empty: falls back
 * to the cleaned `fallback`, then to a no-break space.
 */
export function mermaidLabel(
  parts: readonly (string | null)[],
  separator: string,
  fallback: string,
  maxCells?: number,
): string {
  const kept = parts
    .map((part) => (part === null ? "" : cleanLabel(part, maxCells)))
    .filter((part) => part !== "");
  if (kept.length === 0) {
    const alt = cleanLabel(fallback, maxCells);
    return alt === "" ? BLANK : escapeMermaidText(alt);
  }
  return kept.map(escapeMermaidText).join(separator);
}
