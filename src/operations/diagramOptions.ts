import * as z from "zod";
import { PNG_SCALE } from "../diagram/png/renderPng.js";
import { flagOption } from "./options.js";

/** "16:9" → 1.777…, "1.5" → 1.5 (the schema's pattern has checked the text). */
function aspectRatio(text: string): number {
  const [w, h] = text.split(":").map(Number);
  return h === undefined ? (w ?? 0) : (w ?? 0) / h;
}

/** How a diagram is drawn: the same options on the command line and in the query string. */
export const DiagramOptionsSchema = z.object({
  detail: z
    .enum(["accounts", "vpcs", "azs", "subnets"])
    .default("vpcs")
    .describe("how deep the boxes go: accounts < vpcs < azs < subnets"),
  charset: z.enum(["unicode", "ascii"]).default("unicode").describe("box characters of ASCII"),
  theme: z.enum(["light", "dark"]).default("light").describe("colours of SVG, PNG and draw.io"),
  scale: z.coerce
    .number()
    .min(PNG_SCALE.min)
    .max(PNG_SCALE.max)
    .default(PNG_SCALE.default)
    .describe(`PNG pixels per SVG pixel, ${PNG_SCALE.min} to ${PNG_SCALE.max} (PNG only)`),
  costs: flagOption("annotate nodes and groups with monthly costs"),
  securityGroups: flagOption("show security groups on endpoints"),
  routeTables: flagOption("show route tables and their gateway endpoint routes"),
  hostedZones: flagOption("show Route 53 hosted zones and alias records", true),
  findings: flagOption("run linkplan check and mark the elements its errors are about"),
  collapse: flagOption(
    "fold identical VPCs of an account's region into one group and each endpoint's per-AZ ENIs into one node",
  ),
  aspect: z
    .string()
    .regex(/^\d{1,4}(?:\.\d{1,4})?(?::\d{1,4}(?:\.\d{1,4})?)?$/, {
      error: 'must be a ratio such as "16:9" or "4:3", or a number such as 1.5',
    })
    .transform(aspectRatio)
    .pipe(z.number().min(0.1).max(10))
    .optional()
    .describe(
      'width ÷ height that groups of many boxes wrap toward, "16:9" (default), "4:3", "1:1" or a number from 0.1 to 10',
    ),
  focus: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .describe("draw only this VPC, account or endpoint service (its id) and its neighbours"),
});
export type DiagramOptions = z.output<typeof DiagramOptionsSchema>;
