import { isTerraformRef } from "../terraformModel.js";
import { cidrSubnet } from "./cidrSubnet.js";
import { formatString } from "./formatString.js";
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  ExpressionError,
  isPlainObject,
  NotKnown,
  opaque,
  setKey,
  sortedKeys,
  Unknown,
  valuesEqual,
} from "./terraformValue.js";

/** Strings longer than this are not built (a template doubling itself through locals). */
export const MAX_STRING_LENGTH = 100_000;
/** Lists longer than this are not built (range, for, flatten over hostile input). */
export const MAX_LIST_LENGTH = 100_000;

type Charge = (steps: number) => void;
type TerraformFunction = (args: unknown[], charge: Charge) => unknown;

function arg(args: unknown[], i: number): unknown {
  if (i >= args.length) throw new ExpressionError(`argument ${i + 1} is missing`);
  return args[i];
}

function list(items: unknown[], charge: Charge): unknown[] {
  charge(items.length);
  if (items.length > MAX_LIST_LENGTH) throw new ExpressionError("list too long");
  return items;
}

/** Terraform's jsonencode: object keys sorted; unknown if any value is opaque. */
function jsonEncode(value: unknown, charge: Charge, size = { length: 0 }): string {
  charge(1);
  const unknown = opaque(value);
  if (unknown) throw new NotKnown(unknown);
  let text: string;
  if (Array.isArray(value)) text = `[${value.map((v) => jsonEncode(v, charge, size)).join(",")}]`;
  else if (isPlainObject(value))
    text = `{${sortedKeys(value)
      .map((k) => `${JSON.stringify(k)}:${jsonEncode(value[k], charge, size)}`)
      .join(",")}}`;
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "null";
  else text = JSON.stringify(value) ?? "null";
  size.length += text.length;
  if (size.length > MAX_STRING_LENGTH * 4) throw new ExpressionError("jsonencode: value too large");
  return text;
}

function distinct(items: unknown[], charge: Charge): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    charge(out.length);
    if (!out.some((seen) => sameElement(seen, item, charge))) out.push(item);
  }
  return out;
}

/** Equality that also matches two references to the same attribute. */
function sameElement(a: unknown, b: unknown, charge: Charge): boolean {
  if (isTerraformRef(a) || isTerraformRef(b))
    return (
      isTerraformRef(a) && isTerraformRef(b) && a.$ref === b.$ref && a.attribute === b.attribute
    );
  return valuesEqual(a, b, charge);
}

function toSet(items: unknown[], charge: Charge): unknown[] | Unknown {
  const unknown = items.find((item) => item instanceof Unknown);
  if (unknown instanceof Unknown) return unknown;
  const out = distinct(items, charge);
  return out.every((item) => typeof item === "string") ? (out as string[]).sort() : out;
}

function flatten(value: unknown[], charge: Charge, out: unknown[]): unknown[] {
  for (const item of value) {
    charge(1);
    if (item instanceof Unknown) throw new NotKnown(item);
    if (Array.isArray(item)) flatten(item, charge, out);
    else out.push(item);
    if (out.length > MAX_LIST_LENGTH) throw new ExpressionError("list too long");
  }
  return out;
}

function range(args: unknown[]): number[] {
  const [a, b, c] = args.map(asNumber);
  const [start, limit] = args.length === 1 ? [0, a ?? 0] : [a ?? 0, b ?? 0];
  const step = c ?? (start <= limit ? 1 : -1);
  if (step === 0) throw new ExpressionError("range step must not be zero");
  const out: number[] = [];
  for (let i = start; step > 0 ? i < limit : i > limit; i += step) {
    out.push(i);
    if (out.length > MAX_LIST_LENGTH) throw new ExpressionError("range too long");
  }
  return out;
}

