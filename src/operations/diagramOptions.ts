import * as z from "zod";
import { flagOption } from "./options.js";

/** How a diagram is drawn: the same options on the command line and in the query string. */
export const DiagramOptionsSchema = z.object({
  detail: z
    .enum(["accounts", "vpcs", "azs", "subnets"])
    .default("vpcs")
    .describe("how deep the boxes go: accounts < vpcs < azs < subnets"),
  charset: z.enum(["unicode", "ascii"]).default("unicode").describe("box characters of ASCII"),
  theme: z.enum(["light", "dark"]).default("light").describe("colours of SVG"),
  costs: flagOption("annotate nodes and groups with monthly costs"),
  securityGroups: flagOption("show security groups on endpoints"),
  routeTables: flagOption("show route tables and their gateway endpoint routes"),
  hostedZones: flagOption("show Route 53 hosted zones and alias records", true),
  findings: flagOption("run linkplan check and mark the elements its errors are about"),
});
export type DiagramOptions = z.output<typeof DiagramOptionsSchema>;
