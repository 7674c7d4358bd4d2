/** One module call along a module instance address. */
export interface ModuleStep {
  /** the module call's name: `endpoints` of module.endpoints["a"] */
  name: string;
  /** the address of this module instance, from the root: module.net.module.endpoints["a"] */
  instance: string;
  /** the address without any instance key: module.net.module.endpoints */
  base: string;
  /** the instance key (count index or for_each key), when the call has one */
  key?: string | number;
}

const STEP = String.raw`module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)`;

/**
 * The module calls of a module instance address ("" for the root module → []), e.g.
 * `module.net.module.endpoints["a"]` → net, then endpoints. Whatever cannot be read as
 * `module.<name>[key]` steps ends the list.
 */
export function splitModulePath(address: string): ModuleStep[] {
  const steps: ModuleStep[] = [];
  const step = new RegExp(STEP, "y");
  let instance = "";
  let base = "";
  while (step.lastIndex < address.length) {
    const start = step.lastIndex;
    const match = step.exec(address);
    if (!match) break;
    const name = match[1] ?? "";
    instance += `${instance ? "." : ""}module.${name}${match[2] ?? ""}`;
    base += `${base ? "." : ""}module.${name}`;
    const key = match[2] === undefined ? undefined : match[2].slice(1, -1);
    steps.push({
      name,
      instance,
      base,
      ...(key === undefined
        ? {}
        : { key: key.startsWith('"') ? (JSON.parse(key) as string) : Number(key) }),
    });
    if (step.lastIndex === start) break;
  }
  return steps;
}
