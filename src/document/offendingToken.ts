/** How far back an unclosed quote or bracket is looked for (characters). */
const LOOK_BACK = 65_536;

/** The opening `open` that `close` would close, scanning back from `offset`. */
function unclosed(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  const stop = Math.max(0, offset - LOOK_BACK);
  for (let at = Math.min(offset, text.length) - 1; at >= stop; at--) {
    const c = text[at];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return at;
      depth--;
    }
  }
  return undefined;
}

/**
 * Where to point for a YAML syntax error the parser places at `offset`: the `yaml` package
 * reports an unclosed quote or flow collection where the text ends, and some errors at the
 * start of a line's indentation. The offending token is the opening quote or bracket, or
 * the first character of that line after its indentation. Bounded: at most LOOK_BACK
 * characters scanned per error.
 */
export function offendingOffset(text: string, offset: number, message: string): number {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote !== undefined) {
    const stop = Math.max(0, offset - LOOK_BACK);
    for (let at = Math.min(offset, text.length) - 1; at >= stop; at--)
      if (text[at] === quote) return at;
    return offset;
  }
  if (/^Flow map\b/.test(message)) return unclosed(text, offset, "{", "}") ?? offset;
  if (/^Flow sequence\b/.test(message)) return unclosed(text, offset, "[", "]") ?? offset;
  // whitespace at the start of a line: point at the line's first token
  let at = offset;
  while (at < text.length && (text[at] === " " || text[at] === "\t")) at++;
  if (at > offset && at < text.length && text[at] !== "\n" && text[at] !== "\r") {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    if (text.slice(lineStart, offset).trim() === "") return at;
  }
  return offset;
}
