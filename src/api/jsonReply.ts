import { LinkplanError } from "../core/linkplanError.js";
import type { OperationReply } from "./operation.js";

export const JSON_TYPE = "application/json; charset=utf-8";

/**
 * A 200 JSON answer, serialized here (in the worker thread when the work runs there). A
 * value nested deeper than the stack allows, or too large for one string, is a 422
 * `limit_exceeded` problem instead of an internal error.
 */
export function jsonReply(value: unknown, contentType = JSON_TYPE): OperationReply {
  return jsonTextReply(() => JSON.stringify(value), contentType);
}

/** A 200 JSON answer whose text `write` makes (a RangeError is a 422 as in jsonReply). */
export function jsonTextReply(write: () => string, contentType = JSON_TYPE): OperationReply {
  let body: string;
  try {
    body = write();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new LinkplanError(
      "limit_exceeded",
      "the answer is nested too deeply or is too large for this server to write",
    );
  }
  return { status: 200, contentType, body };
}
