import * as z from "zod";
import { exactQuantity, inexactQuantity } from "./exactQuantity.js";

/** Hours in a month unless the topology or the caller says otherwise (AWS uses 730). */
export const HOURS_PER_MONTH = 730;
/** The most hours a month has (31 days). */
export const MAX_HOURS_PER_MONTH = 744;

const RULE = `must be greater than 0 and at most ${MAX_HOURS_PER_MONTH}`;

/** Why a number of hours per month cannot be used, or undefined when it can. */
export function hoursPerMonthProblem(value: number): string | undefined {
  if (!(value > 0 && value <= MAX_HOURS_PER_MONTH)) return `${RULE}, got ${value}`;
  return inexactQuantity(value);
}

/**
 * Hours per month as the topology, the CLI's `--hours-per-month` and the API's
 * `hoursPerMonth` query parameter all take it: > 0, ≤ 744, exact (at most 6 decimals).
 * `coerce` reads a string (a query parameter or a command-line value).
 */
export function hoursPerMonthSchema(coerce = false) {
  const number = coerce ? z.coerce.number() : z.number();
  return exactQuantity(
    number.positive({ error: RULE }).max(MAX_HOURS_PER_MONTH, { error: RULE }),
  ).describe(
    `hours in the month, > 0 and ≤ ${MAX_HOURS_PER_MONTH} (default: the topology's hoursPerMonth, else ${HOURS_PER_MONTH})`,
  );
}
