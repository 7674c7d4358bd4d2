import type { TerraformResource } from "../terraformModel.js";
import { dataSourceValues } from "./dataSources.js";
import { type EvaluatedBody, evaluateBody } from "./evaluateBody.js";
import type { Env, ModuleNames } from "./evaluateExpression.js";
import { expandInstances, keySuffix } from "./expandInstances.js";
import { argumentLine, type ResourceBlock } from "./moduleConfig.js";
import { type ReadContext, warning } from "./readContext.js";
import { InstanceValue, setKey, Unknown } from "./terraformValue.js";

const META = new Set([
  "count",
  "for_each",
  "provider",
  "depends_on",
  "lifecycle",
  "provisioner",
  "connection",
]);

/** One instance: what it is, and its values evaluated once, when first needed. */
export interface InstanceState {
  resource: Omit<TerraformResource, "values" | "unknown">;
  value: InstanceValue;
  /** the evaluated values; undefined while they are being evaluated (a reference cycle) */
  result(): { values: Record<string, unknown>; unknown: string[] } | undefined;
}

/** A resource block's instances and its value as other expressions see it. */
export interface ExpandedBlock {
  /** one InstanceValue, a list of them (count), a map (for_each) or Unknown */
  value: unknown;
  instances: InstanceState[];
}

/** The provider key written in a `provider = aws.alias` meta-argument, or the type's. */
export function providerOf(body: Record<string, unknown>, type: string): string {
  const written = typeof body.provider === "string" ? body.provider : "";
  const match = /^(?:\$\{\s*)?([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)\s*\}?$/.exec(written.trim());
  return match?.[1] ?? type.split("_")[0] ?? type;
}

/**
 * A memoised instance whose values are computed by `compute` once. Asked for too deep in
 * a chain of references (ReadContext.nested), it answers undefined (references stand in)
 * and is computed later.
 */
export function instanceState(
  resource: InstanceState["resource"],
  compute: () => { values: Record<string, unknown>; unknown: string[] },
  nested: ReadContext["nested"],
): InstanceState {
  let state: "idle" | "running" | "done" = "idle";
  let done: { values: Record<string, unknown>; unknown: string[] } | undefined;
  const result = (): typeof done => {
    if (state === "done" || state === "running") return done;
    state = "running";
    try {
      done = nested(compute, () => undefined);
      if (done) state = "done";
    } finally {
      if (state !== "done") state = "idle";
    }
    return done;
  };
  return { resource, value: new InstanceValue(resource.address, () => result()?.values), result };
}

/** Expand a resource or data block of a module instance into its instances. */
export function expandResource(
  block: ResourceBlock,
  names: ModuleNames,
  ctx: ReadContext,
  prefix: string,
  providerKey: (local: string) => string,
): ExpandedBlock {
  const baseAddress = `${prefix}${block.mode === "data" ? "data." : ""}${block.type}.${block.name}`;
  const where = { file: block.file, line: block.line };
  const env: Env = { names, bound: new Map() };
  const instances = expandInstances(block.body, env, ctx.parse, baseAddress);
  const provider = providerKey(providerOf(block.body, block.type));
  const make = (key: string | number | undefined, instanceEnv: Env): InstanceState => {
    const address = `${baseAddress}${keySuffix(key)}`;
    const resource: InstanceState["resource"] = {
      address,
      baseAddress,
      mode: block.mode,
      type: block.type,
      name: block.name,
      ...(key === undefined ? {} : { key }),
      provider,
      ...(block.line === undefined ? {} : { source: { file: block.file, line: block.line } }),
    };
    return instanceState(
      resource,
      () => {
        const body = evaluateBody(block.body, instanceEnv, ctx.parse, META);
        return finish(body, block, address, provider, ctx);
      },
      ctx.nested,
    );
  };
  switch (instances.kind) {
    case "single": {
      const state = make(undefined, env);
      return { value: state.value, instances: [state] };
    }
    case "count": {
      const states = Array.from({ length: instances.count }, (_, i) =>
        make(i, { ...env, count: i }),
      );
      return { value: states.map((s) => s.value), instances: states };
    }
    case "for_each": {
      const value: Record<string, unknown> = {};
      const states = instances.entries.map(([key, each]) => {
        const state = make(key, { ...env, each: { key, value: each } });
        setKey(value, key, state.value);
        return state;
      });
      return { value, instances: states };
    }
    case "unknown":
      ctx.warn(
        warning(
          `${instances.argument} is not known statically (${instances.reason}): read as one instance`,
          {
            ...where,
            address: baseAddress,
          },
        ),
      );
      return {
        value: new Unknown(`the instances of ${baseAddress} are not known`),
        instances: [make(undefined, env)],
      };
  }
}

/** Add what data sources known statically provide, and warn about each unknown argument. */
function finish(
  body: EvaluatedBody,
  block: ResourceBlock,
  address: string,
  provider: string,
  ctx: ReadContext,
): { values: Record<string, unknown>; unknown: string[] } {
  const values = body.values;
  if (block.mode === "data") {
    const data = dataSourceValues(block.type, values, ctx.regionOf(provider));
    if (data) {
      for (const [k, v] of Object.entries(data.values)) setKey(values, k, v);
      if (data.warning)
        ctx.warn(warning(data.warning, { file: block.file, line: block.line, address }));
    }
  }
  const text = ctx.files[block.file] ?? "";
  for (const { path, reason } of body.unknown) {
    const name = path.split(/[.[]/)[0] ?? path;
    const line =
      block.line === undefined ? undefined : (argumentLine(text, block.line, name) ?? block.line);
    ctx.warn(
      warning(`${path} is not known statically (${reason})`, { file: block.file, line, address }),
    );
  }
  return { values, unknown: body.unknown.map((u) => u.path) };
}
