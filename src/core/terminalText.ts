/**
 * Characters that must never reach a terminal raw:
 * - C0 controls (ESC starts colour, cursor and OSC title sequences; CR and backspace
 *   overwrite what was printed; line breaks fake new lines), DEL and C1 controls;
 * - bidirectional overrides, embeddings, isolates and marks (U+202E reverses what follows);
 * - zero-width and invisible format characters (U+200B, word joiner, BOM, soft hyphen…);
 * - line/paragraph separators and lone surrogates.
 * A zero-width joiner between two pictographs (👨‍👩‍👧) is kept: it joins an emoji.
 */
const UNSAFE =
  /[\p{Cc}\p{Cs}\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]|(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function escapeOne(ch: string): string {
  return NAMED[ch] ?? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}

/**
 * User text made safe for a terminal (and for a Markdown PR comment): every control,
 * bidi or invisible format character is shown escaped (`\u001b`, `\u202e`, `\n`), so
 * nothing in a name can colour, move, retitle, reorder or hide what is printed.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * Text of several lines made safe line by line: the line breaks stay, everything else
 * unsafe is escaped (for messages built by linkplan that quote user text).
 */
export function terminalLines(text: string): string {
  return text.split("\n").map(terminalText).join("\n");
}
