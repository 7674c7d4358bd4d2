import { LinkplanError } from "../core/linkplanError.js";
import { jsonErrorOffset } from "./jsonErrorOffset.js";

/** Line and column (1-based) of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/**
 * A JSON body the parser rejected, as a `malformed_body` error located by line:column
 * (from V8's "… at position N", else found by a linear scan — never by re-reading the body
 * as YAML), or naming the forbidden key for prototype poisoning.
 */
export function jsonSyntaxError(text: string, error: Error): LinkplanError {
  const message = error.message.replace(/\s+/g, " ").trim();
  if (/forbidden prototype property/i.test(message)) {
    return new LinkplanError("malformed_body", "cannot parse body", [
      {
        path: "body",
        message: "keys __proto__, constructor.prototype are not allowed in JSON bodies",
      },
    ]);
  }
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? jsonErrorOffset(text) : Number(position);
  const at = lineColumn(text, Math.max(0, offset));
  // V8 quotes a snippet of the body ("Unexpected token 'x', "…" is not valid JSON"): drop it
  const plain = message
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/ at position \d+.*$/, "")
    .replace(/, ".*" is not valid JSON$/, "");
  return new LinkplanError("malformed_body", "cannot parse body as JSON", [
    { path: `body:${at.line}:${at.col}`, message: plain },
  ]);
}
