/**
 * Mermaid's default `maxTextSize`: longer text is not drawn ("Maximum text size in diagram
 * exceeded"), on GitHub as in the live editor. Counted in UTF-16 units, as Mermaid does.
 */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/** What to do about a diagram too long for Mermaid, by default. */
const ADVICE =
  "draw one diagram per account (linkplan diagram --split account) or fewer boxes (detail accounts)";

/**
 * A one-line warning (plain ASCII, fit for a header) when Mermaid text is too long for
 * Mermaid to draw, ending with `advice`; else null.
 */
export function mermaidSizeWarning(text: string, advice = ADVICE): string | null {
  if (text.length <= MERMAID_MAX_TEXT_SIZE) return null;
  const size = text.length.toLocaleString("en-US");
  const limit = MERMAID_MAX_TEXT_SIZE.toLocaleString("en-US");
  return `the Mermaid text is ${size} characters, over the ${limit} Mermaid draws (maxTextSize, also on GitHub): ${advice}`;
}
