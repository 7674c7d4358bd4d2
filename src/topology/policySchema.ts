import * as z from "zod";

/** IAM policy document kept as JSON (object or JSON string). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isJsonObjectText(text: string): boolean {
  try {
    return isJsonObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * A policy mapping is carried through as the very object given (a JSON document: its keys,
 * "__proto__" included, must round-trip exactly; a copy by assignment would drop that one),
 * so it is checked, not rebuilt. The JSON Schema is that of a string-keyed record.
 */
const PolicyObjectSchema = z
  .custom<Record<string, unknown>>(isJsonObject, { error: "must be a JSON object" })
  .meta({ type: "object", propertyNames: { type: "string" }, additionalProperties: {} });

export const PolicySchema = z
  .union([
    PolicyObjectSchema,
    z
      .string()
      .refine(isJsonObjectText, { error: "must be a JSON object (an IAM policy document)" }),
  ])
  .describe("Endpoint policy (IAM policy document) as JSON");
