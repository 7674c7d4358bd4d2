import type { TerraformRef } from "../terraformModel.js";
import { maximalReferences, type ParsedReference, parseReference } from "./parseReference.js";
import { inModule, type PlanIndex, type PlanInstance, resourceBase } from "./planIndex.js";
import type { ConfigExpression } from "./planJsonSchema.js";
import { splitModulePath } from "./splitModulePath.js";

/** What an expression of the configuration stands for, as far as the plan tells. */
export interface Resolution {
  /** the values found, in order: references to planned instances and known constants */
  items: unknown[];
  /** whether a reference stood for several instances (a splat, or a module's instances) */
  splat: boolean;
  /** the references that could not be followed, as written in the configuration */
  unresolved: string[];
}

/** Modules nested deeper than this are not followed (a configuration cannot loop). */
const MAX_DEPTH = 64;

/** Whether a configuration value is an expression (not a nested block). */
export function isExpression(value: unknown): value is ConfigExpression {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return "constant_value" in value || Array.isArray((value as ConfigExpression).references);
}

/** The attribute a reference without one most likely means, from the argument's name. */
function impliedAttribute(argument: string): string {
  return /arns?$/.test(argument) ? "arn" : "id";
}

function formatKey(key: string | number): string {
  return `[${typeof key === "number" ? key : JSON.stringify(key)}]`;
}

/** A constant as items: a list gives its elements; null gives none. */
function literal(value: unknown): Resolution {
  return Array.isArray(value)
    ? { items: value.filter((v) => v !== null), splat: true, unresolved: [] }
    : { items: value === null ? [] : [value], splat: false, unresolved: [] };
}

function byKey(a: PlanInstance, b: PlanInstance): number {
  if (typeof a.key === "number" && typeof b.key === "number") return a.key - b.key;
  return String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0;
}

function merge(parts: readonly Resolution[]): Resolution {
  return {
    items: parts.flatMap((p) => p.items),
    splat: parts.some((p) => p.splat) || parts.length > 1,
    unresolved: parts.flatMap((p) => p.unresolved),
  };
}

interface Context {
  index: PlanIndex;
  argument: string;
  depth: number;
  /** the key of the instance (or module instance) the expression is evaluated for */
  instanceKey?: string | number | undefined;
  /** whether the expression indexes by each.key or count.index */
  byOwnKey?: boolean;
}

/** References that stand for the instance's own key: aws_subnet.a[count.index] */
const OWN_KEY = new Set(["each.key", "count.index"]);

function resolveResource(
  ref: Extract<ParsedReference, { kind: "resource" }>,
  text: string,
  modulePath: string,
  context: Context,
): Resolution {
  const instances = context.index.byBase.get(resourceBase(modulePath, ref)) ?? [];
  const attribute = ref.attribute ?? impliedAttribute(context.argument);
  const toRef = (i: PlanInstance): TerraformRef => ({ $ref: i.address, attribute });
  if (ref.key !== undefined) {
    const instance = instances.find((i) => i.key === ref.key);
    return instance
      ? { items: [toRef(instance)], splat: false, unresolved: [] }
      : { items: [], splat: false, unresolved: [text] };
  }
  const [only] = instances;
  if (instances.length === 1 && only !== undefined && only.key === undefined) {
    return { items: [toRef(only)], splat: false, unresolved: [] };
  }
  if (instances.length === 0) return { items: [], splat: false, unresolved: [text] };
  const own = context.byOwnKey ? instances.find((i) => i.key === context.instanceKey) : undefined;
  if (own !== undefined) return { items: [toRef(own)], splat: false, unresolved: [] };
  return { items: [...instances].sort(byKey).map(toRef), splat: true, unresolved: [] };
}

/** A module input: the module call's argument in the parent module, else the default. */
function resolveVariable(
  name: string,
  text: string,
  modulePath: string,
  context: Context,
): Resolution {
  const { index } = context;
  const steps = splitModulePath(modulePath);
  const call = steps.at(-1);
  if (call === undefined) {
    const value = index.variables[name]?.value;
    return value === undefined ? { items: [], splat: false, unresolved: [text] } : literal(value);
  }
  const parentPath = steps.at(-2)?.instance ?? "";
  const argument = index.configModule(parentPath)?.module_calls?.[call.name]?.expressions?.[name];
  if (isExpression(argument)) {
    return resolveIn(argument, parentPath, {
      ...context,
      depth: context.depth + 1,
      instanceKey: call.key,
    });
  }
  const fallback = index.configModule(modulePath)?.variables?.[name]?.default;
  return fallback === undefined
    ? { items: [], splat: false, unresolved: [text] }
    : literal(fallback);
}

/** A module output: its expression inside each instance of the module. */
function resolveOutput(
  ref: Extract<ParsedReference, { kind: "module" }>,
  text: string,
  modulePath: string,
  context: Context,
): Resolution {
  const call = inModule(modulePath, `module.${ref.name}`);
  const paths =
    ref.key !== undefined
      ? [`${call}${formatKey(ref.key)}`]
      : (context.index.moduleInstances.get(call) ?? [call]);
  const [first] = paths;
  const output =
    ref.output === undefined || first === undefined
      ? undefined
      : context.index.configModule(first)?.outputs?.[ref.output]?.expression;
  if (output === undefined) return { items: [], splat: false, unresolved: [text] };
  const next = { ...context, depth: context.depth + 1, instanceKey: undefined };
  const parts = paths.map((path) => resolveIn(output, path, next));
  return paths.length === 1 && parts[0] !== undefined ? parts[0] : merge(parts);
}

function resolveIn(expression: ConfigExpression, modulePath: string, context: Context): Resolution {
  if ("constant_value" in expression) return literal(expression.constant_value);
  const all = maximalReferences(expression.references ?? []);
  if (context.depth > MAX_DEPTH) return { items: [], splat: false, unresolved: all };
  const byOwnKey = context.instanceKey !== undefined && all.some((text) => OWN_KEY.has(text));
  const references = byOwnKey ? all.filter((text) => !OWN_KEY.has(text)) : all;
  const own = { ...context, byOwnKey };
  const parts = references.map((text): Resolution => {
    const ref = parseReference(text);
    switch (ref.kind) {
      case "resource":
        return resolveResource(ref, text, modulePath, own);
      case "variable":
        return resolveVariable(ref.name, text, modulePath, own);
      case "module":
        return resolveOutput(ref, text, modulePath, own);
      default:
        return { items: [], splat: false, unresolved: [text] };
    }
  });
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  return merge(parts);
}

/**
 * What the configuration expression of `argument` stands for inside the module instance
 * `modulePath`: references to resources become TerraformRefs to their planned instances
 * (every instance for a splat), module inputs follow the module call in the parent module,
 * module outputs follow the output's expression in the called module, constants and known
 * root variables are taken as they are. Indexing by `each.key` or `count.index` picks the
 * instance of the same key as `instanceKey` (the instance the expression is evaluated for).
 * Anything else is listed in `unresolved`.
 */
export function resolveExpression(
  expression: ConfigExpression,
  modulePath: string,
  argument: string,
  index: PlanIndex,
  instanceKey?: string | number,
): Resolution {
  return resolveIn(expression, modulePath, { index, argument, depth: 0, instanceKey });
}
