import { isTerraformRef } from "../terraformModel.js";
import type { Expr } from "./expressionAst.js";
import { callFunction, MAX_STRING_LENGTH } from "./terraformFunctions.js";
import {
  asBool,
  asNumber,
  asString,
  ExpressionError,
  extendRef,
  InstanceValue,
  isPlainObject,
  ModuleValue,
  NotKnown,
  opaque,
  setKey,
  sortedKeys,
  Unknown,
  valuesEqual,
} from "./terraformValue.js";

/** What the names of a module resolve to (var, local, resources, modules), lazily. */
export interface ModuleNames {
  variable(name: string): unknown;
  local(name: string): unknown;
  /** a resource's instances: one InstanceValue, a list (count) or a map (for_each) */
  resource(mode: "managed" | "data", type: string, name: string): unknown;
  module(name: string): unknown;
  path: { module: string; root: string; cwd: string };
  /** pay for work done; throws when the budget of the import is spent */
  charge(steps: number): void;
}

/** Where an expression is evaluated: the module's names and the local bindings. */
export interface Env {
  names: ModuleNames;
  each?: { key: unknown; value: unknown };
  count?: number;
  /** for-expression and dynamic-block variables */
  bound: ReadonlyMap<string, unknown>;
  /** the element a splat is applied to */
  item?: unknown;
}

/**
 * Evaluate an expression to a value: JSON-like data, TerraformRef for an attribute of
 * another instance, or Unknown (with why) when it cannot be known statically. Throws
 * ExpressionError for an expression that is wrong (a missing attribute, an index out of range).
 */
export function evaluate(expr: Expr, env: Env): unknown {
  env.names.charge(1);
  try {
    return evaluateNode(expr, env);
  } catch (error) {
    if (error instanceof NotKnown) return error.unknown;
    throw error;
  }
}

function evaluateNode(expr: Expr, env: Env): unknown {
  switch (expr.k) {
    case "literal":
      return expr.value;
    case "template": {
      let text = "";
      for (const part of expr.parts) {
        text += typeof part === "string" ? part : asString(evaluate(part, env));
        if (text.length > MAX_STRING_LENGTH) throw new ExpressionError("string too long");
      }
      return text;
    }
    case "name":
      if (env.bound.has(expr.name)) return env.bound.get(expr.name);
      throw new ExpressionError(`"${expr.name}" alone is not a value`);
    case "attr":
      return reference(expr, env) ?? attribute(evaluate(expr.of, env), expr.name);
    case "index":
      return index(evaluate(expr.of, env), evaluate(expr.key, env));
    case "splat":
      return splat(expr, env);
    case "splatItem":
      return env.item;
    case "tuple":
      env.names.charge(expr.items.length);
      return expr.items.map((item) => evaluate(item, env));
    case "object": {
      const result: Record<string, unknown> = {};
      for (const item of expr.items)
        setKey(result, asString(evaluate(item.key, env)), evaluate(item.value, env));
      return result;
    }
    case "call":
      return call(expr, env);
    case "conditional":
      return asBool(evaluate(expr.test, env)) ? evaluate(expr.then, env) : evaluate(expr.else, env);
    case "unary":
      return expr.op === "!"
        ? !asBool(evaluate(expr.operand, env))
        : -asNumber(evaluate(expr.operand, env));
    case "binary":
      return binary(expr, env);
    case "for":
      return forExpression(expr, env);
  }
}

/** var.x, local.x, each.key, count.index, path.module, module.m, type.name, data.type.name */
function reference(expr: Extract<Expr, { k: "attr" }>, env: Env): unknown {
  const of = expr.of;
  if (of.k === "attr" && of.of.k === "name" && of.of.name === "data" && !env.bound.has("data"))
    return env.names.resource("data", of.name, expr.name);
  if (of.k !== "name" || env.bound.has(of.name)) return undefined;
  const name = expr.name;
  switch (of.name) {
    case "var":
      return env.names.variable(name);
    case "local":
      return env.names.local(name);
    case "each":
      if (!env.each) throw new ExpressionError("each is only available with for_each");
      if (name === "key") return env.each.key;
      if (name === "value") return env.each.value;
      throw new ExpressionError(`each has no attribute ${name}`);
    case "count":
      if (env.count === undefined || name !== "index")
        throw new ExpressionError("count.index is only available with count");
      return env.count;
    case "path":
      if (name === "module" || name === "root" || name === "cwd") return env.names.path[name];
      throw new ExpressionError(`path has no attribute ${name}`);
    case "terraform":
      if (name === "workspace") return "default";
      throw new ExpressionError(`terraform has no attribute ${name}`);
    case "self":
      return new Unknown("self is known only after apply");
    case "module":
      return env.names.module(name);
    case "data":
      return undefined;
    default:
      return env.names.resource("managed", of.name, name);
  }
}

