import * as z from "zod";
import { exactQuantity } from "../core/exactQuantity.js";
import { REGION_CODE } from "../core/regionCode.js";

/** A reference to another modelled thing by id (or `vpc/id` where ids are per VPC). */
export const RefSchema = z.string().min(1);

/** A quantity the cost engine can use exactly: ≥ 0, at most 6 decimals and 15 significant digits. */
export const Quantity = exactQuantity(z.number().finite().nonnegative());
export const GbPerMonth = Quantity.describe("Data processed, in GB per month");

export const RegionSchema = z.string().regex(REGION_CODE, {
  error: "must be an AWS region code such as us-east-1",
});

export const AzSchema = z.string().regex(/^[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]$/, {
  error: "must be an Availability Zone name such as us-east-1a",
});
