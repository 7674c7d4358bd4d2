import * as z from "zod";
import { strictObject } from "../document/strictObject.js";
import { IdSchema } from "./idSchema.js";
import { SourceSchema } from "./sourceSchema.js";

/** A route of a route table: where traffic for a destination goes. */
export const RouteSchema = strictObject({
  destination: z.string().describe("a CIDR block (e.g. 0.0.0.0/0) or a prefix list id (pl-…)"),
  target: z
    .string()
    .regex(/^(?:igw|(?:nat|tgw):[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/, {
      error: "must be igw, nat:<NAT gateway id> or tgw:<transit gateway id>",
    })
    .describe("igw (the internet gateway), nat:<id> (a NAT gateway of this VPC) or tgw:<id>"),
});

export const RouteTableSchema = strictObject({
  id: IdSchema,
  source: SourceSchema.optional(),
  name: z.string().optional(),
  routes: z
    .array(RouteSchema)
    .default([])
    .describe("routes besides the local one (gateway endpoint routes come from the endpoint)"),
});
