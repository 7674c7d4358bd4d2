import { LineCounter, parseDocument as parseYamlDocument } from "yaml";
import { LinkplanError, type Problem } from "./linkplanError.js";

/**
 * Parse YAML or JSON text (JSON is YAML) into plain data. Rejects anchors/aliases that
 * expand beyond a small limit (YAML bombs) and reports syntax errors with line:column.
 */
export function parseDocument(text: string, source = "input"): unknown {
  const lineCounter = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter, uniqueKeys: true, merge: false });
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
