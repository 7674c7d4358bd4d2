/**
 * Defensive last pass before text reaches a terminal cell: tabs and line breaks become
 * spaces; other control characters, lone surrogates, bidi overrides and zero-width
 * format characters are dropped.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, " ")
    .replace(/[\p{Cc}\p{Cs}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu, "");
}
