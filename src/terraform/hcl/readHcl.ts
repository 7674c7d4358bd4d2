import { LinkplanError } from "../../core/linkplanError.js";
import type { TerraformModel } from "../terraformModel.js";
import { evaluateValue } from "./evaluateBody.js";
import type { ModuleNames } from "./evaluateExpression.js";
import { type ModuleConfig, moduleConfig } from "./moduleConfig.js";
import { ModuleInstance } from "./moduleInstance.js";
import { parseHclFiles } from "./parseHclFiles.js";
import { type ReadContext, readContext, warning } from "./readContext.js";
import { ExpressionError, findUnresolved, isPlainObject, setKey } from "./terraformValue.js";

/** What readHcl reads: file contents by path relative to the root directory. */
export interface ReadHclInput {
  /** "main.tf", "modules/endpoints/main.tf" → content (other files are ignored) */
  files: Record<string, string>;
  /** -var values, applied last */
  vars?: Record<string, unknown>;
  /** *.tfvars or *.tfvars.json by name → content, applied in the order given */
  varFiles?: Record<string, string>;
  /** the Region of a provider configuration that does not set one */
  region?: string;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Names that resolve to nothing: for .tfvars, whose values must be literal. */
function literalNames(ctx: ReadContext): ModuleNames {
  const none = (): never => {
    throw new ExpressionError("a variables file may hold only literal values");
  };
  return {
    variable: none,
    local: none,
    resource: none,
    module: none,
    path: { module: ".", root: ".", cwd: "." },
    charge: ctx.charge,
  };
}

/**
 * Read a Terraform configuration (the .tf files of a root directory and of the local
 * modules it calls) into resource instances, evaluating statically what can be known:
 * variables (defaults, then var files, then vars), locals, count/for_each, expressions,
 * local modules and the vpc-endpoints registry module. What cannot be known is left out
 * and reported as a warning; a syntax error throws LinkplanError "invalid_syntax".
 */
export async function readHcl(input: ReadHclInput): Promise<TerraformModel> {
  const paths = Object.keys(input.files)
    .filter((p) => p.endsWith(".tf") && !p.split("/").includes(".terraform"))
    .sort();
  if (!paths.some((p) => dirOf(p) === ""))
    throw new LinkplanError(
      "invalid_request",
      "no Terraform configuration: the root directory has no .tf file",
    );
  const varFiles = Object.entries(input.varFiles ?? {});
  const hclVarFiles = varFiles.filter(([name]) => !name.endsWith(".json"));
  const parsed = await parseHclFiles([
    ...paths.map((name) => ({ name, content: input.files[name] ?? "" })),
    ...hclVarFiles.map(([name, content]) => ({ name, content })),
  ]);
  const byDir = new Map<string, { file: string; text: string; json: Record<string, unknown> }[]>();
  paths.forEach((file, i) => {
    const list = byDir.get(dirOf(file)) ?? [];
    list.push({ file, text: input.files[file] ?? "", json: parsed[i] ?? {} });
    byDir.set(dirOf(file), list);
  });
  const modules = new Map<string, ModuleConfig>();
  for (const [dir, files] of byDir) modules.set(dir, moduleConfig(dir, files));
  const ctx = readContext(modules, input.files, input.region);
  const root = modules.get("") as ModuleConfig;
  for (const file of Object.keys(input.files).sort())
    if (file.endsWith(".tf.json") && !file.split("/").includes(".terraform"))
      ctx.warn(
        warning("Terraform JSON configuration (.tf.json) is not read: its blocks are skipped", {
          file,
        }),
      );

  const given: Record<string, unknown> = {};
  const literal = { names: literalNames(ctx), bound: new Map() };
  let hclIndex = paths.length;
  for (const [name, content] of varFiles) {
    let values: unknown;
    if (name.endsWith(".json")) {
      try {
        values = JSON.parse(content);
      } catch (error) {
        throw new LinkplanError("invalid_syntax", `cannot parse ${name}`, [
          { path: name, message: error instanceof Error ? error.message : String(error) },
        ]);
      }
    } else values = evaluateValue(parsed[hclIndex++] ?? {}, literal, ctx.parse);
    if (!isPlainObject(values))
      throw new LinkplanError("invalid_syntax", `cannot parse ${name}`, [
        { path: name, message: "a variables file is a map of variable names to values" },
      ]);
    for (const [key, value] of Object.entries(values)) {
      const unresolved = findUnresolved(value, ctx.charge);
      if (unresolved)
        ctx.warn(
          warning(`variable ${key} is not a literal value (${unresolved.reason}): ignored`, {
            file: name,
          }),
        );
      else setKey(given, key, value);
    }
  }
  for (const [key, value] of Object.entries(input.vars ?? {})) setKey(given, key, value);
  for (const name of Object.keys(given))
    if (!root.variables.has(name))
      ctx.warn(
        warning(`a value is given for variable ${name}, which is not declared: ignored`, {}),
      );

  const instance = new ModuleInstance(ctx, root, {
    address: "",
    depth: 0,
    dirs: [""],
    input: (name) => (Object.hasOwn(given, name) ? { value: given[name] } : undefined),
    providerKey: (local) => local,
  });
  readProviders(root, instance, ctx);
  instance.emit();
  return { resources: ctx.resources, providers: ctx.providers, warnings: ctx.warnings };
}

/** The root module's `provider "aws"` blocks: each configuration's key and Region. */
function readProviders(root: ModuleConfig, names: ModuleNames, ctx: ReadContext): void {
  const env = { names, bound: new Map() };
  for (const block of root.providers) {
    if (block.name !== "aws") continue;
    const alias = evaluateValue(block.body.alias, env, ctx.parse);
    const key = typeof alias === "string" ? `aws.${alias}` : "aws";
    const region =
      block.body.region === undefined
        ? undefined
        : evaluateValue(block.body.region, env, ctx.parse);
    if (typeof region === "string") ctx.providers[key] = { region };
    else {
      if (region !== undefined)
        ctx.warn(
          warning(
            `the region of provider ${key} is not known statically${ctx.region ? `: ${ctx.region} assumed` : " (give --region)"}`,
            { file: block.file, line: block.line },
          ),
        );
      ctx.providers[key] = ctx.region === undefined ? {} : { region: ctx.region };
    }
  }
  if (!ctx.providers.aws)
    ctx.providers.aws = ctx.region === undefined ? {} : { region: ctx.region };
}
