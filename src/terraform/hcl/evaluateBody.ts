import { type Env, evaluate } from "./evaluateExpression.js";
import type { Expr } from "./expressionAst.js";
import { ExpressionSyntaxError } from "./parseExpression.js";
import {
  ExpressionError,
  findUnresolved,
  isPlainObject,
  opaque,
  setKey,
  sortedKeys,
  Unknown,
} from "./terraformValue.js";

/** Parse a template string (cached by the caller); a syntax error is returned, not thrown. */
export type TemplateParser = (text: string) => Expr | ExpressionSyntaxError;

/** An argument (or a nested block's argument: "alias[0].name") not known, with why. */
export interface UnknownArgument {
  path: string;
  reason: string;
}

export interface EvaluatedBody {
  values: Record<string, unknown>;
  unknown: UnknownArgument[];
}

/**
 * Evaluate a value of hcl2json's output: strings are templates, lists and objects are
 * evaluated element by element (object keys are templates too). Never throws an
 * evaluation error: what cannot be evaluated is Unknown, with why.
 */
export function evaluateValue(value: unknown, env: Env, parse: TemplateParser): unknown {
  env.names.charge(1);
  if (typeof value === "string") {
    const expr = parse(value);
    if (expr instanceof ExpressionSyntaxError)
      return new Unknown(`expression not understood (${expr.message})`);
    try {
      return evaluate(expr, env);
    } catch (error) {
      if (error instanceof ExpressionError) return new Unknown(error.message);
      throw error;
    }
  }
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, env, parse));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const k = evaluateValue(key, env, parse);
      if (typeof k !== "string") return opaque(k) ?? new Unknown("an object key is not a string");
      setKey(out, k, evaluateValue(value[key], env, parse));
    }
    return out;
  }
  return value;
}

/** A list of objects in hcl2json's output: nested blocks (`ingress { … }`). */
function isBlockList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isPlainObject(v));
}

/**
 * Evaluate a block's arguments and nested blocks (dynamic blocks expanded). Arguments in
 * `skip` (meta-arguments) are left out; an unknown argument is left out and listed.
 */
export function evaluateBody(
  body: Record<string, unknown>,
  env: Env,
  parse: TemplateParser,
  skip: ReadonlySet<string> = new Set(),
  prefix = "",
): EvaluatedBody {
  const values: Record<string, unknown> = {};
  const unknown: UnknownArgument[] = [];
  for (const key of Object.keys(body)) {
    if (skip.has(key)) continue;
    const raw = body[key];
    if (key === "dynamic" && isPlainObject(raw)) {
      dynamicBlocks(raw, env, parse, prefix, values, unknown);
      continue;
    }
    if (isBlockList(raw)) {
      const blocks = Array.isArray(values[key]) ? (values[key] as unknown[]) : [];
      raw.forEach((block, i) => {
        const inner = evaluateBody(block, env, parse, new Set(), `${prefix}${key}[${i}].`);
        blocks.push(inner.values);
        unknown.push(...inner.unknown);
      });
      setKey(values, key, blocks);
      continue;
    }
    const value = evaluateValue(raw, env, parse);
    if (value === null) continue;
    const unresolved = findUnresolved(value, env.names.charge);
    if (unresolved) unknown.push({ path: `${prefix}${key}`, reason: unresolved.reason });
    else setKey(values, key, value);
  }
  return { values, unknown };
}

/** `dynamic "ingress" { for_each = …; iterator = rule; content { … } }` → ingress blocks. */
function dynamicBlocks(
  dynamic: Record<string, unknown>,
  env: Env,
  parse: TemplateParser,
  prefix: string,
  values: Record<string, unknown>,
  unknown: UnknownArgument[],
): void {
  for (const blockType of Object.keys(dynamic)) {
    const specs = Array.isArray(dynamic[blockType]) ? (dynamic[blockType] as unknown[]) : [];
    const blocks = Array.isArray(values[blockType]) ? (values[blockType] as unknown[]) : [];
    for (const spec of specs) {
      if (!isPlainObject(spec)) continue;
      const collection = evaluateValue(spec.for_each, env, parse);
      const unresolved = opaque(collection);
      if (unresolved || (!Array.isArray(collection) && !isPlainObject(collection))) {
        const reason = unresolved?.reason ?? "for_each is not a collection";
        unknown.push({ path: `${prefix}${blockType}`, reason: `dynamic block: ${reason}` });
        continue;
      }
      const iterator =
        typeof spec.iterator === "string" ? spec.iterator.replace(/^\$\{(.*)\}$/, "$1") : blockType;
      const pairs: [unknown, unknown][] = Array.isArray(collection)
        ? collection.map((v, i) => [i, v])
        : sortedKeys(collection).map((k) => [k, collection[k]]);
      env.names.charge(pairs.length);
      const content = Array.isArray(spec.content) ? spec.content[0] : spec.content;
      if (!isPlainObject(content)) continue;
      for (const [key, value] of pairs) {
        const bound = new Map(env.bound).set(iterator, { key, value });
        const path = `${prefix}${blockType}[${blocks.length}].`;
        const inner = evaluateBody(content, { ...env, bound }, parse, new Set(), path);
        blocks.push(inner.values);
        unknown.push(...inner.unknown);
      }
    }
    setKey(values, blockType, blocks);
  }
}
