import * as z from "zod";
import { didYouMean } from "../core/didYouMean.js";

/** Unknown keys of one object named in its message; more are counted. */
const MAX_KEYS_NAMED = 10;

/**
 * A zod object that rejects unknown keys with a message naming each unknown key (the
 * first 10, then how many more) and, when one is close, the key that was probably meant.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((key) => {
        const hint = didYouMean(key, known);
        return `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
      });
      const more = issue.keys.length - named.length;
      if (more > 0) named.push(`and ${more.toLocaleString("en-US")} more unknown keys`);
      return named.join("; ");
    },
  });
}
