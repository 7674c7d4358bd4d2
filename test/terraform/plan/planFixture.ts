import { readFileSync } from "node:fs";
import type { TerraformRef } from "../../../src/terraform/terraformModel.js";

/** A plan or state JSON of test/fixtures/terraform/plan, parsed. */
export function planFixture(name: string): unknown {
  const url = new URL(`../../fixtures/terraform/plan/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

/** A TerraformRef, shorter. */
export function ref($ref: string, attribute = "id"): TerraformRef {
  return { $ref, attribute };
}
