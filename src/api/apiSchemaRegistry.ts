import * as z from "zod";
import { parseDocument } from "../document/parseDocument.js";
import { BreakEvenJsonSchema } from "../report/breakEvenJson.js";
import { ComparisonJsonSchema, WhatIfResultSchema } from "../report/comparisonJson.js";
import { EstimateJsonSchema } from "../report/estimateJson.js";
import { TopologySchema } from "../topology/topologySchema.js";
import { WhatIfSchema } from "../whatif/whatIf.js";
import type { ServedExample } from "./apiContext.js";
import { ProblemSchema } from "./problem.js";

/** What the OpenAPI document knows of a named schema. */
export interface SchemaMeta {
  id: string;
  description?: string;
  examples?: unknown[];
  [key: string]: unknown;
}

/** A WeakMap that reads through to another one: own entries first, then the base's. */
class LayeredMap<K extends object, V> extends WeakMap<K, V> {
  constructor(private readonly base: WeakMap<K, V>) {
    super();
  }
  override get(key: K): V | undefined {
    return super.get(key) ?? this.base.get(key);
  }
  override has(key: K): boolean {
    return super.has(key) || this.base.has(key);
  }
}

/**
 * The API's own zod registry: the names of the schemas the OpenAPI document refers to
 * (`#/components/schemas/Topology`, with a real example), on top of the descriptions the
 * schemas carry in zod's global registry, which it reads but never writes — so building an
 * app leaves `topologyJsonSchema()` exactly as it was. (zod offers no public way to layer a
 * registry over another; like fastify-type-provider-zod, this reaches its `_map`.)
 */
export function apiSchemaRegistry(
  examples: readonly ServedExample[],
): z.core.$ZodRegistry<SchemaMeta> {
  const registry = z.registry<SchemaMeta>();
  const internals = registry as unknown as { _map: WeakMap<object, SchemaMeta> };
  const global = z.globalRegistry as unknown as { _map: WeakMap<object, SchemaMeta> };
  internals._map = new LayeredMap(global._map);
  const example = examples.find((e) => e.name === "consumer-provider") ?? examples[0];
  const named: [z.ZodType, SchemaMeta][] = [
    [
      TopologySchema,
      { id: "Topology", ...(example ? { examples: [parseDocument(example.yaml)] } : {}) },
    ],
    [EstimateJsonSchema, { id: "Estimate" }],
    [ProblemSchema, { id: "Problem" }],
    [ComparisonJsonSchema, { id: "Comparison" }],
    [WhatIfSchema, { id: "WhatIf" }],
    [WhatIfResultSchema, { id: "WhatIfResult" }],
    [BreakEvenJsonSchema, { id: "BreakEven" }],
  ];
  for (const [schema, meta] of named) {
    // keep the description .describe() put in the global registry, add the id
    registry.add(schema, { ...z.globalRegistry.get(schema), ...meta });
  }
  return registry;
}
