import { z } from "zod";
import { BreakEvenJsonSchema } from "../model/breakEvenJson.js";
import { ComparisonJsonSchema, WhatIfResultSchema } from "../model/comparisonJson.js";
import { EstimateJsonSchema } from "../model/estimateJson.js";
import { parseDocument } from "../model/parseDocument.js";
import { TopologySchema } from "../model/topologySchema.js";
import { WhatIfSchema } from "../model/whatif/whatIf.js";
import type { ServedExample } from "./apiContext.js";
import { ProblemSchema } from "./problem.js";

/**
 * Name the library's schemas in zod's registry so the OpenAPI document refers to
 * `#/components/schemas/Topology` (with a real example) instead of repeating it per route.
 * Registering twice is a no-op (tests build many apps).
 */
export function registerSchemas(examples: readonly ServedExample[]): void {
  const example = examples.find((e) => e.name === "consumer-provider") ?? examples[0];
  const named: [z.ZodType, { id: string; examples?: unknown[] }][] = [
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
    // .describe() already put a description there: keep it, add the id
    const existing = z.globalRegistry.get(schema);
    if (existing?.id === meta.id) continue;
    z.globalRegistry.remove(schema);
    z.globalRegistry.add(schema, { ...existing, ...meta });
  }
}
