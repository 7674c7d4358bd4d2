import * as z from "zod";
import { TopologySchema } from "./topologySchema.js";

/** JSON Schema (draft 2020-12) of the topology input, generated from the zod schema. */
export function topologyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TopologySchema, { io: "input", unrepresentable: "any" }),
    $id: "https://github.com/linkplan/linkplan/linkplan.schema.json",
    title: "linkplan topology",
  };
}
