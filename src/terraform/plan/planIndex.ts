import type {
  ConfigModule,
  ConfigResource,
  PlanJson,
  ResourceChange,
  ValuesModule,
  ValuesResource,
} from "./planJsonSchema.js";
import { splitModulePath } from "./splitModulePath.js";

/** One resource instance of the planned values (or of the state). */
export interface PlanInstance {
  /** absolute instance address, as given */
  address: string;
  /** the address without the instance key */
  baseAddress: string;
  /** the module instance it belongs to ("" for the root module) */
  modulePath: string;
  key?: string | number;
  mode: "managed" | "data";
  resource: ValuesResource;
}

/** The plan, indexed for following references: instances, modules, configuration. */
export interface PlanIndex {
  /** every instance, root module first, then child modules depth first */
  instances: PlanInstance[];
  /** instances of another mode than managed or data, passed over */
  skipped: ValuesResource[];
  /** instances by base address (module.m.aws_subnet.private → its count/for_each instances) */
  byBase: ReadonlyMap<string, PlanInstance[]>;
  /** module instance addresses by their address without keys (module.m → module.m["a"], …) */
  moduleInstances: ReadonlyMap<string, string[]>;
  /** the planned change of each instance (deposed objects left out) */
  changes: ReadonlyMap<string, ResourceChange>;
  /** root module input variables with their values */
  variables: Readonly<Record<string, { value?: unknown }>>;
  /** the configuration of a module instance's module (by its module calls) */
  configModule(modulePath: string): ConfigModule | undefined;
  /** the configuration block of an instance, when the plan has a configuration */
  resourceConfig(instance: PlanInstance): ConfigResource | undefined;
}

/** The address of `name` inside the module instance `modulePath`. */
export function inModule(modulePath: string, name: string): string {
  return modulePath ? `${modulePath}.${name}` : name;
}

/** A resource's address without its key: module.m.aws_subnet.a, module.m.data.aws_vpc.v */
export function resourceBase(
  modulePath: string,
  resource: Pick<ValuesResource, "mode" | "type" | "name">,
): string {
  const local = `${resource.mode === "data" ? "data." : ""}${resource.type}.${resource.name}`;
  return inModule(modulePath, local);
}

interface Walk {
  instances: PlanInstance[];
  skipped: ValuesResource[];
  modules: Map<string, string[]>;
}

function walk(module: ValuesModule, modulePath: string, found: Walk): void {
  const { instances, modules } = found;
  for (const resource of module.resources ?? []) {
    const mode = resource.mode;
    if (mode !== "managed" && mode !== "data") {
      found.skipped.push(resource);
      continue;
    }
    instances.push({
      address: resource.address,
      baseAddress: resourceBase(modulePath, resource),
      modulePath,
      ...(resource.index === undefined ? {} : { key: resource.index }),
      mode,
      resource,
    });
  }
  for (const child of module.child_modules ?? []) {
    const path = child.address ?? "";
    const base = splitModulePath(path).at(-1)?.base;
    if (base !== undefined) {
      const known = modules.get(base);
      if (known === undefined) modules.set(base, [path]);
      else if (!known.includes(path)) known.push(path);
    }
    walk(child, path, found);
  }
}

/** Index a plan (planned_values) or a state (values) for reading. */
export function buildPlanIndex(plan: PlanJson, kind: "plan" | "state"): PlanIndex {
  const root = (kind === "plan" ? plan.planned_values : plan.values)?.root_module ?? {};
  const instances: PlanInstance[] = [];
  const skipped: ValuesResource[] = [];
  const moduleInstances = new Map<string, string[]>();
  walk(root, "", { instances, skipped, modules: moduleInstances });

  const byBase = new Map<string, PlanInstance[]>();
  for (const instance of instances) {
    const list = byBase.get(instance.baseAddress);
    if (list === undefined) byBase.set(instance.baseAddress, [instance]);
    else list.push(instance);
  }

  const changes = new Map<string, ResourceChange>();
  for (const change of plan.resource_changes ?? []) {
    if (change.deposed === undefined) changes.set(change.address, change);
  }

  const rootConfig = plan.configuration?.root_module;
  const configModule = (modulePath: string): ConfigModule | undefined => {
    let module = rootConfig;
    for (const step of splitModulePath(modulePath)) {
      module = module?.module_calls?.[step.name]?.module;
    }
    return module;
  };

  const resourcesOf = new Map<ConfigModule, Map<string, ConfigResource>>();
  const resourceConfig = (instance: PlanInstance): ConfigResource | undefined => {
    const module = configModule(instance.modulePath);
    if (module === undefined) return undefined;
    let byAddress = resourcesOf.get(module);
    if (byAddress === undefined) {
      byAddress = new Map((module.resources ?? []).map((r) => [r.address, r]));
      resourcesOf.set(module, byAddress);
    }
    return byAddress.get(resourceBase("", instance.resource));
  };

  return {
    instances,
    skipped,
    byBase,
    moduleInstances,
    changes,
    variables: plan.variables ?? {},
    configModule,
    resourceConfig,
  };
}
