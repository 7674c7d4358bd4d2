import type { TerraformModel, TerraformResource, TerraformWarning } from "../terraformModel.js";
import { parsePlanJson } from "./parsePlanJson.js";
import { buildPlanIndex, type PlanIndex, type PlanInstance } from "./planIndex.js";
import { planProviders } from "./planProviders.js";
import { hasUnknown, type RecoveryContext, recoverValue } from "./recoverValue.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON value (the model shares nothing with the input). */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // an own "__proto__" member of the input stays a member, never the copy's prototype
    Object.defineProperty(copy, key, {
      value: copyJson(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy as T;
}

/**
 * The values of a planned instance: the change's `after` (known values, unknown ones null)
 * with each unknown argument recovered from the configuration's references, left out
 * (computed attributes such as id) or listed in `unknown` with a warning.
 */
function plannedValues(
  instance: PlanInstance,
  index: PlanIndex,
  warnings: TerraformWarning[],
): { values: Record<string, unknown>; unknown: string[] } {
  const change = index.changes.get(instance.address)?.change;
  const after = isRecord(change?.after) ? change.after : (instance.resource.values ?? {});
  const values: Record<string, unknown> = copyJson(after);
  const mask = change?.after_unknown;
  const context: RecoveryContext = {
    index,
    address: instance.address,
    modulePath: instance.modulePath,
    key: instance.key,
    unknown: [],
    warnings,
  };
  if (!isRecord(mask) || !hasUnknown(mask)) return { values, unknown: context.unknown };

  const config = index.resourceConfig(instance);
  if (config === undefined) {
    const names = Object.keys(mask).filter((name) => hasUnknown(mask[name]));
    for (const name of names) delete values[name];
    warnings.push({
      message: `${instance.address}: not found in the plan's configuration; unknown until apply: ${names.join(", ")}`,
      address: instance.address,
    });
    return { values, unknown: names };
  }
  const expressions = config.expressions ?? {};
  for (const [name, inner] of Object.entries(mask)) {
    if (name === "__proto__") continue;
    const outcome = recoverValue(values[name], inner, expressions[name], name, name, context);
    if (typeof outcome === "object") values[name] = outcome.value;
    else delete values[name];
  }
  return { values, unknown: context.unknown };
}

/**
 * Read the output of `terraform show -json plan.out` (a plan: planned_values, with values
 * unknown at plan time recovered from the configuration's references the way Infracost
 * does) or of `terraform show -json` of a state (values, all known) as a TerraformModel:
 * one TerraformResource per resource instance, root module first, then child modules.
 * Throws `invalid_terraform_plan` for anything else or another major format_version.
 */
export function readPlan(json: unknown, options: { region?: string } = {}): TerraformModel {
  const { kind, plan } = parsePlanJson(json);
  const index = buildPlanIndex(plan, kind);
  const providers = planProviders(plan, options);
  const warnings: TerraformWarning[] = [];

  const resources = index.instances.map((instance): TerraformResource => {
    const { resource } = instance;
    const { values, unknown } =
      kind === "plan"
        ? plannedValues(instance, index, warnings)
        : { values: copyJson(resource.values ?? {}), unknown: [] };
    const configKey =
      kind === "plan" ? index.resourceConfig(instance)?.provider_config_key : undefined;
    return {
      address: instance.address,
      baseAddress: instance.baseAddress,
      mode: instance.mode,
      type: resource.type,
      name: resource.name,
      ...(instance.key === undefined ? {} : { key: instance.key }),
      values,
      unknown,
      provider: providers.keyOf(configKey, resource.provider_name),
    };
  });

  for (const resource of index.skipped) {
    warnings.push({
      message: `${resource.address}: mode ${JSON.stringify(resource.mode)} is not read (only managed resources and data sources)`,
      address: resource.address,
    });
  }
  return { resources, providers: providers.providers(), warnings };
}
