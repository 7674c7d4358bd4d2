import * as z from "zod";
import { strictObject } from "../document/strictObject.js";
import { IdSchema } from "./idSchema.js";
import { SourceSchema } from "./sourceSchema.js";
import { Quantity, RefSchema } from "./valueSchemas.js";

export const DnsRecordSchema = strictObject({
  name: z.string().min(1),
  type: z.enum(["A", "AAAA", "CNAME", "TXT"]).default("A"),
  aliasToEndpoint: RefSchema.optional().describe("endpoint id (or vpc/endpoint)"),
  values: z.array(z.string()).optional(),
});

export const HostedZoneSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().min(1),
  private: z.boolean().default(true),
  vpcs: z.array(RefSchema).default([]),
  queriesPerMonth: Quantity.default(0).describe("Standard (non-alias) queries per month"),
  aliasQueriesPerMonth: Quantity.default(0).describe("Alias queries per month (free)"),
  records: z.array(DnsRecordSchema).default([]),
});
