// PLACEHOLDER (branch tfmap): replaced at merge by the plan reader's real module.
import { internalError } from "../../core/linkplanError.js";
import type { TerraformModel } from "../terraformModel.js";

export function readPlan(_json: unknown, _options: { region?: string } = {}): TerraformModel {
  throw internalError("readPlan is not merged yet");
}
