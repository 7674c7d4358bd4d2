import { isTerraformRef, type TerraformRef } from "../terraformModel.js";

/** A value not known statically, with why (shown in the warning). */
export class Unknown {
  constructor(readonly reason: string) {}
}

/** An evaluation error (a missing attribute, a wrong type): `try` moves on, else unknown. */
export class ExpressionError extends Error {}

/** Thrown by the type helpers when an operand is unknown; caught where a value is built. */
export class NotKnown extends Error {
  constructor(readonly unknown: Unknown) {
    super(unknown.reason);
  }
}

/** One resource instance as a value: its known arguments, else references to it. */
export class InstanceValue {
  constructor(
    readonly address: string,
    /** the evaluated arguments, or undefined while they are being evaluated (a cycle) */
    private readonly known: () => Readonly<Record<string, unknown>> | undefined,
  ) {}

  attribute(name: string): unknown {
    const values = this.known();
    if (values && Object.hasOwn(values, name)) return values[name];
    return { $ref: this.address, attribute: name } satisfies TerraformRef;
  }
}

/** A module instance as a value: its outputs. */
export class ModuleValue {
  constructor(
    readonly address: string,
    readonly output: (name: string) => unknown,
  ) {}
}

/** Define a key on a plain object (safe for "__proto__" and friends). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A plain object (a Terraform object or map), not a reference or an opaque value. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof InstanceValue) &&
    !(value instanceof ModuleValue) &&
    !isTerraformRef(value)
  );
}

/** The unknown that stands for an opaque value used where its content is needed. */
export function opaque(value: unknown): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (isTerraformRef(value))
    return new Unknown(`depends on ${value.$ref}.${value.attribute}, known only after apply`);
  if (value instanceof InstanceValue) return new Unknown(`uses the whole object ${value.address}`);
  if (value instanceof ModuleValue) return new Unknown(`uses the whole ${value.address}`);
  return undefined;
}

function known<T>(value: unknown): T {
  const unknown = opaque(value);
  if (unknown) throw new NotKnown(unknown);
  return value as T;
}

export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  return typeof value === "object" ? "object" : typeof value;
}

/** A string (numbers and bools convert, as Terraform does). */
export function asString(value: unknown): string {
  const v = known<unknown>(value);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new ExpressionError(`a string is required, got ${typeName(v)}`);
}

export function asNumber(value: unknown): number {
  const v = known<unknown>(value);
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim())) return Number(v);
  throw new ExpressionError(`a number is required, got ${typeName(v)}`);
}

export function asBool(value: unknown): boolean {
  const v = known<unknown>(value);
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new ExpressionError(`a bool is required, got ${typeName(v)}`);
}

export function asList(value: unknown): unknown[] {
  const v = known<unknown>(value);
  if (Array.isArray(v)) return v;
  throw new ExpressionError(`a list is required, got ${typeName(v)}`);
}

export function asObject(value: unknown): Record<string, unknown> {
  const v = known<unknown>(value);
  if (isPlainObject(v)) return v;
  throw new ExpressionError(`a map or object is required, got ${typeName(v)}`);
}

/** Sorted keys: Terraform iterates maps and objects in lexical key order. */
export function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort();
}

/**
 * Deep equality of two values; unknown when either holds an opaque value. `charge` pays
 * for every node visited (shared sub-values can make a value exponentially large).
 */
export function valuesEqual(a: unknown, b: unknown, charge: (n: number) => void): boolean {
  charge(1);
  known(a);
  known(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => valuesEqual(item, b[i], charge));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k], charge));
  }
  return a === b;
}

/** The first opaque value found anywhere in `value` (depth-first), charging per node. */
export function findOpaque(value: unknown, charge: (n: number) => void): Unknown | undefined {
  charge(1);
  const own = opaque(value);
  if (own) return own;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findOpaque(item, charge);
      if (found) return found;
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const found = findOpaque(value[key], charge);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The first value anywhere in `value` that cannot stand in a TerraformResource's values:
 * unknowns and whole instances or modules (references are fine), charging per node.
 */
export function findUnresolved(value: unknown, charge: (n: number) => void): Unknown | undefined {
  charge(1);
  if (isTerraformRef(value)) return undefined;
  const own = opaque(value);
  if (own) return own;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnresolved(item, charge);
      if (found) return found;
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const found = findUnresolved(value[key], charge);
      if (found) return found;
    }
  }
  return undefined;
}

/** Extend a reference by an attribute or an index: aws_x.y + dns_entry[0].dns_name. */
export function extendRef(
  ref: TerraformRef,
  step: string | number,
  isIndex: boolean,
): TerraformRef {
  const suffix =
    typeof step === "number"
      ? `[${step}]`
      : isIndex
        ? `[${JSON.stringify(step)}]`
        : ref.attribute === ""
          ? step
          : `.${step}`;
  return { $ref: ref.$ref, attribute: `${ref.attribute}${suffix}` };
}
