import secureJson from "secure-json-parse";
import { LinkplanError } from "../core/linkplanError.js";
import { parseDocument } from "../document/parseDocument.js";
import { jsonSyntaxError } from "./jsonSyntaxError.js";
import type { RawBody } from "./operation.js";

/**
 * A request body as data: JSON as Fastify parses it (prototype poisoning rejected, syntax
 * errors located by line:column, never re-read as YAML), YAML through the library's
 * parseDocument. No body at all is `null` (the topology check then says what is missing).
 */
export function readBody(body: RawBody | null): unknown {
  if (body === null) return null;
  if (body.format === "yaml") {
    try {
      return parseDocument(body.text, "body");
    } catch (error) {
      // over HTTP, text that is not YAML is a malformed request body
      if (error instanceof LinkplanError && error.code === "invalid_syntax")
        throw new LinkplanError("malformed_body", error.summary, error.problems);
      throw error;
    }
  }
  if (body.text.trim() === "") {
    throw new LinkplanError("malformed_body", "the body is empty; send a topology", []);
  }
  const text = body.text;
  try {
    // without "__proto__", "constructor" or a \u escape (which could spell them) there is
    // nothing for secure-json-parse's two regular-expression scans to find
    if (!text.includes("__proto__") && !text.includes("constructor") && !text.includes("\\u"))
      return JSON.parse(text);
    return secureJson.parse(text, null, { protoAction: "error", constructorAction: "error" });
  } catch (error) {
    throw jsonSyntaxError(text, error as Error);
  }
}
