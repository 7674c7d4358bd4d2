/**
 * A reference as the configuration of a plan JSON lists it (`expressions.*.references`),
 * relative to the module it is written in.
 */
export type ParsedReference =
  | {
      kind: "resource";
      mode: "managed" | "data";
      type: string;
      name: string;
      /** the instance key written after the resource, when any */
      key?: string | number;
      /** the attribute path after the instance: "id", "dns_entry[0].dns_name" */
      attribute?: string;
    }
  | { kind: "variable"; name: string }
  | { kind: "module"; name: string; key?: string | number; output?: string }
  /** local.*, each.*, count.*, path.*, self.*, terraform.*: not followed by the plan reader */
  | { kind: "other" };

const IDENT = "[A-Za-z_][A-Za-z0-9_-]*";
const KEY = String.raw`\[(\d+|"(?:[^"\\]|\\.)*")\]`;
const RESOURCE = new RegExp(`^(data\\.)?(${IDENT})\\.(${IDENT})(?:${KEY})?(?:\\.(.+))?$`);
const MODULE = new RegExp(`^module\\.(${IDENT})(?:${KEY})?(?:\\.(${IDENT}))?(?:[.[].*)?$`);
const VARIABLE = new RegExp(`^var\\.(${IDENT})`);
const OTHER = /^(local|each|count|path|self|terraform)\./;

/** The key of `[0]` or `["logs"]`. */
function parseKey(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  return text.startsWith('"') ? (JSON.parse(text) as string) : Number(text);
}

/** Parse one reference string ("aws_subnet.private[0].id", "var.subnet_ids", "module.vpc.ids"). */
export function parseReference(text: string): ParsedReference {
  if (OTHER.test(text)) return { kind: "other" };
  const variable = VARIABLE.exec(text);
  if (variable) return { kind: "variable", name: variable[1] ?? "" };
  if (text.startsWith("module.")) {
    const module = MODULE.exec(text);
    if (!module) return { kind: "other" };
    const key = parseKey(module[2]);
    return {
      kind: "module",
      name: module[1] ?? "",
      ...(key === undefined ? {} : { key }),
      ...(module[3] === undefined ? {} : { output: module[3] }),
    };
  }
  const resource = RESOURCE.exec(text);
  if (!resource) return { kind: "other" };
  const key = parseKey(resource[4]);
  return {
    kind: "resource",
    mode: resource[1] ? "data" : "managed",
    type: resource[2] ?? "",
    name: resource[3] ?? "",
    ...(key === undefined ? {} : { key }),
    ...(resource[5] === undefined ? {} : { attribute: resource[5] }),
  };
}

/**
 * The references an expression makes, without the shorter forms Terraform lists beside
 * each one: of ["aws_subnet.a[0].id", "aws_subnet.a[0]", "aws_subnet.a"] only the first is
 * kept; a splat (`aws_subnet.a[*].id`) is listed by Terraform as "aws_subnet.a" alone and
 * stays. Order is kept, duplicates dropped.
 */
export function maximalReferences(references: readonly string[]): string[] {
  const unique = [...new Set(references)];
  return unique.filter(
    (shorter) =>
      !unique.some(
        (longer) =>
          longer.length > shorter.length &&
          longer.startsWith(shorter) &&
          (longer[shorter.length] === "." || longer[shorter.length] === "["),
      ),
  );
}
