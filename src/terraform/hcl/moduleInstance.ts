import { evaluateValue } from "./evaluateBody.js";
import type { Env, ModuleNames } from "./evaluateExpression.js";
import { expandInstances, keySuffix } from "./expandInstances.js";
import type { ModuleConfig, NamedBlock, ResourceBlock } from "./moduleConfig.js";
import { localModuleDir, moduleKind, providerMap } from "./moduleSource.js";
import { MAX_MODULE_DEPTH, type ReadContext, warning } from "./readContext.js";
import { type ExpandedBlock, expandResource, type InstanceState } from "./resourceInstances.js";
import { ExpressionError, ModuleValue, setKey, Unknown } from "./terraformValue.js";
import { vpcEndpointsModule } from "./vpcEndpointsModule.js";

const MODULE_META = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

/** How a module instance is placed: its address, inputs and provider configurations. */
export interface ModulePlacement {
  /** "" for the root, else the module instance address: module.a, module.b["k"] */
  address: string;
  depth: number;
  /** the directories of this module and of the modules that call it, to refuse a cycle */
  dirs: readonly string[];
  /** the value given for a variable, or undefined when none is */
  input(name: string): { value: unknown } | undefined;
  /** the root provider key a provider key of this module stands for */
  providerKey(local: string): string;
}

interface Slot {
  running: boolean;
  value?: unknown;
}

interface ModuleCallState {
  value: unknown;
  emit: (() => void)[];
}

/**
 * One instance of a module (the root, or a local module per count/for_each key): its
 * variables, locals, resources, calls and outputs, each evaluated once when first used.
 */
export class ModuleInstance implements ModuleNames {
  readonly path: ModuleNames["path"];
  private readonly slots = new Map<string, Slot>();
  private readonly blocks = new Map<string, ExpandedBlock>();
  private readonly calls = new Map<string, ModuleCallState>();
  private readonly env: Env;
  private readonly declared = new Map<string, ResourceBlock>();

  constructor(
    private readonly ctx: ReadContext,
    private readonly config: ModuleConfig,
    private readonly placement: ModulePlacement,
  ) {
    this.path = { module: config.dir || ".", root: ".", cwd: "." };
    this.env = { names: this, bound: new Map() };
    for (const block of config.resources) {
      const key = `${block.mode}.${block.type}.${block.name}`;
      if (!this.declared.has(key)) this.declared.set(key, block);
    }
  }

  charge = (steps: number): void => this.ctx.charge(steps);

  private get prefix(): string {
    return this.placement.address ? `${this.placement.address}.` : "";
  }

  /** Evaluate once; a second request while the first runs is a cycle. */
  private once(key: string, compute: () => unknown, onCycle: () => unknown): unknown {
    const slot = this.slots.get(key);
    if (slot && !slot.running) return slot.value;
    if (slot?.running) return onCycle();
    const fresh: Slot = { running: true };
    this.slots.set(key, fresh);
    try {
      fresh.value = this.ctx.nested(compute, () => new Unknown("references nested too deeply"));
      fresh.running = false;
      return fresh.value;
    } finally {
      if (fresh.running) this.slots.delete(key);
    }
  }

  variable(name: string): unknown {
    const block = this.config.variables.get(name);
    if (!block) throw new ExpressionError(`no variable "${name}" is declared`);
    return this.once(
      `var.${name}`,
      () => {
        const given = this.placement.input(name);
        if (given) return given.value;
        if (block.body.default !== undefined)
          return evaluateValue(block.body.default, this.env, this.ctx.parse);
        const hint = this.placement.address
          ? `module ${this.placement.address} does not set it`
          : "give it with --var or --var-file";
        return new Unknown(`variable ${name} has no value: ${hint}`);
      },
      () => new Unknown(`variable ${name} refers to itself`),
    );
  }

  local(name: string): unknown {
    const local = this.config.locals.get(name);
    if (!local) throw new ExpressionError(`no local value "${name}" is declared`);
    return this.once(
      `local.${name}`,
      () => evaluateValue(local.value, this.env, this.ctx.parse),
      () => {
        const address = `${this.prefix}local.${name}`;
        this.ctx.warn(
          warning("is part of a reference cycle: not evaluated", {
            file: local.file,
            line: local.line,
            address,
          }),
        );
        return new Unknown(`local.${name} is part of a reference cycle`);
      },
    );
  }

  resource(mode: "managed" | "data", type: string, name: string): unknown {
    const block = this.declared.get(`${mode}.${type}.${name}`);
    if (!block)
      throw new ExpressionError(
        `no ${mode === "data" ? "data source" : "resource"} ${type}.${name} is declared`,
      );
    return this.once(
      `${mode}.${type}.${name}`,
      () => this.expand(block).value,
      () => new Unknown(`${type}.${name} refers to itself through its count or for_each`),
    );
  }

  private expand(block: ResourceBlock): ExpandedBlock {
    const key = `${block.mode}.${block.type}.${block.name}`;
    let expanded = this.blocks.get(key);
    if (!expanded) {
      expanded = expandResource(block, this, this.ctx, this.prefix, (k) =>
        this.placement.providerKey(k),
      );
      this.blocks.set(key, expanded);
    }
    return expanded;
  }

