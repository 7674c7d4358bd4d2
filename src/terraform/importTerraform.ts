import { LinkplanError } from "../core/linkplanError.js";
import { readHcl } from "./hcl/readHcl.js";
import { type MappedTerraform, mapTerraform } from "./mapping/mapTerraform.js";
import { withSources } from "./mapping/withSources.js";
import { readPlan } from "./plan/readPlan.js";
import type { TerraformModel } from "./terraformModel.js";
import { parseUsage } from "./usage/parseUsage.js";
import { usageTemplate } from "./usage/usageTemplate.js";

export interface ImportTerraformInput {
  /** .tf (and .tfvars) file contents by path relative to the root directory */
  files?: Record<string, string>;
  /** a `terraform show -json` plan or state, parsed */
  plan?: unknown;
  /** a usage file, parsed from YAML or JSON (see parseUsage) */
  usage?: unknown;
  vars?: Record<string, unknown>;
  varFiles?: Record<string, string>;
  region?: string;
  account?: string;
  /** the topology's name (default "terraform") */
  name?: string;
}

/**
 * A linkplan topology from Terraform: a plan/state JSON (`plan`) or the files of a
 * configuration directory (`files`), with traffic from a usage file. Pure: takes contents,
 * not paths. Returns the topology (valid for parseTopology), the warnings, and the
 * Terraform origin of each element by path.
 */
export async function importTerraform(input: ImportTerraformInput): Promise<MappedTerraform> {
  const usage = input.usage === undefined ? undefined : parseUsage(input.usage);
  const model = await readModel(input);
  const mapped = mapTerraform(model, {
    usage,
    account: input.account,
    region: input.region,
    name: input.name,
  });
  withSources(mapped);
  return mapped;
}

/** The usage file to fill in for this Terraform: every usage-priced address, at zero. */
export async function terraformUsageTemplate(
  input: Pick<ImportTerraformInput, "files" | "plan" | "vars" | "varFiles" | "region">,
): Promise<string> {
  return usageTemplate(await readModel(input));
}

/** The Terraform model of a plan/state JSON or a directory's files. */
async function readModel(
  input: Pick<ImportTerraformInput, "files" | "plan" | "vars" | "varFiles" | "region">,
): Promise<TerraformModel> {
  let model: TerraformModel;
  if (input.plan !== undefined) {
    model = await readPlan(input.plan, input.region === undefined ? {} : { region: input.region });
  } else if (input.files !== undefined) {
    model = await readHcl({
      files: input.files,
      vars: input.vars,
      varFiles: input.varFiles,
      region: input.region,
    });
  } else {
    throw new LinkplanError("invalid_request", "nothing to import", [
      { path: "", message: "give files (a Terraform directory) or plan (a plan or state JSON)" },
    ]);
  }
  return model;
}
