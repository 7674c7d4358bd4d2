import { z } from "zod";
import { didYouMean } from "./didYouMean.js";

/**
 * A zod object that rejects unknown keys with a message naming each unknown key and,
 * when one is close, the key that was probably meant.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      return issue.keys
        .map((key) => {
          const hint = didYouMean(key, known);
          return `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
        })
        .join("; ");
    },
  });
}
