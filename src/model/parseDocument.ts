import { LineCounter, parseDocument as parseYamlDocument } from "yaml";
import { LinkplanError, type Problem } from "./linkplanError.js";

/**
 * Parse YAML or JSON text (JSON is YAML) into plain data. Rejects anchors/aliases that
 * expand beyond a small limit (YAML bombs) and reports syntax errors with line:column.
 * Valid JSON is read with JSON.parse (where a repeated key keeps its last value, as in
 * JSON.parse everywhere); YAML rejects repeated keys.
 */
export function parseDocument(text: string, source = "input"): unknown {
  // JSON fast path (YAML parsing of a multi-megabyte JSON document is ~100× slower);
  // invalid JSON falls through to the YAML parser, which reports line:column
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all: YAML flow syntax, or an error to locate
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseYamlDocument(text, {
    lineCounter,
    uniqueKeys: true,
    merge: false,
    logLevel: "error",
  });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((error) => {
      const at = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      return {
        path: at ? `${source}:${at.line}:${at.col}` : source,
        message: (error.message.split("\n")[0] ?? error.message).replace(
          / at line \d+, column \d+:?$/,
          "",
        ),
      };
    });
    throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, problems);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, [
      { path: source, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}