const FUNCTIONS: Readonly<Record<string, TerraformFunction>> = {
  toset: (args, charge) => toSet(asList(arg(args, 0)), charge),
  tolist: (args) => asList(arg(args, 0)),
  tomap: (args) => asObject(arg(args, 0)),
  tostring: (args) => (arg(args, 0) === null ? null : asString(args[0])),
  tonumber: (args) => (arg(args, 0) === null ? null : asNumber(args[0])),
  tobool: (args) => (arg(args, 0) === null ? null : asBool(args[0])),
  jsonencode: (args, charge) => jsonEncode(arg(args, 0), charge),
  jsondecode: (args) => {
    const text = asString(arg(args, 0));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ExpressionError("jsondecode: invalid JSON");
    }
  },
  cidrsubnet: (args) =>
    cidrSubnet(asString(arg(args, 0)), asNumber(arg(args, 1)), asNumber(arg(args, 2))),
  replace: (args) => {
    const [text, search, replacement] = [0, 1, 2].map((i) => asString(arg(args, i)));
    if (search && search.length > 1 && search.startsWith("/") && search.endsWith("/"))
      return new Unknown("replace with a regular expression is not evaluated");
    return (text ?? "").split(search ?? "").join(replacement ?? "");
  },
  length: (args) => {
    const value = arg(args, 0);
    if (typeof value === "string") return [...value].length;
    if (isPlainObject(value)) return Object.keys(value).length;
    return asList(value).length;
  },
  element: (args) => {
    const items = asList(arg(args, 0));
    const i = asNumber(arg(args, 1));
    if (items.length === 0) throw new ExpressionError("element of an empty list");
    return items[Math.floor(i) % items.length];
  },
  concat: (args, charge) =>
    list(
      args.flatMap((a) => asList(a)),
      charge,
    ),
  merge: (args, charge) => {
    const out: Record<string, unknown> = {};
    for (const a of args) {
      if (a === null) continue;
      const object = asObject(a);
      charge(Object.keys(object).length);
      for (const k of Object.keys(object)) setKey(out, k, object[k]);
    }
    return out;
  },
  format: (args) => formatString(asString(arg(args, 0)), args.slice(1)),
  lookup: (args) => {
    const map = asObject(arg(args, 0));
    const key = asString(arg(args, 1));
    if (Object.hasOwn(map, key)) return map[key];
    if (args.length > 2) return args[2];
    throw new ExpressionError(`lookup: no key ${JSON.stringify(key)}`);
  },
  keys: (args) => sortedKeys(asObject(arg(args, 0))),
  values: (args) => {
    const map = asObject(arg(args, 0));
    return sortedKeys(map).map((k) => map[k]);
  },
  contains: (args, charge) => {
    const needle = arg(args, 1);
    return asList(arg(args, 0)).some((item) => sameElement(item, needle, charge));
  },
  distinct: (args, charge) => distinct(asList(arg(args, 0)), charge),
  flatten: (args, charge) => flatten(asList(arg(args, 0)), charge, []),
  join: (args) => {
    const parts = asList(arg(args, 1)).map(asString);
    const separator = asString(arg(args, 0));
    const length = parts.reduce((n, p) => n + p.length + separator.length, 0);
    if (length > MAX_STRING_LENGTH) throw new ExpressionError("string too long");
    return parts.join(separator);
  },
  split: (args) => asString(arg(args, 1)).split(asString(arg(args, 0))),
  lower: (args) => asString(arg(args, 0)).toLowerCase(),
  upper: (args) => asString(arg(args, 0)).toUpperCase(),
  trimspace: (args) => asString(arg(args, 0)).trim(),
  trimprefix: (args) => {
    const [text, prefix] = [asString(arg(args, 0)), asString(arg(args, 1))];
    return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimsuffix: (args) => {
    const [text, suffix] = [asString(arg(args, 0)), asString(arg(args, 1))];
    return suffix && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  startswith: (args) => asString(arg(args, 0)).startsWith(asString(arg(args, 1))),
  endswith: (args) => asString(arg(args, 0)).endsWith(asString(arg(args, 1))),
  substr: (args) => {
    const chars = [...asString(arg(args, 0))];
    const offset = asNumber(arg(args, 1));
    const length = asNumber(arg(args, 2));
    const start = offset < 0 ? chars.length + offset : offset;
    return chars.slice(start, length < 0 ? undefined : start + length).join("");
  },
  coalesce: (args) => {
    for (const a of args) {
      const unknown = opaque(a);
      if (unknown && !isTerraformRef(a)) return unknown;
      if (a !== null && a !== "") return a;
    }
    throw new ExpressionError("coalesce: no non-null argument");
  },
  coalescelist: (args) => {
    for (const a of args) if (asList(a).length > 0) return a;
    throw new ExpressionError("coalescelist: no non-empty list");
  },
  compact: (args) => asList(arg(args, 0)).filter((item) => item !== null && item !== ""),
  range: (args, charge) => list(range(args), charge),
  zipmap: (args) => {
    const keys = asList(arg(args, 0)).map(asString);
    const vals = asList(arg(args, 1));
    if (keys.length !== vals.length)
      throw new ExpressionError("zipmap: lists of different lengths");
    const out: Record<string, unknown> = {};
    keys.forEach((k, i) => setKey(out, k, vals[i]));
    return out;
  },
  reverse: (args) => [...asList(arg(args, 0))].reverse(),
  sort: (args) => asList(arg(args, 0)).map(asString).sort(),
  slice: (args) => asList(arg(args, 0)).slice(asNumber(arg(args, 1)), asNumber(arg(args, 2))),
  one: (args) => {
    const items = asList(arg(args, 0));
    if (items.length > 1) throw new ExpressionError("one: more than one element");
    return items[0] ?? null;
  },
  max: (args) => Math.max(...args.map(asNumber)),
  min: (args) => Math.min(...args.map(asNumber)),
  abs: (args) => Math.abs(asNumber(arg(args, 0))),
  ceil: (args) => Math.ceil(asNumber(arg(args, 0))),
  floor: (args) => Math.floor(asNumber(arg(args, 0))),
};

/** The Terraform functions evaluated statically; any other yields Unknown. */
export const TERRAFORM_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/** Call a Terraform function on evaluated arguments. */
export function callFunction(name: string, args: unknown[], charge: Charge): unknown {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) return new Unknown(`function ${name}() is not evaluated`);
  charge(args.length);
  const result = fn(args, charge);
  if (typeof result === "string" && result.length > MAX_STRING_LENGTH)
    throw new ExpressionError("string too long");
  return result;
}
