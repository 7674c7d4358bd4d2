import { LineCounter } from "yaml";
import { LinkplanError } from "../core/linkplanError.js";
import { MAX_NESTING } from "./checkNesting.js";
import { composeYaml } from "./composeYaml.js";
import { type ValueSlots, yamlToData } from "./yamlToData.js";

/**
 * Whether JSON-like text nests `[` and `{` deeper than MAX_NESTING (strings skipped; one
 * pass that stops there). Exact for JSON; for YAML flow text a hint only (a bracket in a
 * comment or a single-quoted string counts too), so such text goes to the YAML reader,
 * which locates the too-deep collection exactly.
 */
function tooDeepForJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

function read(text: string, source: string, values: ValueSlots | null): unknown {
  // JSON fast path (YAML parsing of a multi-megabyte JSON document is ~100× slower) for
  // JSON nested at most MAX_NESTING deep; the rest, and invalid JSON, goes to the YAML
  // reader, which reports line:column (and reads YAML flow syntax)
  if (/^\s*[{[]/.test(text) && !tooDeepForJson(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all: YAML flow syntax, or an error to locate
    }
  }
  const lineCounter = new LineCounter();
  const doc = composeYaml(text, source, lineCounter);
  return yamlToData(doc, source, lineCounter, values);
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
 * `values`, when given, is told where each plain scalar value of a YAML document lies
 * (see editableDocument.ts); JSON text tells it nothing.
 */
export function parseDocument(
  text: string,
  source = "input",
  values: ValueSlots | null = null,
): unknown {
  try {
    return read(text, source, values);
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
