import type { TerraformModel } from "../terraformModel.js";
import type { PlanJson, ProviderConfig } from "./planJsonSchema.js";
import { isExpression } from "./resolveExpression.js";

/** The provider configurations of a plan: each resource's key and each key's region. */
export interface PlanProviders {
  /** "aws", "aws.consumer" (or module.m:aws for a provider block written in a module) */
  keyOf(configKey: string | undefined, providerName: string | undefined): string;
  /** the providers record of the model, with every key keyOf returned */
  providers(): TerraformModel["providers"];
}

/** "registry.terraform.io/hashicorp/aws" → "aws" */
function providerType(name: string | undefined): string {
  return name?.split("/").at(-1) ?? "aws";
}

/** A configuration's own region, when the plan tells it (a constant or a root variable). */
function regionOf(config: ProviderConfig, plan: PlanJson): string | undefined {
  const region = config.expressions?.region;
  if (!isExpression(region)) return undefined;
  if (typeof region.constant_value === "string") return region.constant_value;
  const [reference] = region.references ?? [];
  const variable = config.module_address ? undefined : /^var\.([\w-]+)$/.exec(reference ?? "");
  const value = variable?.[1] === undefined ? undefined : plan.variables?.[variable[1]]?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * Provider configurations as the model names them. A resource's `provider_config_key`
 * names the configuration it uses (Terraform already resolves inherited and passed
 * providers to the root configuration's key); a provider block written inside a module
 * keeps its module-qualified key. The region is the configuration's `region` argument,
 * else `options.region` (AWS providers only).
 */
export function planProviders(plan: PlanJson, options: { region?: string }): PlanProviders {
  const configs = plan.configuration?.provider_config ?? {};
  const regions = new Map<string, string | undefined>();
  const awsDefault = (type: string) => (type === "aws" ? options.region : undefined);

  const nameOf = (configKey: string, config: ProviderConfig): string => {
    const local = config.name ?? configKey.split(":").at(-1) ?? configKey;
    const named = config.alias ? `${local}.${config.alias}` : local;
    return config.module_address && config.expressions?.region !== undefined
      ? `${config.module_address}:${named}`
      : named;
  };

  for (const [configKey, config] of Object.entries(configs)) {
    if (config.module_address && config.expressions?.region === undefined) continue;
    const type = providerType(config.full_name ?? config.name);
    regions.set(nameOf(configKey, config), regionOf(config, plan) ?? awsDefault(type));
  }

  return {
    keyOf(configKey, providerName) {
      const config = configKey === undefined ? undefined : configs[configKey];
      const key =
        config !== undefined && configKey !== undefined
          ? nameOf(configKey, config)
          : (configKey?.split(":").at(-1) ?? providerType(providerName));
      if (!regions.has(key)) regions.set(key, awsDefault(providerType(providerName)));
      return key;
    },
    providers() {
      const out: TerraformModel["providers"] = {};
      for (const [key, region] of [...regions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        out[key] = region === undefined ? {} : { region };
      }
      return out;
    },
  };
}
