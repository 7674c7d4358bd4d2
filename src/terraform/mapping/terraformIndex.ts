import { isTerraformRef, type TerraformModel, type TerraformResource } from "../terraformModel.js";

/**
 * Lookups over a model's managed resources: by address, by address without key, and by the
 * literal ids, ARNs and DNS names a state records (so a literal "subnet-0abc" or an ARN
 * resolves like a TerraformRef would).
 */
export interface TerraformIndex {
  resources: readonly TerraformResource[];
  /** managed resources and data sources by address */
  byAddress: ReadonlyMap<string, TerraformResource>;
  /** the resources a value refers to: TerraformRefs, literal ids/ARNs, lists of either */
  resolve(value: unknown): TerraformResource[];
  /** a string value, or the literal value of the attribute a TerraformRef names */
  text(value: unknown): string | undefined;
  /** a list value as its items (a single value as one item) */
  list(value: unknown): unknown[];
  /** resources of a type, in model order */
  ofType(type: string): TerraformResource[];
}

/** The value at an attribute path such as "dns_entry[0].dns_name" of some values. */
export function attributeValue(values: Record<string, unknown>, path: string): unknown {
  let current: unknown = values;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (typeof current === "object" && current !== null && !Array.isArray(current))
      current = (current as Record<string, unknown>)[part];
    else return undefined;
  }
  return current;
}

function literalKeys(resource: TerraformResource): string[] {
  const keys: string[] = [];
  for (const name of ["id", "arn", "zone_id"]) {
    const value = resource.values[name];
    if (typeof value === "string" && value !== "") keys.push(value);
  }
  const entries = resource.values.dns_entry;
  if (Array.isArray(entries)) {
    for (const entry of entries) {
      const name = (entry as Record<string, unknown> | null)?.dns_name;
      if (typeof name === "string" && name !== "") keys.push(name);
    }
  }
  return keys;
}

export function indexTerraform(model: TerraformModel): TerraformIndex {
  const resources = model.resources.filter((r) => r.mode === "managed");
  const byAddress = new Map<string, TerraformResource>();
  const byBase = new Map<string, TerraformResource[]>();
  const byLiteral = new Map<string, TerraformResource>();
  const byType = new Map<string, TerraformResource[]>();
  // data sources resolve too (a data.aws_vpc_endpoint_service's service), after resources
  const data = model.resources.filter((r) => r.mode === "data");
  for (const resource of data) {
    const base = byBase.get(resource.baseAddress);
    if (base) base.push(resource);
    else byBase.set(resource.baseAddress, [resource]);
  }
  for (const resource of [...resources, ...data]) {
    if (!byAddress.has(resource.address)) byAddress.set(resource.address, resource);
    for (const key of literalKeys(resource)) if (!byLiteral.has(key)) byLiteral.set(key, resource);
  }
  for (const resource of resources) {
    const base = byBase.get(resource.baseAddress);
    if (base) base.push(resource);
    else byBase.set(resource.baseAddress, [resource]);
    const typed = byType.get(resource.type);
    if (typed) typed.push(resource);
    else byType.set(resource.type, [resource]);
  }
  const list = (value: unknown): unknown[] =>
    Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const resolve = (value: unknown): TerraformResource[] =>
    list(value).flatMap((item) => {
      if (isTerraformRef(item)) {
        const found = byAddress.get(item.$ref);
        return found ? [found] : (byBase.get(item.$ref) ?? []);
      }
      if (typeof item !== "string") return [];
      const found = byLiteral.get(item);
      return found ? [found] : [];
    });
  const text = (value: unknown): string | undefined => {
    if (typeof value === "string") return value;
    if (!isTerraformRef(value)) return undefined;
    const target = byAddress.get(value.$ref);
    const found = target && attributeValue(target.values, value.attribute);
    return typeof found === "string" ? found : undefined;
  };
  return {
    resources,
    byAddress,
    resolve,
    text,
    list,
    ofType: (type) => byType.get(type) ?? [],
  };
}
