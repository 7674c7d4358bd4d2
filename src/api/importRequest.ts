import * as z from "zod";
import { LinkplanError } from "../core/linkplanError.js";

/** At most this many files in one import request (their bytes are bounded by bodyLimit). */
export const MAX_IMPORT_FILES = 1_000;

const TerraformWarningSchema = z.object({
  message: z.string(),
  address: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});

const common = {
  usage: z
    .unknown()
    .optional()
    .describe("a usage file (version: 1, defaults, resources) as an object"),
  region: z.string().optional().describe("the AWS Region when the Terraform does not say"),
  account: z.string().optional().describe("the account id for the imported resources"),
};

/** What POST /v1/import takes: .tf files by path, or a `terraform show -json` plan or state. */
const FilesImportSchema = z
  .object({
    files: z
      .record(z.string(), z.string())
      .refine((files) => Object.keys(files).length <= MAX_IMPORT_FILES, {
        message: `at most ${MAX_IMPORT_FILES} files`,
      })
      .describe('.tf files by path relative to the root module: { "main.tf": "…" }'),
    vars: z.record(z.string(), z.unknown()).optional().describe("Terraform variables"),
    varFiles: z
      .record(z.string(), z.string())
      .optional()
      .describe(".tfvars / .tfvars.json contents by name, applied in order"),
    ...common,
  })
  .strict();

const PlanImportSchema = z
  .object({ plan: z.unknown().describe("terraform show -json output (plan or state)"), ...common })
  .strict();

/** What POST /v1/import takes: .tf files by path, or a `terraform show -json` plan or state. */
export const ImportRequestSchema = z.union([FilesImportSchema, PlanImportSchema]);

export const ImportResponseSchema = z.object({
  topology: z.record(z.string(), z.unknown()).describe("a linkplan topology"),
  warnings: z.array(TerraformWarningSchema),
});

/**
 * An import request checked by the branch it means (`plan` or `files`), so that problems
 * name that branch's fields; `prefix` is where it sits in the body ("terraform" inside a
 * topology route's body). Throws invalid_request.
 */
export function importRequestOf(data: unknown, prefix: string[] = []): ImportRequest {
  const isPlan = typeof data === "object" && data !== null && "plan" in data;
  const parsed = (isPlan ? PlanImportSchema : FilesImportSchema).safeParse(data);
  if (parsed.success) return parsed.data;
  throw new LinkplanError(
    "invalid_request",
    prefix.length > 0 ? `invalid ${prefix.join(".")} member` : "invalid import request",
    parsed.error.issues.slice(0, 100).map((issue) => ({
      path: [...prefix, ...issue.path].join("."),
      message: issue.message,
    })),
  );
}

export type ImportRequest = z.output<typeof ImportRequestSchema>;
