import { LinkplanError } from "../core/linkplanError.js";
import { importTerraform } from "../terraform/importTerraform.js";
import { importRequestOf } from "./importRequest.js";
import type { RawBody } from "./operation.js";
import { readBody } from "./readBody.js";

/** A body whose first member is `terraform` (JSON) or a top-level `terraform:` key (YAML). */
const TERRAFORM_JSON = /^\s*\{\s*"terraform"\s*:/;
const TERRAFORM_YAML = /^terraform\s*:/m;

/** Whether a topology route's body may be `{ terraform: … }` (imported before the operation). */
export function looksLikeTerraform(body: RawBody | null): boolean {
  if (body === null) return false;
  return body.format === "json" ? TERRAFORM_JSON.test(body.text) : TERRAFORM_YAML.test(body.text);
}

/**
 * A topology route's body `{ terraform: { files | plan, usage?, vars?, region?, account? } }`
 * imported into the topology it stands for (as JSON text), or the body unchanged. Only a body
 * that starts so is parsed here: every other body goes to the operation as it came.
 */
export async function terraformBody(body: RawBody | null): Promise<RawBody | null> {
  if (body === null || !looksLikeTerraform(body)) return body;
  const data = readBody(body) as Record<string, unknown> | null;
  if (data === null || typeof data !== "object" || !("terraform" in data)) return body;
  const request = importRequestOf(data.terraform, ["terraform"]);
  const { topology } = await importTerraform(request);
  return { text: JSON.stringify(topology), format: "json" };
}

/** POST /v1/import's work: the body's Terraform as `{ topology, warnings }` (JSON text). */
export async function importBody(body: RawBody | null): Promise<string> {
  if (body === null) {
    throw new LinkplanError("invalid_request", "invalid import request", [
      { path: "", message: "give { files } (a Terraform directory) or { plan } (a plan JSON)" },
    ]);
  }
  const request = importRequestOf(readBody(body));
  const { topology, warnings } = await importTerraform(request);
  return JSON.stringify({ topology, warnings });
}
