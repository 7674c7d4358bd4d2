import { ProblemSchema } from "./problem.js";

/** A problem response documented with its real media type, application/problem+json. */
export function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: ProblemSchema } } };
}

/** The problem responses every route that takes a topology documents. */
export const errorResponses = {
  400: problemResponse("malformed JSON or YAML (code malformed_body)"),
  413: problemResponse("body larger than the server's limit (code body_too_large)"),
  415: problemResponse("neither JSON nor YAML (code unsupported_media_type)"),
  422: problemResponse(
    "invalid topology, over a size limit or a price missing (codes invalid_topology, limit_exceeded, diagram_too_large, missing_price)",
  ),
};

/** Media types a topology body may be sent as. */
export const TOPOLOGY_MEDIA_TYPES = ["application/json", "application/yaml"];
