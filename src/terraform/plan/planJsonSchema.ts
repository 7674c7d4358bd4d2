import * as z from "zod";

/**
 * The parts of `terraform show -json` (JSON output format 1.x,
 * developer.hashicorp.com/terraform/internals/json-format) the plan reader uses. Members it
 * does not use are dropped; unknown members are ignored, as the format asks of readers.
 */

/** A resource instance of a values representation (planned_values, values, prior_state). */
export interface ValuesResource {
  address: string;
  /** "managed" or "data"; a mode of a later 1.x format is passed over */
  mode: string;
  type: string;
  name: string;
  index?: string | number | undefined;
  provider_name?: string | undefined;
  values?: Record<string, unknown> | null | undefined;
}

/** A module of a values representation: the root module or a child module instance. */
export interface ValuesModule {
  address?: string | undefined;
  resources?: ValuesResource[] | undefined;
  child_modules?: ValuesModule[] | undefined;
}

/** An expression of the configuration: a constant, or the references it makes. */
export interface ConfigExpression {
  constant_value?: unknown;
  references?: string[] | undefined;
}

export interface ConfigResource {
  address: string;
  mode?: string | undefined;
  type?: string | undefined;
  name?: string | undefined;
  provider_config_key?: string | undefined;
  /** argument → expression; a nested block → an array (or object) of such mappings */
  expressions?: Record<string, unknown> | undefined;
}

export interface ConfigModuleCall {
  source?: string | undefined;
  expressions?: Record<string, unknown> | undefined;
  module?: ConfigModule | undefined;
}

export interface ConfigModule {
  resources?: ConfigResource[] | undefined;
  module_calls?: Record<string, ConfigModuleCall> | undefined;
  outputs?: Record<string, { expression?: ConfigExpression | undefined }> | undefined;
  variables?: Record<string, { default?: unknown }> | undefined;
}

export interface ProviderConfig {
  name?: string | undefined;
  full_name?: string | undefined;
  alias?: string | undefined;
  module_address?: string | undefined;
  expressions?: Record<string, unknown> | undefined;
}

export interface ResourceChange {
  address: string;
  deposed?: string | undefined;
  change: {
    after?: unknown;
    after_unknown?: unknown;
  };
}

/** A plan (planned_values) or a state (values), as `terraform show -json` prints it. */
export interface PlanJson {
  format_version: string;
  planned_values?: { root_module?: ValuesModule | undefined } | undefined;
  values?: { root_module?: ValuesModule | undefined } | undefined;
  resource_changes?: ResourceChange[] | undefined;
  variables?: Record<string, { value?: unknown }> | undefined;
  configuration?:
    | {
        provider_config?: Record<string, ProviderConfig> | undefined;
        root_module?: ConfigModule | undefined;
      }
    | undefined;
}

const ExpressionSchema = z.object({
  constant_value: z.unknown().optional(),
  references: z.array(z.string()).optional(),
});

const ValuesResourceSchema = z.object({
  address: z.string(),
  mode: z.string(),
  type: z.string(),
  name: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string().optional(),
  values: z.record(z.string(), z.unknown()).nullable().optional(),
});

const ValuesModuleSchema: z.ZodType<ValuesModule> = z.lazy(() =>
  z.object({
    address: z.string().optional(),
    resources: z.array(ValuesResourceSchema).optional(),
    child_modules: z.array(ValuesModuleSchema).optional(),
  }),
);

const ConfigResourceSchema = z.object({
  address: z.string(),
  mode: z.string().optional(),
  type: z.string().optional(),
  name: z.string().optional(),
  provider_config_key: z.string().optional(),
  expressions: z.record(z.string(), z.unknown()).optional(),
});

const ConfigModuleSchema: z.ZodType<ConfigModule> = z.lazy(() =>
  z.object({
    resources: z.array(ConfigResourceSchema).optional(),
    module_calls: z
      .record(
        z.string(),
        z.object({
          source: z.string().optional(),
          expressions: z.record(z.string(), z.unknown()).optional(),
          module: ConfigModuleSchema.optional(),
        }),
      )
      .optional(),
    outputs: z.record(z.string(), z.object({ expression: ExpressionSchema.optional() })).optional(),
    variables: z.record(z.string(), z.object({ default: z.unknown().optional() })).optional(),
  }),
);

const ProviderConfigSchema = z.object({
  name: z.string().optional(),
  full_name: z.string().optional(),
  alias: z.string().optional(),
  module_address: z.string().optional(),
  expressions: z.record(z.string(), z.unknown()).optional(),
});

const ResourceChangeSchema = z.object({
  address: z.string(),
  deposed: z.string().optional(),
  change: z.object({ after: z.unknown().optional(), after_unknown: z.unknown().optional() }),
});

const StateValuesSchema = z.object({ root_module: ValuesModuleSchema.optional() });

/** The outer shape of a plan or state JSON (format 1.x). */
export const PlanJsonSchema: z.ZodType<PlanJson> = z.object({
  format_version: z.string(),
  planned_values: StateValuesSchema.optional(),
  values: StateValuesSchema.optional(),
  resource_changes: z.array(ResourceChangeSchema).optional(),
  variables: z.record(z.string(), z.object({ value: z.unknown().optional() })).optional(),
  configuration: z
    .object({
      provider_config: z.record(z.string(), ProviderConfigSchema).optional(),
      root_module: ConfigModuleSchema.optional(),
    })
    .optional(),
});
