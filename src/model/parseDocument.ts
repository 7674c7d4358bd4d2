import { LineCounter } from "yaml";
import { MAX_NESTING, nestingTooDeep } from "./checkNesting.js";
import { composeYaml } from "./composeYaml.js";
import { LinkplanError } from "./linkplanError.js";
import { yamlToData } from "./yamlToData.js";

/**
 * In valid JSON text, the line:column of the first `[` or `{` nested deeper than
 * MAX_NESTING, if any (one pass over the text, strings skipped).
 */
function tooDeepInJson(text: string): { line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > MAX_NESTING) return { line, col: i - lineStart + 1 };
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
    else if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

function read(text: string, source: string): unknown {
  // JSON fast path (YAML parsing of a multi-megabyte JSON document is ~100× slower);
  // invalid JSON falls through to the YAML parser, which reports line:column
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    let json = true;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON after all: YAML flow syntax, or an error to locate
      json = false;
    }
    if (json) {
      const at = tooDeepInJson(text);
      if (at) throw nestingTooDeep(`${source}:${at.line}:${at.col}`, source);
      return data;
    }
  }
  const lineCounter = new LineCounter();
  const doc = composeYaml(text, source, lineCounter);
  return yamlToData(doc, source, lineCounter);
}

/**
 * Parse YAML or JSON text into plain data, with bounded work: linear in the text, or
 * refused with a LinkplanError.
 * - Valid JSON is read with JSON.parse (where a repeated key keeps its last value, as in
 *   JSON.parse everywhere); YAML rejects repeated keys ("invalid_syntax").
 * - Lists and mappings nested deeper than 64 levels: "nesting_too_deep" with line:column
 *   (checked before YAML is composed, and for aliases as they are expanded).
 * - YAML aliases that add more than 100,000 values or 1,000,000 characters to what is
 *   written (YAML bombs): "document_too_large".
 * - Syntax errors: "invalid_syntax" with line:column.
 * Anything else going wrong inside the parsers becomes an "invalid_syntax" LinkplanError
 * too: no engine message (such as a stack overflow) ever reaches the caller.
 */
export function parseDocument(text: string, source = "input"): unknown {
  try {
    return read(text, source);
  } catch (error) {
    if (error instanceof LinkplanError) throw error;
    throw new LinkplanError(
      "invalid_syntax",
      `cannot parse ${source}`,
      [{ path: source, message: "the document could not be read; make it smaller or simpler" }],
      { cause: error },
    );
  }
}
