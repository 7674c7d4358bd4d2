import type { RawBody } from "./operation.js";
import { readBody } from "./readBody.js";
import { importRequestOf } from "./routes/importRoutes.js";

/** A body whose first member is `terraform` (JSON) or a top-level `terraform:` key (YAML). */
const TERRAFORM_JSON = /^\s*\{\s*"terraform"\s*:/;
const TERRAFORM_YAML = /^terraform\s*:/m;

/**
 * A topology route's body `{ terraform: { files | plan, usage?, vars?, region?, account? } }`
 * imported into the topology it stands for (as JSON text), or the body unchanged. Only a body
 * that starts so is parsed here: every other body goes to the operation as it came.
 */
export async function terraformBody(body: RawBody | null): Promise<RawBody | null> {
  if (body === null) return body;
  const looks =
    body.format === "json" ? TERRAFORM_JSON.test(body.text) : TERRAFORM_YAML.test(body.text);
  if (!looks) return body;
  const data = readBody(body) as Record<string, unknown> | null;
  if (data === null || typeof data !== "object" || !("terraform" in data)) return body;
  const request = importRequestOf(data.terraform, ["terraform"]);
  const { importTerraform } = await import("../terraform/importTerraform.js");
  const { topology } = await importTerraform(request);
  return { text: JSON.stringify(topology), format: "json" };
}
