import * as z from "zod";
import { BREAK_EVEN_DEFAULTS, type BreakEven, breakEven } from "../compare/breakEven.js";
import { BreakEvenJsonSchema, breakEvenToJson } from "../report/breakEvenJson.js";
import { formatBreakEvenTable } from "../report/formatBreakEvenTable.js";
import { AwsRegionSchema, AwsServiceSchema } from "../topology/awsNameSchemas.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { hoursPerMonthOption, listOption } from "./options.js";

export const BreakEvenOptionsSchema = z.object({
  region: AwsRegionSchema.describe("AWS region code, e.g. us-east-1"),
  azs: z.coerce
    .number({ error: "must be a whole number from 1 to 6" })
    .int({ error: "must be a whole number from 1 to 6" })
    .min(1, { error: "must be a whole number from 1 to 6" })
    .max(6, { error: "must be a whole number from 1 to 6" })
    .default(BREAK_EVEN_DEFAULTS.azs)
    .describe("AZs per interface endpoint"),
  services: z
    .union([
      z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(1000)),
      listOption(AwsServiceSchema),
    ])
    .optional()
    .describe(
      `services, comma-separated (default ${BREAK_EVEN_DEFAULTS.services.join(",")}), or how many interface services`,
    ),
  spokes: listOption(z.coerce.number<string>().int().min(1).max(10_000))
    .optional()
    .describe(
      `spoke VPC counts for the hub comparison, comma-separated (default ${BREAK_EVEN_DEFAULTS.spokes.join(",")})`,
    ),
  hoursPerMonth: hoursPerMonthOption,
});
export type BreakEvenOptions = z.output<typeof BreakEvenOptionsSchema>;

/** breakeven: when an endpoint beats a NAT gateway, and a hub VPC beats per-VPC endpoints. */
export const breakEvenOperation = defineOperation({
  name: "breakeven",
  summary: "GB/month at which an endpoint beats NAT, and a hub VPC beats per-VPC endpoints",
  options: BreakEvenOptionsSchema,
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: BreakEvenJsonSchema,
      render: breakEvenToJson,
    },
    table: { kind: "text", mediaType: MEDIA.text, render: formatBreakEvenTable },
  },
  defaultFormat: { cli: "table", api: "json" },
  route: { method: "GET", url: "/v1/breakeven", tag: "compare" },
  run(_body, o: BreakEvenOptions, ctx): BreakEven {
    return breakEven(
      {
        region: o.region,
        azs: o.azs,
        ...(o.services ? { services: o.services } : {}),
        ...(o.spokes ? { spokes: o.spokes } : {}),
        ...(o.hoursPerMonth === undefined ? {} : { hoursPerMonth: o.hoursPerMonth }),
      },
      ctx.catalog,
    );
  },
});
