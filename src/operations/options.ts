import * as z from "zod";
import { hoursPerMonthSchema } from "../core/hoursPerMonth.js";

/** `hoursPerMonth`: the one rule (> 0, ≤ 744, exact) for every operation that prices. */
export const hoursPerMonthOption = hoursPerMonthSchema(true).optional();

/**
 * A yes/no option: `true` from a command-line flag, or "true"/"false"/"1"/"0" in a query
 * string. `defaultOn` options are turned off with `--no-<name>` on the command line.
 */
export function flagOption(description: string, defaultOn = false) {
  return z
    .union(
      [
        z.boolean(),
        z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
      ],
      { error: 'must be "true", "false", "1" or "0"' },
    )
    .default(defaultOn)
    .describe(description);
}

/** A comma-separated list ("s3,sqs") of items that each pass `item`. */
export function listOption<Out>(item: z.ZodType<Out, string>) {
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, { error: "must name at least one item, separated by commas" }));
}
