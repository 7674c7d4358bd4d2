import { LinkplanError } from "../../core/linkplanError.js";
import type { TerraformResource, TerraformWarning } from "../terraformModel.js";
import type { TemplateParser } from "./evaluateBody.js";
import type { ModuleConfig } from "./moduleConfig.js";
import { ExpressionSyntaxError, parseTemplate } from "./parseExpression.js";

/** Evaluation steps one import may take (every node, element and call pays one or more). */
export const MAX_STEPS = 500_000;
/** Instances one resource or module call may have (count or for_each). */
export const MAX_INSTANCES = 10_000;
/** Local modules nested deeper than this are skipped with a warning. */
export const MAX_MODULE_DEPTH = 16;
/** Lazy evaluations (a local using a local using …) nested deeper than this are unknown. */
export const MAX_REFERENCE_DEPTH = 100;

/** What one readHcl call shares across its modules: parsed configuration, budget, output. */
export interface ReadContext {
  /** module configurations by directory ("" for the root) */
  modules: ReadonlyMap<string, ModuleConfig>;
  /** file texts by path, to find lines */
  files: Readonly<Record<string, string>>;
  warnings: TerraformWarning[];
  resources: TerraformResource[];
  providers: Record<string, { region?: string }>;
  /** the region given to the import (--region), used when a provider has none */
  region: string | undefined;
  charge(steps: number): void;
  /** run `work` one lazy evaluation deeper; `tooDeep` when over MAX_REFERENCE_DEPTH */
  nested<T>(work: () => T, tooDeep: () => T): T;
  warn(warning: TerraformWarning): void;
  /** parse a template string of hcl2json's output, once per distinct text */
  parse: TemplateParser;
  /** the region of a provider configuration ("aws", "aws.consumer"), else the given one */
  regionOf(provider: string): string | undefined;
}

export function readContext(
  modules: ReadonlyMap<string, ModuleConfig>,
  files: Readonly<Record<string, string>>,
  region: string | undefined,
): ReadContext {
  let steps = 0;
  let depth = 0;
  const warnings: TerraformWarning[] = [];
  const seen = new Set<string>();
  const parsed = new Map<string, ReturnType<TemplateParser>>();
  const providers: Record<string, { region?: string }> = {};
  return {
    modules,
    files,
    warnings,
    resources: [],
    providers,
    region,
    regionOf: (provider) => providers[provider]?.region ?? region,
    parse(text) {
      let expr = parsed.get(text);
      if (expr === undefined) {
        try {
          expr = parseTemplate(text);
        } catch (error) {
          if (!(error instanceof ExpressionSyntaxError)) throw error;
          expr = error;
        }
        parsed.set(text, expr);
      }
      return expr;
    },
    charge(n) {
      steps += n;
      if (steps > MAX_STEPS)
        throw new LinkplanError(
          "limit_exceeded",
          `the Terraform configuration takes more than ${MAX_STEPS} evaluation steps`,
        );
    },
    nested(work, tooDeep) {
      if (depth >= MAX_REFERENCE_DEPTH) return tooDeep();
      depth += 1;
      try {
        return work();
      } finally {
        depth -= 1;
      }
    },
    warn(warning) {
      const key = `${warning.file}:${warning.line}:${warning.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push(warning);
    },
  };
}

/** "main.tf:12: " or "main.tf: " or "" */
export function at(file: string | undefined, line: number | undefined): string {
  if (file === undefined) return "";
  return line === undefined ? `${file}: ` : `${file}:${line}: `;
}

/** A warning whose message starts with file:line and names the address. */
export function warning(
  message: string,
  where: { file?: string | undefined; line?: number | undefined; address?: string | undefined },
): TerraformWarning {
  return {
    message: `${at(where.file, where.line)}${where.address ? `${where.address}: ` : ""}${message}`,
    ...(where.address === undefined ? {} : { address: where.address }),
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.line === undefined ? {} : { line: where.line }),
  };
}
