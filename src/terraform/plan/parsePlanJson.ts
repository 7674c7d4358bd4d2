import * as z from "zod";
import { LinkplanError } from "../../core/linkplanError.js";
import { problemsFromZod } from "../../document/problemsFromZod.js";
import { type PlanJson, PlanJsonSchema } from "./planJsonSchema.js";

/** What `terraform show -json` printed: a saved plan or a state. */
export interface ParsedPlanJson {
  kind: "plan" | "state";
  plan: PlanJson;
}

const NEITHER =
  'not a Terraform plan or state: expected the output of `terraform show -json`, an object with "format_version" and "planned_values" (a plan) or "values" (a state)';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Check that `json` is `terraform show -json` of a plan (planned_values) or of a state
 * (values) in format 1.x, and return it typed. Throws `invalid_terraform_plan`: for anything
 * else, for another major format_version (named), and for a plan or state whose members
 * have the wrong shape (each problem at its path).
 */
export function parsePlanJson(json: unknown): ParsedPlanJson {
  if (
    !isRecord(json) ||
    !("format_version" in json) ||
    !(isRecord(json.planned_values) || isRecord(json.values))
  ) {
    throw new LinkplanError("invalid_terraform_plan", NEITHER);
  }
  const version = json.format_version;
  const major = typeof version === "string" ? /^(\d+)\.\d+$/.exec(version)?.[1] : undefined;
  if (major !== "1") {
    throw new LinkplanError(
      "invalid_terraform_plan",
      `unsupported Terraform JSON format_version ${JSON.stringify(version)}: linkplan reads format 1.x (terraform show -json of Terraform 1.0 or later)`,
    );
  }
  const kind = isRecord(json.planned_values) ? "plan" : "state";
  const parsed = z.safeParse(PlanJsonSchema, json, { reportInput: true });
  if (!parsed.success) {
    throw new LinkplanError(
      "invalid_terraform_plan",
      `invalid Terraform ${kind} JSON`,
      problemsFromZod(parsed.error.issues),
    );
  }
  return { kind, plan: parsed.data };
}
