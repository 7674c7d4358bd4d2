import type { Finding } from "../check/finding.js";
import type { Estimate } from "../estimate/estimate.js";
import { estimateJsonParts } from "./estimateJson.js";

/** Lines of JSON text gathered into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/** `JSON.stringify(value, null, 2)` placed at `indent` (its later lines shifted right). */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
}

/**
 * The estimate's JSON text — exactly `JSON.stringify(estimateToJson(estimate, findings),
 * null, 2)` plus a final newline — as a sequence of chunks of about 64 KiB, converting one
 * line item at a time: writing an estimate of a million lines never holds its whole JSON
 * (which can exceed the longest string V8 allows) or a second copy of its lines in memory.
 */
export function* estimateJsonChunks(
  estimate: Estimate,
  findings?: readonly Finding[] | null,
): Generator<string, void, undefined> {
  const { head, line } = estimateJsonParts(estimate, findings);
  const entries = Object.entries(head);
  let chunk = "{";
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? "," : "";
    if (key !== "lines" || estimate.lines.length === 0) {
      chunk += `\n  ${JSON.stringify(key)}: ${nested(value, "  ")}${comma}`;
      continue;
    }
    chunk += `\n  "lines": [`;
    const last = estimate.lines.length - 1;
    for (const [n, item] of estimate.lines.entries()) {
      chunk += `\n    ${nested(line(item), "    ")}${n < last ? "," : ""}`;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = "";
      }
    }
    chunk += `\n  ]${comma}`;
  }
  yield `${chunk}\n}\n`;
}
