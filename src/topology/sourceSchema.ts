import * as z from "zod";
import { strictObject } from "../document/strictObject.js";

/** Where an element was written, when it was imported (linkplan import): its Terraform address. */
export const SourceSchema = strictObject({
  terraform: z
    .string()
    .min(1)
    .describe('the Terraform address, e.g. module.endpoints.aws_vpc_endpoint.this["logs"]'),
  file: z.string().optional().describe("the .tf file, relative to the root module"),
  line: z.number().int().positive().optional().describe("the line of the resource block"),
}).describe("Where this element comes from in Terraform (set by linkplan import)");
