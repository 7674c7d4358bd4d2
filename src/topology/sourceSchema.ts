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

export type Source = z.infer<typeof SourceSchema>;

/** A Terraform origin as "aws_vpc_endpoint.x (main.tf:12)", or the address alone. */
export function describeSource(source: Source): string {
  if (source.file === undefined) return source.terraform;
  const line = source.line === undefined ? "" : `:${source.line}`;
  return `${source.terraform} (${source.file}${line})`;
}
