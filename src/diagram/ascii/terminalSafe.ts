import { INVISIBLE_CHARS } from "../text/invisibleChars.js";

/**
 * Defensive last pass before text reaches a terminal cell: tabs and line breaks become
 * spaces; other control characters, lone surrogates, bidi controls and zero-width format
 * characters are dropped (the joiner inside an emoji sequence stays: see INVISIBLE_CHARS).
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, " ")
    .replace(/[\p{Cc}\p{Cs}]/gu, "")
    .replace(INVISIBLE_CHARS, "");
}
