import { isTerraformRef, type TerraformWarning } from "../terraformModel.js";
import type { PlanIndex } from "./planIndex.js";
import { isExpression, resolveExpression } from "./resolveExpression.js";

/** Where the unknown values of one instance are recovered, and what was found out. */
export interface RecoveryContext {
  index: PlanIndex;
  /** the instance's address, named in warnings */
  address: string;
  /** the module instance the configuration is written in */
  modulePath: string;
  /** the instance's count index or for_each key */
  key?: string | number | undefined;
  /** paths of arguments left unknown ("subnet_ids", "subnet_configuration[0].subnet_id") */
  unknown: string[];
  warnings: TerraformWarning[];
}

/** A value recovered, an argument left unknown, or a computed attribute left out. */
type Outcome = { value: unknown } | "unknown" | "computed";

/** Arguments that hold a list even when one reference gives their value. */
const LIST_ARGUMENT =
  /(_ids|_arns|_blocks|_regions|^subnets|^security_groups|^allowed_principals)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether an after_unknown mask marks anything unknown. */
export function hasUnknown(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(hasUnknown);
  if (isRecord(mask)) return Object.values(mask).some(hasUnknown);
  return false;
}

function leaveUnknown(path: string, unresolved: readonly string[], context: RecoveryContext) {
  context.unknown.push(path);
  const cause = unresolved.length > 0 ? ` (cannot follow ${unresolved.join(", ")})` : "";
  context.warnings.push({
    message: `${context.address}: ${path} is unknown until apply and cannot be recovered from the configuration${cause}`,
    address: context.address,
  });
  return "unknown" as const;
}

/** Fill the unknown elements of a partly known list with the references found, in order. */
function fillList(value: unknown, mask: unknown, items: unknown[]): unknown[] {
  if (!Array.isArray(value) || !Array.isArray(mask)) return items;
  const holes = value.flatMap((_, i) => (hasUnknown(mask[i]) ? [i] : []));
  const refs = items.filter(isTerraformRef);
  if (holes.length === refs.length) {
    const filled = [...value];
    holes.forEach((hole, n) => {
      filled[hole] = refs[n];
    });
    return filled;
  }
  const known = value.filter((_, i) => !hasUnknown(mask[i]));
  const seen = new Set(known.map((v) => JSON.stringify(v)));
  return [...known, ...items.filter((item) => !seen.has(JSON.stringify(item)))];
}

function recoverExpression(
  value: unknown,
  mask: unknown,
  expression: Parameters<typeof resolveExpression>[0],
  argument: string,
  path: string,
  context: RecoveryContext,
): Outcome {
  const found = resolveExpression(
    expression,
    context.modulePath,
    argument,
    context.index,
    context.key,
  );
  if (found.items.length === 0) return leaveUnknown(path, found.unresolved, context);
  if (found.unresolved.length > 0) {
    context.warnings.push({
      message: `${context.address}: ${path} is recovered only in part from the configuration (cannot follow ${found.unresolved.join(", ")})`,
      address: context.address,
    });
  }
  const list =
    Array.isArray(value) || Array.isArray(mask) || found.splat || LIST_ARGUMENT.test(argument);
  if (!list) return { value: found.items[0] };
  return { value: fillList(value, mask, found.items) };
}

/** A nested block: each unknown attribute recovered, left unknown or left out. */
function recoverBlock(
  value: unknown,
  mask: unknown,
  expressions: Record<string, unknown>,
  path: string,
  context: RecoveryContext,
): Outcome {
  if (!isRecord(value) || !isRecord(mask)) return leaveUnknown(path, [], context);
  const block: Record<string, unknown> = { ...value };
  for (const [name, inner] of Object.entries(mask)) {
    if (name === "__proto__") continue;
    const outcome = recoverValue(
      block[name],
      inner,
      expressions[name],
      name,
      `${path}.${name}`,
      context,
    );
    if (typeof outcome === "object") block[name] = outcome.value;
    else delete block[name];
  }
  return { value: block };
}

/**
 * Recover a value Terraform marks unknown at plan time (`mask` is its after_unknown part)
 * from the configuration `expression` of the same argument: computed attributes (no
 * expression) are left out; arguments whose references cannot be followed are listed in
 * `context.unknown` with a warning.
 */
export function recoverValue(
  value: unknown,
  mask: unknown,
  expression: unknown,
  argument: string,
  path: string,
  context: RecoveryContext,
): Outcome {
  if (!hasUnknown(mask)) return { value };
  if (expression === undefined) return "computed";
  if (isExpression(expression) || (isRecord(expression) && mask === true)) {
    return recoverExpression(value, mask, expression, argument, path, context);
  }
  if (Array.isArray(expression) && Array.isArray(value) && Array.isArray(mask)) {
    const blocks: unknown[] = [];
    value.forEach((element, i) => {
      const inner = expression[i];
      const elementPath = `${path}[${i}]`;
      const outcome = !hasUnknown(mask[i])
        ? { value: element }
        : isRecord(inner)
          ? recoverBlock(element, mask[i], inner, elementPath, context)
          : inner === undefined
            ? "computed"
            : leaveUnknown(elementPath, [], context);
      if (typeof outcome === "object") blocks.push(outcome.value);
    });
    return { value: blocks };
  }
  if (isRecord(expression) && isRecord(value)) {
    return recoverBlock(value, mask, expression, path, context);
  }
  return leaveUnknown(path, [], context);
}
