import { cleanLabel } from "../text/cleanLabel.js";

/** Longest title, in terminal cells, before it is cut with "…". */
const MAX_TITLE_CELLS = 100;

/**
 * Look-alikes for the characters a title cannot show: Mermaid passes the front-matter title
 * through an HTML sanitiser and then sets it as plain text, so `&` `<` `>` would be shown
 * as `&amp;` `&lt;` `&gt;` (and tags would be dropped).
 */
const LOOKALIKES: Readonly<Record<string, string>> = Object.freeze({
  "&": "\uFF06",
  "<": "\u2039",
  ">": "\u203A",
});

/**
 * YAML front matter carrying the diagram title (Mermaid draws it above the chart), or no
 * lines for an empty title. The title is cleaned to one line; `& < >` become look-alikes
 * (＆ ‹ ›); the placeholders Mermaid turns into entities after drawing (`ﬂ°`, `¶ß`) are
 * split with a word joiner; then it is written as a YAML double-quoted string in which `\`
 * and `"` are escaped and `# % : ; \`` are written as `\xHH`, so nothing Mermaid scans the
 * raw text for (`%%{` directives, `#…;` entity codes, `style…:…#…;` lines) can appear.
 */
export function mermaidTitle(title: string): string[] {
  const clean = cleanLabel(title, MAX_TITLE_CELLS)
    .replace(/[&<>]/g, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/\uFB02\u00B0|\u00B6\u00DF/g, (pair) => `${pair[0]}\u2060${pair[1]}`);
  if (clean === "") return [];
  const quoted = clean.replace(/[\\"]|[#%:;`]/g, (ch) =>
    ch === "\\" || ch === '"'
      ? `\\${ch}`
      : `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return ["---", `title: "${quoted}"`, "---"];
}
