import { ProblemSchema } from "./problem.js";

const described = (text: string) => ProblemSchema.describe(text);

/** The problem responses every route that takes a topology documents. */
export const errorResponses = {
  400: described("malformed JSON or YAML (code malformed_body)"),
  413: described("body larger than the server's limit (code body_too_large)"),
  415: described("neither JSON nor YAML (code unsupported_media_type)"),
  422: described(
    "invalid topology, over a size limit or a price missing (codes invalid_topology, limit_exceeded, missing_price)",
  ),
};