  module(name: string): unknown {
    const call = this.config.modules.find((m) => m.name === name);
    if (!call) throw new ExpressionError(`no module "${name}" is called`);
    return this.once(
      `module.${name}`,
      () => this.call(call).value,
      () => new Unknown(`module.${name} refers to itself`),
    );
  }

  output(name: string): unknown {
    const block = this.config.outputs.get(name);
    if (!block) throw new ExpressionError(`${this.placement.address} has no output "${name}"`);
    return this.once(
      `output.${name}`,
      () => evaluateValue(block.body.value, this.env, this.ctx.parse),
      () => new Unknown(`output ${name} of ${this.placement.address} refers to itself`),
    );
  }

  /** Push every resource instance of this module and of the modules it calls. */
  emit(): void {
    for (const block of this.config.resources) this.emitInstances(this.expand(block).instances);
    for (const call of this.config.modules) for (const emit of this.call(call).emit) emit();
  }

  private emitInstances(instances: readonly InstanceState[]): void {
    for (const instance of instances) {
      const result = instance.result() ?? { values: {}, unknown: [] };
      this.ctx.resources.push({
        ...instance.resource,
        values: result.values,
        unknown: result.unknown,
      });
    }
  }

  private call(call: NamedBlock): ModuleCallState {
    let state = this.calls.get(call.name);
    if (!state) {
      state = this.expandCall(call);
      this.calls.set(call.name, state);
    }
    return state;
  }

  private expandCall(call: NamedBlock): ModuleCallState {
    const base = `${this.prefix}module.${call.name}`;
    const where = { file: call.file, line: call.line, address: base };
    const source = typeof call.body.source === "string" ? call.body.source : "";
    const kind = moduleKind(source);
    if (kind === "remote") {
      this.ctx.warn(
        warning(
          `module source ${JSON.stringify(source)} is not read (only local modules and terraform-aws-modules/vpc/aws//modules/vpc-endpoints are): its resources are skipped`,
          where,
        ),
      );
      return { value: new Unknown(`the outputs of ${base} (${source}) are not known`), emit: [] };
    }
    const dir = kind === "local" ? localModuleDir(this.config.dir, source) : "";
    const config = kind === "local" && dir !== undefined ? this.ctx.modules.get(dir) : undefined;
    if (kind === "local" && !config) {
      const place =
        dir === undefined ? "outside the root directory" : `no .tf files in ${dir || "."}`;
      this.ctx.warn(
        warning(
          `module source ${JSON.stringify(source)}: ${place}: its resources are skipped`,
          where,
        ),
      );
      return { value: new Unknown(`module ${base} has no configuration`), emit: [] };
    }
    if (kind === "local" && dir !== undefined && this.placement.dirs.includes(dir)) {
      this.ctx.warn(
        warning(
          `module source ${JSON.stringify(source)} calls a module that calls it: skipped`,
          where,
        ),
      );
      return { value: new Unknown(`module ${base} calls itself`), emit: [] };
    }
    if (this.placement.depth >= MAX_MODULE_DEPTH) {
      this.ctx.warn(warning(`modules nested deeper than ${MAX_MODULE_DEPTH}: skipped`, where));
      return { value: new Unknown(`module ${base} is nested too deeply`), emit: [] };
    }
    const providers = providerMap(call.body);
    const providerKey = (local: string): string =>
      this.placement.providerKey(providers.get(local) ?? local);
    const instance = (
      key: string | number | undefined,
      env: Env,
    ): { value: unknown; emit: () => void } => {
      const address = `${base}${keySuffix(key)}`;
      const input = (name: string): { value: unknown } | undefined =>
        Object.hasOwn(call.body, name) && !MODULE_META.has(name)
          ? { value: evaluateValue(call.body[name], env, this.ctx.parse) }
          : undefined;
      if (kind === "vpc-endpoints") {
        const expanded = vpcEndpointsModule(call, address, input, providerKey("aws"), this.ctx);
        return { value: expanded.value, emit: () => this.emitInstances(expanded.instances) };
      }
      const child = new ModuleInstance(this.ctx, config as ModuleConfig, {
        address,
        depth: this.placement.depth + 1,
        dirs: [...this.placement.dirs, dir ?? ""],
        input,
        providerKey,
      });
      return {
        value: new ModuleValue(address, (name) => child.output(name)),
        emit: () => child.emit(),
      };
    };
    const instances = expandInstances(call.body, this.env, this.ctx.parse, base);
    switch (instances.kind) {
      case "single": {
        const one = instance(undefined, this.env);
        return { value: one.value, emit: [one.emit] };
      }
      case "count": {
        const all = Array.from({ length: instances.count }, (_, i) =>
          instance(i, { ...this.env, count: i }),
        );
        return { value: all.map((i) => i.value), emit: all.map((i) => i.emit) };
      }
      case "for_each": {
        const value: Record<string, unknown> = {};
        const all = instances.entries.map(([key, each]) => {
          const one = instance(key, { ...this.env, each: { key, value: each } });
          setKey(value, key, one.value);
          return one;
        });
        return { value, emit: all.map((i) => i.emit) };
      }
      case "unknown": {
        this.ctx.warn(
          warning(
            `${instances.argument} is not known statically (${instances.reason}): read as one instance`,
            where,
          ),
        );
        const one = instance(undefined, this.env);
        return { value: new Unknown(`the instances of ${base} are not known`), emit: [one.emit] };
      }
    }
  }
}
