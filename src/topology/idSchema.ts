import * as z from "zod";

/** Identifier of a modelled thing: lowercase letters, digits and dashes. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    error: "must be lowercase letters, digits and dashes (e.g. shared-api)",
  })
  .describe("Identifier: [a-z0-9-], unique within its kind");