export function attribute(of: unknown, name: string): unknown {
  if (of instanceof InstanceValue) return of.attribute(name);
  if (of instanceof ModuleValue) return of.output(name);
  if (isTerraformRef(of)) return extendRef(of, name, false);
  if (of instanceof Unknown) return of;
  if (isPlainObject(of)) {
    if (Object.hasOwn(of, name)) return of[name];
    throw new ExpressionError(`no attribute "${name}"`);
  }
  throw new ExpressionError(
    `cannot read attribute "${name}" of ${of === null ? "null" : typeof of}`,
  );
}

export function index(of: unknown, key: unknown): unknown {
  const unknownKey = opaque(key);
  if (unknownKey) return unknownKey;
  if (isTerraformRef(of)) {
    if (typeof key !== "number" && typeof key !== "string")
      throw new ExpressionError("invalid index");
    return extendRef(of, key, true);
  }
  if (of instanceof Unknown) return of;
  if (Array.isArray(of)) {
    const i = asNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= of.length)
      throw new ExpressionError(`index ${i} out of range (${of.length} elements)`);
    return of[i];
  }
  if (isPlainObject(of)) {
    const k = asString(key);
    if (Object.hasOwn(of, k)) return of[k];
    throw new ExpressionError(`no element ${JSON.stringify(k)}`);
  }
  if (of instanceof InstanceValue)
    throw new ExpressionError(`${of.address} has no count or for_each`);
  throw new ExpressionError("cannot index this value");
}

function splat(expr: Extract<Expr, { k: "splat" }>, env: Env): unknown {
  const of = evaluate(expr.of, env);
  if (of instanceof Unknown) return of;
  if (isTerraformRef(of))
    return new Unknown(
      `the number of elements of ${of.$ref}.${of.attribute} is known only after apply`,
    );
  if (of === null) return [];
  const items = Array.isArray(of) ? of : [of];
  env.names.charge(items.length);
  return items.map((item) => evaluate(expr.each, { ...env, item }));
}

function call(expr: Extract<Expr, { k: "call" }>, env: Env): unknown {
  if (expr.name === "try") {
    for (const arg of expr.args) {
      try {
        return evaluate(arg, env);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
      }
    }
    throw new ExpressionError("no argument of try could be evaluated");
  }
  if (expr.name === "can") {
    try {
      const value = evaluate(expr.args[0] ?? { k: "literal", value: null }, env);
      return value instanceof Unknown ? value : true;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      return false;
    }
  }
  const args = expr.args.map((arg) => evaluate(arg, env));
  if (expr.expand) {
    const last = args.pop();
    const unknown = opaque(last);
    if (unknown) return unknown;
    if (!Array.isArray(last)) throw new ExpressionError("only a list can be expanded with ...");
    args.push(...last);
  }
  return callFunction(expr.name, args, env.names.charge);
}

function binary(expr: Extract<Expr, { k: "binary" }>, env: Env): unknown {
  const left = evaluate(expr.left, env);
  switch (expr.op) {
    case "&&":
      return asBool(left) ? asBool(evaluate(expr.right, env)) : false;
    case "||":
      return asBool(left) ? true : asBool(evaluate(expr.right, env));
  }
  const right = evaluate(expr.right, env);
  switch (expr.op) {
    case "==":
      return valuesEqual(left, right, env.names.charge);
    case "!=":
      return !valuesEqual(left, right, env.names.charge);
  }
  const a = asNumber(left);
  const b = asNumber(right);
  switch (expr.op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new ExpressionError("division by zero");
      return a / b;
    case "%":
      if (b === 0) throw new ExpressionError("division by zero");
      return a % b;
  }
}

function forExpression(expr: Extract<Expr, { k: "for" }>, env: Env): unknown {
  const collection = evaluate(expr.collection, env);
  const unknown = opaque(collection);
  if (unknown) return unknown;
  let pairs: [unknown, unknown][];
  if (Array.isArray(collection)) pairs = collection.map((value, i) => [i, value]);
  else if (isPlainObject(collection))
    pairs = sortedKeys(collection).map((key) => [key, collection[key]]);
  else throw new ExpressionError("for needs a list, set, map or object");
  env.names.charge(pairs.length);
  const list: unknown[] = [];
  const object: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    const bound = new Map(env.bound);
    if (expr.keyVar !== undefined) bound.set(expr.keyVar, key);
    bound.set(expr.valueVar, value);
    const inner: Env = { ...env, bound };
    if (expr.condition && !asBool(evaluate(expr.condition, inner))) continue;
    const item = evaluate(expr.value, inner);
    if (!expr.key) {
      list.push(item);
      continue;
    }
    const k = asString(evaluate(expr.key, inner));
    if (expr.group) {
      const group = Object.hasOwn(object, k) ? (object[k] as unknown[]) : [];
      group.push(item);
      setKey(object, k, group);
    } else {
      if (Object.hasOwn(object, k))
        throw new ExpressionError(`duplicate key ${JSON.stringify(k)} in for`);
      setKey(object, k, item);
    }
  }
  return expr.key ? object : list;
}
