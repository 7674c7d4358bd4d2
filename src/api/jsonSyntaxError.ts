import { LinkplanError } from "../model/linkplanError.js";
import { parseDocument } from "../model/parseDocument.js";

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
 * A JSON body the parser rejected, as an `invalid_syntax` error located by line:column
 * (from V8's "… at position N", else from the YAML parser), or naming the forbidden key
 * for prototype poisoning.
 */
export function jsonSyntaxError(text: string, error: Error): LinkplanError {
  const message = error.message.replace(/\s+/g, " ").trim();
  const position = /at position (\d+)/.exec(message)?.[1];
  if (/forbidden prototype property/i.test(message)) {
    return new LinkplanError("invalid_syntax", "cannot parse body", [
      {
        path: "body",
        message: "keys __proto__, constructor.prototype are not allowed in JSON bodies",
      },
    ]);
  }
  if (position === undefined) {
    // no offset in V8's message: JSON is YAML, so the YAML parser can point at the spot
    let path = "body";
    try {
      parseDocument(text, "body");
    } catch (located) {
      if (located instanceof LinkplanError) path = located.problems[0]?.path ?? path;
    }
    return new LinkplanError("invalid_syntax", "cannot parse body as JSON", [{ path, message }]);
  }
  const at = lineColumn(text, Number(position));
  const plain = message
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/ at position \d+.*$/, "");
  return new LinkplanError("invalid_syntax", "cannot parse body as JSON", [
    { path: `body:${at.line}:${at.col}`, message: plain },
  ]);
}
