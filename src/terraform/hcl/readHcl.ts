// PLACEHOLDER (branch tfmap): replaced at merge by the HCL reader's real module.
import { internalError } from "../../core/linkplanError.js";
import type { TerraformModel } from "../terraformModel.js";

export async function readHcl(_input: {
  files: Record<string, string>;
  vars?: Record<string, unknown> | undefined;
  varFiles?: Record<string, string> | undefined;
  region?: string | undefined;
}): Promise<TerraformModel> {
  throw internalError("readHcl is not merged yet");
}
